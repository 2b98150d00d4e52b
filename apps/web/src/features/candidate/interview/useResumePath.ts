import { useQuery } from '@tanstack/react-query';
import { resumePath } from './interviewPaths.ts';
import { candidateInterviewQuery } from './useCandidateInterview.ts';

/**
 * Where the landing page's Continue leads: consent for a first visit, and for a returning candidate the device
 * check or the next question without an answer. Until the progress is known (or if it can't be), consent, which
 * leads on by itself.
 */
export function useResumePath(enabled: boolean): string {
  const progress = useQuery({
    ...candidateInterviewQuery,
    enabled,
    retry: false,
  });
  return progress.data ? resumePath(progress.data) : '/interview/consent';
}
