import { candidateReviewSchema, guestViewSchema, myRatingsSchema, playbackSchema } from '@oneway/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { requestApi } from '../../api/client.ts';
import { overallKey, type SaveScore } from '../reviews/useScoreAutosave.ts';
import { requestedWithHeaders } from '../../api/requestedWith.ts';

const enc = encodeURIComponent;
const guestKey = ['guest'] as const;

export const startGuestSession = (token: string) =>
  requestApi('/shared/session', {
    method: 'POST',
    body: { token },
    headers: requestedWithHeaders,
    schema: guestViewSchema,
  });

export const requestGuestPlayback = (takeId: string) =>
  requestApi(`/shared/takes/${enc(takeId)}/playback`, {
    method: 'POST',
    headers: requestedWithHeaders,
    schema: playbackSchema,
  });

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

/** Saves one of the guest's scores on its own, under the name they give (see saveMemberScore). */
export function saveGuestScore(invitationId: string, guestName: string): SaveScore {
  const base = `/shared/invitations/${enc(invitationId)}/ratings`;
  return (key, score) =>
    requestApi(key === overallKey ? `${base}/overall` : `${base}/questions/${enc(key)}`, {
      method: 'PUT',
      body: key === overallKey ? { overall: score, guestName } : { score, guestName },
      headers: requestedWithHeaders,
      schema: myRatingsSchema,
      keepalive: true,
    });
}

/** Refreshes what the guest sees (their scores in the list of candidates). */
export function useInvalidateGuestView() {
  const queryClient = useQueryClient();
  return useCallback(() => void queryClient.invalidateQueries({ queryKey: guestKey }), [queryClient]);
}
