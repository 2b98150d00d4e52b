import { teamInvitationSchema, type InviteMemberInput } from '@oneway/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { listOf, requestApi } from '../../api/client.ts';
import { invitationsQueryKey, outboxQueryKey } from '../../api/queryKeys.ts';

const invitationsResponse = listOf('invitations', teamInvitationSchema);

/** Pending team invitations; only owners and admins may list them. */
export function useInvitations(enabled: boolean) {
  return useQuery({
    queryKey: invitationsQueryKey,
    queryFn: ({ signal }) => requestApi('/members/invitations', { schema: invitationsResponse, signal }),
    select: (data) => data.invitations,
    enabled,
  });
}

function useInvitationMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { sendsMail: true },
    mutationFn,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: invitationsQueryKey });
      // Each invitation sends an e-mail, which shows in the outbox when no mail server is set up.
      await queryClient.invalidateQueries({ queryKey: outboxQueryKey });
    },
  });
}

export function useInviteMember() {
  return useInvitationMutation((input: InviteMemberInput) =>
    requestApi('/members/invitations', { method: 'POST', body: input, schema: teamInvitationSchema }),
  );
}

export function useRevokeInvitation() {
  return useInvitationMutation((id: string) =>
    requestApi(`/members/invitations/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  );
}

export function useResendInvitation() {
  return useInvitationMutation((id: string) =>
    requestApi(`/members/invitations/${encodeURIComponent(id)}/resend`, { method: 'POST' }),
  );
}
