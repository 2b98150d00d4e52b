import { consentNoticeSchema, consentRecordSchema, type SubmitConsentInput } from '@oneway/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestApi } from '../../../api/client.ts';
import { requestedWithHeaders } from '../../../api/requestedWith.ts';

export const consentNoticeQueryKey = ['candidate', 'consent-notice'] as const;

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
        headers: requestedWithHeaders,
        schema: consentRecordSchema,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: consentNoticeQueryKey }),
  });
}
