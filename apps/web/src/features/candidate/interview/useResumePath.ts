import { useQuery } from '@tanstack/react-query';
import { isInGracePeriod } from './gateView.ts';
import { resumePath, reviewPath } from './interviewPaths.ts';
import { candidateInterviewQuery } from './useCandidateInterview.ts';

/**
 * Where the landing page's Continue leads: consent for a first visit, and for a returning candidate the device
 * check or the next question without an answer. Until the progress is known (or if it can't be), consent, which
 * leads on by itself. After the deadline, a candidate whose answer was started in time is in its grace period
 * (the interview is not `expired` yet): Continue leads to the review, to choose answers and submit.
 */
export function useResumePath(enabled: boolean): { path: string; isInGrace: boolean } {
  const progress = useQuery({
    ...candidateInterviewQuery,
    enabled,
    retry: false,
  }).data;
  const isInGrace = progress !== undefined && isInGracePeriod(progress);
  if (isInGrace) return { path: reviewPath, isInGrace };
  return { path: progress ? resumePath(progress) : '/interview/consent', isInGrace };
}
