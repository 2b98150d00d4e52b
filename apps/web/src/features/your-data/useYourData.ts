import {
  candidateDataSchema,
  consentWithdrawnSchema,
  erasureConfirmedSchema,
  erasureRequestSentSchema,
} from '@oneway/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestApi } from '../../api/client.ts';
import { requestedWithHeaders } from '../../api/requestedWith.ts';

const yourDataKey = ['candidate', 'your-data'] as const;

/** Where the ZIP of everything held about the candidate downloads from (with the session cookie). */
export const exportUrl = '/api/v1/candidate/your-data/export';

/** Everything held about the candidate of this browser's session, and where an erasure stands. */
export function useYourData() {
  return useQuery({
    queryKey: yourDataKey,
    queryFn: ({ signal }) => requestApi('/candidate/your-data', { schema: candidateDataSchema, signal }),
    retry: false,
  });
}

/** E-mails a confirmation link to the candidate's address. */
export function useRequestErasure() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      requestApi('/candidate/your-data/erasure-request', {
        method: 'POST',
        headers: requestedWithHeaders,
        schema: erasureRequestSentSchema,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: yourDataKey }),
  });
}

/** Withdraws consent: the interview stops and what was uploaded is erased. */
export function useWithdrawConsent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      requestApi('/candidate/consent/withdraw', {
        method: 'POST',
        headers: requestedWithHeaders,
        schema: consentWithdrawnSchema,
      }),
    // Everything the candidate pages know of the interview changed.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['candidate'] }),
  });
}

/** Confirms an erasure request with the e-mailed link's token; works without a session. */
export function useConfirmErasure() {
  return useMutation({
    mutationFn: (token: string) =>
      requestApi('/candidate/erasure/confirm', {
        method: 'POST',
        body: { token },
        headers: requestedWithHeaders,
        schema: erasureConfirmedSchema,
      }),
  });
}
