import {
  consentNoticeSchema,
  consentRecordSchema,
  type InterviewLanguage,
  type SubmitConsentInput,
} from '@oneway/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestApi } from '../../../api/client.ts';
import { requestedWithHeaders } from '../../../api/requestedWith.ts';

export const consentNoticeQueryKey = ['candidate', 'consent-notice'] as const;

/**
 * The recording notice for this candidate's interview in `language` (the one the pages show, so the candidate agrees
 * to the text they read), with its version, hash and when they agreed. Asked only once `enabled`.
 */
export function useConsentNotice(language: InterviewLanguage, enabled: boolean) {
  return useQuery({
    queryKey: [...consentNoticeQueryKey, language],
    enabled,
    queryFn: ({ signal }) =>
      requestApi(`/candidate/consent-notice?language=${language}`, { schema: consentNoticeSchema, signal }),
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
