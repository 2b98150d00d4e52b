import { candidateTakePlaybackSchema } from '@oneway/shared';
import { useMutation } from '@tanstack/react-query';
import { requestApi } from '../../../api/client.ts';
import { requestedWithHeaders } from '../../../api/requestedWith.ts';

/** A short-lived address to play one of the candidate's own saved takes (the server's processed copy). */
export function useTakePlayback(takeId: string) {
  return useMutation({
    mutationFn: () =>
      requestApi(`/candidate/takes/${encodeURIComponent(takeId)}/playback`, {
        method: 'POST',
        headers: requestedWithHeaders,
        schema: candidateTakePlaybackSchema,
      }),
  });
}
