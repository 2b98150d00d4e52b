import {
  bulkInvitationResultSchema,
  candidateLinkSchema,
  invitationImportPreviewSchema,
  invitationImportResultSchema,
  invitationSchema,
  type Accommodations,
  type BulkInvitationAction,
  type CreateInvitationInput,
} from '@oneway/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestApi } from '../../api/client.ts';
import { outboxQueryKey } from '../../api/queryKeys.ts';
import { interviewsQueryKey } from '../interviews/interviewQueries.ts';
import { invitationsRootKey } from './invitationQueries.ts';

const interviewInvitations = (interviewId: string) =>
  `/interviews/${encodeURIComponent(interviewId)}/invitations`;

/** After any change: lists, details, the interview counts and the outbox (every action may send mail). */
function useRefresh() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: invitationsRootKey }),
      queryClient.invalidateQueries({ queryKey: interviewsQueryKey }),
      queryClient.invalidateQueries({ queryKey: outboxQueryKey }),
    ]);
  };
}

export function useCreateInvitation(interviewId: string) {
  const refresh = useRefresh();
  return useMutation({
    meta: { sendsMail: true },
    mutationFn: (input: CreateInvitationInput) =>
      requestApi(interviewInvitations(interviewId), {
        method: 'POST',
        body: input,
        schema: invitationSchema,
      }),
    onSuccess: refresh,
  });
}

/** Checks a CSV without inviting anyone. */
export function usePreviewImport(interviewId: string) {
  return useMutation({
    mutationFn: (csv: string) =>
      requestApi(`${interviewInvitations(interviewId)}/import/preview`, {
        method: 'POST',
        body: { csv },
        schema: invitationImportPreviewSchema,
      }),
  });
}

export function useImportInvitations(interviewId: string) {
  const refresh = useRefresh();
  return useMutation({
    meta: { sendsMail: true },
    mutationFn: (csv: string) =>
      requestApi(`${interviewInvitations(interviewId)}/import`, {
        method: 'POST',
        body: { csv },
        schema: invitationImportResultSchema,
      }),
    onSuccess: refresh,
  });
}

export function useBulkInvitationAction(interviewId: string) {
  const refresh = useRefresh();
  return useMutation({
    meta: { sendsMail: true },
    mutationFn: (input: BulkInvitationAction) =>
      requestApi(`${interviewInvitations(interviewId)}/bulk`, {
        method: 'POST',
        body: input,
        schema: bulkInvitationResultSchema,
      }),
    onSettled: refresh,
  });
}

export type InvitationAction =
  | { kind: 'resend' }
  | { kind: 'withdraw' }
  | { kind: 'extend'; deadline: string }
  | { kind: 'accommodations'; accommodations: Accommodations };

/** One action on one invitation; each answers with the changed invitation. */
export function useInvitationAction(invitationId: string) {
  const refresh = useRefresh();
  return useMutation({
    meta: { sendsMail: true },
    mutationFn: (action: InvitationAction) => {
      const path = `/invitations/${encodeURIComponent(invitationId)}`;
      if (action.kind === 'accommodations') {
        return requestApi(`${path}/accommodations`, {
          method: 'PUT',
          body: action.accommodations,
          schema: invitationSchema,
        });
      }
      const body = action.kind === 'extend' ? { deadline: action.deadline } : undefined;
      return requestApi(`${path}/${action.kind}`, { method: 'POST', body, schema: invitationSchema });
    },
    onSettled: refresh,
  });
}

/** A fresh link to the candidate's interview (shown once; only its hash is kept). */
export function useCopyCandidateLink(invitationId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () =>
      requestApi(`/invitations/${encodeURIComponent(invitationId)}/link`, {
        method: 'POST',
        schema: candidateLinkSchema,
      }),
    // The timeline records the copy.
    onSuccess: () => void refresh(),
  });
}
