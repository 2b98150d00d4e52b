import { consentNoticeSchema, consentRecordSchema, type SubmitConsentInput } from '@oneway/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestApi } from '../../../api/client.ts';

export const consentNoticeQueryKey = ['candidate', 'consent-notice'] as const;

// The server refuses candidate state changes without this header (its CSRF defence; see candidate-cookie.ts).
const candidateHeaders = { 'x-requested-with': 'oneway' };

/** The recording notice for this candidate's interview, with its version, hash and when they agreed. */
export function useConsentNotice() {
  return useQuery({
    queryKey: consentNoticeQueryKey,
    queryFn: ({ signal }) => requestApi('/candidate/consent-notice', { schema: consentNoticeSchema, signal }),
  });
}

/** Agrees to the notice shown; a notice that changed meanwhile is reloaded so the candidate reads the new one. */
export function useSubmitConsent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SubmitConsentInput) =>
      requestApi('/candidate/consent', {
        method: 'POST',
        body: input,
        headers: candidateHeaders,
        schema: consentRecordSchema,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: consentNoticeQueryKey }),
  });
}
