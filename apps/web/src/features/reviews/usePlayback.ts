import type { Playback } from '@oneway/shared';
import { useQuery } from '@tanstack/react-query';

/** Asks for a signed address of a take; a member's and a guest's route differ. */
export type RequestPlayback = (takeId: string) => Promise<Playback>;

/** The signed address of a processed take, asked for once it is ready and kept while it is valid. */
export function usePlayback(takeId: string | null, requestPlayback: RequestPlayback, scope: string) {
  return useQuery({
    queryKey: ['playback', scope, takeId],
    queryFn: () => requestPlayback(takeId ?? ''),
    enabled: takeId !== null,
    // Signed addresses last several minutes; ask again well before that, never while playing.
    staleTime: 4 * 60_000,
    refetchOnWindowFocus: false,
    retry: false,
  });
}
