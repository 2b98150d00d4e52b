import {
  candidateReviewSchema,
  guestViewSchema,
  myRatingsSchema,
  playbackSchema,
  type PutGuestRatingsInput,
} from '@oneway/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestApi } from '../../api/client.ts';

// Guest routes refuse state changes without this header (as candidate routes do).
const headers = { 'x-requested-with': 'oneway' };
const enc = encodeURIComponent;
const guestKey = ['guest'] as const;

export const startGuestSession = (token: string) =>
  requestApi('/shared/session', { method: 'POST', body: { token }, headers, schema: guestViewSchema });

export const requestGuestPlayback = (takeId: string) =>
  requestApi(`/shared/takes/${enc(takeId)}/playback`, { method: 'POST', headers, schema: playbackSchema });

export function useGuestView(enabled: boolean) {
  return useQuery({
    queryKey: [...guestKey, 'view'],
    queryFn: ({ signal }) => requestApi('/shared/view', { schema: guestViewSchema, signal }),
    enabled,
    retry: false,
  });
}

export function useGuestReview(invitationId: string) {
  return useQuery({
    queryKey: [...guestKey, 'review', invitationId],
    queryFn: ({ signal }) =>
      requestApi(`/shared/invitations/${enc(invitationId)}/review`, {
        schema: candidateReviewSchema,
        signal,
      }),
    retry: false,
  });
}

export function useSaveGuestRatings(invitationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PutGuestRatingsInput) =>
      requestApi(`/shared/invitations/${enc(invitationId)}/ratings`, {
        method: 'PUT',
        body: input,
        headers,
        schema: myRatingsSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: guestKey }),
  });
}
