import {
  candidateLandingSchema,
  candidateRequestSchema,
  type CandidateLanding,
  type CandidateRequestInput,
} from '@oneway/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestApi } from '../../api/client.ts';
import { applyInterviewLanguage, loadInterviewLanguage } from '../../i18n/candidateI18n.ts';
import { requestedWithHeaders } from '../../api/requestedWith.ts';

export const candidateLandingQueryKey = ['candidate', 'landing'] as const;

/**
 * The landing page once the strings of the language it shows in are here (the interview's, or the one the candidate
 * chose), so the pages switch to it at once (Spanish is its own chunk). Should they fail to load, the pages stay in
 * English.
 */
export async function withItsLanguage(landing: CandidateLanding): Promise<CandidateLanding> {
  await loadInterviewLanguage(landing.language).catch(() => undefined);
  return landing;
}

const fetchLanding = (signal?: AbortSignal) =>
  requestApi('/candidate/landing', { schema: candidateLandingSchema, signal }).then(withItsLanguage);

/** The landing page of the invitation this browser's candidate session belongs to. */
export function useCandidateLanding() {
  return useQuery({ queryKey: candidateLandingQueryKey, queryFn: ({ signal }) => fetchLanding(signal) });
}

/** Reads the landing page from the cache only, without asking the server (for the layout). */
export function useCachedCandidateLanding(): CandidateLanding | undefined {
  return useQuery({ queryKey: candidateLandingQueryKey, queryFn: () => fetchLanding(), enabled: false }).data;
}

/**
 * The language the employer wrote the interview in, once the landing page is loaded: the `lang` of their words
 * (title, intro, instructions, questions), which stay as written whatever language the pages show.
 */
export function useInterviewLanguage(): CandidateLanding['language'] | undefined {
  return useCachedCandidateLanding()?.language;
}

/** Exchanges the link's token for a session cookie; the answer is the landing page. */
export function useStartCandidateSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) =>
      requestApi('/candidate/session', {
        method: 'POST',
        body: { token },
        headers: requestedWithHeaders,
        schema: candidateLandingSchema,
      }).then(withItsLanguage),
    onSuccess: (landing) => {
      // Switch language before the landing page first renders, so it never shows in the wrong one.
      applyInterviewLanguage(landing.language);
      queryClient.setQueryData(candidateLandingQueryKey, landing);
    },
  });
}

/** Stores the browser's time zone with the invitation, for times in e-mails. */
export function saveCandidateTimeZone(timeZone: string): Promise<void> {
  return requestApi('/candidate/time-zone', {
    method: 'PUT',
    body: { timeZone },
    headers: requestedWithHeaders,
  });
}

/** Sends a request for more time or an accommodation, then reloads the landing page. */
export function useCandidateRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CandidateRequestInput) =>
      requestApi('/candidate/requests', {
        method: 'POST',
        body: input,
        headers: requestedWithHeaders,
        schema: candidateRequestSchema,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: candidateLandingQueryKey }),
  });
}
