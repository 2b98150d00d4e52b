import {
  candidateInterviewSchema,
  candidateLandingSchema,
  revealedQuestionSchema,
  submittedInterviewSchema,
  type CandidateInterview,
  type ContinueWithCodeInput,
  type SaveAnswerInput,
} from '@oneway/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestApi } from '../../../api/client.ts';
import { applyInterviewLanguage } from '../../../i18n/candidateI18n.ts';
import { requestedWithHeaders } from '../../../api/requestedWith.ts';
import { candidateLandingQueryKey, withItsLanguage } from '../useCandidate.ts';
import { monotonicClock, serverClock } from './timing.ts';

export const candidateInterviewQueryKey = ['candidate', 'interview'] as const;

/** Fetches the interview, and sets the page's server clock by the time the server answered with. */
async function fetchInterview(signal?: AbortSignal): Promise<CandidateInterview> {
  const sentAt = monotonicClock();
  const interview = await requestApi('/candidate/interview', { schema: candidateInterviewSchema, signal });
  const serverTime: string | undefined = interview.serverTime;
  if (serverTime !== undefined) serverClock.sync(serverTime, sentAt, monotonicClock());
  return interview;
}

/**
 * The candidate's progress: the practice question, every question's rules, takes and answer. Always asked again
 * when a page opens: consent, takes and answers change on other pages and on the server.
 */
export const candidateInterviewQuery = {
  queryKey: candidateInterviewQueryKey,
  queryFn: ({ signal }: { signal?: AbortSignal }) => fetchInterview(signal),
  staleTime: 0,
};

export function useCandidateInterview() {
  return useQuery(candidateInterviewQuery);
}

function updateQuestion(
  interview: CandidateInterview | undefined,
  questionId: string,
  change: Partial<CandidateInterview['questions'][number]>,
): CandidateInterview | undefined {
  if (!interview) return interview;
  return {
    ...interview,
    questions: interview.questions.map((q) => (q.id === questionId ? { ...q, ...change } : q)),
  };
}

/** Shows a question's prompt; its think time runs from the server's answer. */
export function useRevealQuestion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (questionId: string) =>
      requestApi(`/candidate/questions/${encodeURIComponent(questionId)}/reveal`, {
        method: 'POST',
        headers: requestedWithHeaders,
        schema: revealedQuestionSchema,
      }),
    onSuccess: async (revealed, questionId) => {
      // A refresh already on its way may carry the question from before the reveal: without its prompt, the page
      // would hide the question mid-answer. Such a refresh is dropped; the next one sees the reveal.
      await queryClient.cancelQueries({ queryKey: candidateInterviewQueryKey });
      queryClient.setQueryData<CandidateInterview>(candidateInterviewQueryKey, (old) =>
        updateQuestion(old, questionId, revealed),
      );
    },
  });
}

/** Chooses a saved take as a question's answer, or saves a written answer. */
export function useSaveAnswer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ questionId, input }: { questionId: string; input: SaveAnswerInput }) =>
      requestApi(`/candidate/answers/${encodeURIComponent(questionId)}`, {
        method: 'PUT',
        body: input,
        headers: requestedWithHeaders,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: candidateInterviewQueryKey }),
  });
}

/** Sends the interview; every interview page then leads to the confirmation. */
export function useSubmitInterview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      requestApi('/candidate/submit', {
        method: 'POST',
        headers: requestedWithHeaders,
        schema: submittedInterviewSchema,
      }),
    onSuccess: async ({ submittedAt }) => {
      queryClient.setQueryData<CandidateInterview>(candidateInterviewQueryKey, (old) =>
        old ? { ...old, submittedAt, status: 'completed' } : old,
      );
      await queryClient.invalidateQueries({ queryKey: candidateLandingQueryKey });
    },
  });
}

/** E-mails the candidate a 6-digit code to continue on another device. */
export function useRequestContinueCode() {
  return useMutation({
    mutationFn: () =>
      requestApi('/candidate/continue-code', { method: 'POST', headers: requestedWithHeaders }),
  });
}

/** Exchanges the e-mailed code for a session on this device; the answer is the landing page. */
export function useContinueWithCode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ContinueWithCodeInput) =>
      requestApi('/candidate/session/code', {
        method: 'POST',
        body: input,
        headers: requestedWithHeaders,
        schema: candidateLandingSchema,
      }).then(withItsLanguage),
    onSuccess: async (landing) => {
      applyInterviewLanguage(landing.language);
      queryClient.setQueryData(candidateLandingQueryKey, landing);
      await queryClient.invalidateQueries({ queryKey: candidateInterviewQueryKey });
    },
  });
}
