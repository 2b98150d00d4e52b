import { sessionInfoSchema, teamInvitationPreviewSchema } from '@oneway/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestApi } from '../../api/client.ts';
import { rememberSession } from '../auth/useSession.ts';

/** What an invitation link offers; reading it consumes nothing. */
export function useTeamInvitationPreview(token: string) {
  return useQuery({
    queryKey: ['team-invitation-preview', token],
    queryFn: ({ signal }) =>
      requestApi(`/team-invitations/preview?token=${encodeURIComponent(token)}`, {
        schema: teamInvitationPreviewSchema,
        signal,
      }),
    enabled: token.length > 0,
    staleTime: Infinity,
  });
}

export interface AcceptInvitationInput {
  token: string;
  name?: string | undefined;
  password: string;
}

/** Accepts an invitation, creating the account when needed, and signs in. */
export function useAcceptTeamInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AcceptInvitationInput) =>
      requestApi('/team-invitations/accept', { method: 'POST', body: input, schema: sessionInfoSchema }),
    onSuccess: (session) => rememberSession(queryClient, session),
  });
}
