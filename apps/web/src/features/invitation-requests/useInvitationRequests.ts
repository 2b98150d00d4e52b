import {
  invitationRequestListSchema,
  pendingRequestCountSchema,
  invitationRequestSchema,
  type ApproveInvitationRequestInput,
  type DeclineInvitationRequestInput,
} from '@oneway/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestApi } from '../../api/client.ts';
import { outboxQueryKey } from '../../api/queryKeys.ts';

/** Every list of requests starts with this key, so one invalidation refreshes them all. */
export const invitationRequestsQueryKey = ['invitation-requests'] as const;

/** Pending requests of the organisation, or of one interview. */
export function usePendingInvitationRequests(interviewId?: string) {
  const query = new URLSearchParams({ status: 'pending', ...(interviewId ? { interviewId } : {}) });
  return useQuery({
    queryKey: [...invitationRequestsQueryKey, 'pending', interviewId ?? 'all'],
    queryFn: ({ signal }) =>
      requestApi(`/invitation-requests?${query.toString()}`, { schema: invitationRequestListSchema, signal }),
    select: (data) => data.requests,
  });
}

/** How many requests wait for a decision, for the count next to "Requests" (asked again every minute). */
export function usePendingRequestCount(enabled: boolean) {
  return useQuery({
    queryKey: [...invitationRequestsQueryKey, 'summary'],
    queryFn: ({ signal }) =>
      requestApi('/invitation-requests/summary', { schema: pendingRequestCountSchema, signal }),
    select: (data) => data.pending,
    enabled,
    refetchInterval: 60_000,
  });
}

function useDecision<I>(action: 'approve' | 'decline') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: I }) =>
      requestApi(`/invitation-requests/${encodeURIComponent(id)}/${action}`, {
        method: 'POST',
        body: input,
        schema: invitationRequestSchema,
      }),
    // Not awaited: the decided request leaves the list when it refreshes, which unmounts its form; the form's own
    // success handler (status message, focus) must run first.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: invitationRequestsQueryKey });
      // Decisions e-mail the candidate; the outbox shows it when no mail server is set up.
      void queryClient.invalidateQueries({ queryKey: outboxQueryKey });
      // Invitation lists show deadlines, accommodations and pending counts.
      void queryClient.invalidateQueries({ queryKey: ['invitations'] });
    },
  });
}

export const useApproveInvitationRequest = () => useDecision<ApproveInvitationRequestInput>('approve');
export const useDeclineInvitationRequest = () => useDecision<DeclineInvitationRequestInput>('decline');
