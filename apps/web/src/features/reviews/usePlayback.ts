import type { Playback } from '@oneway/shared';
import { useQuery } from '@tanstack/react-query';

/** Asks for a signed address of a take; a member's and a guest's route differ. */
export type RequestPlayback = (takeId: string) => Promise<Playback>;

/** How far into an address's life the page asks for the next one: well before it runs out. */
const renewAt = 0.75;

/** How long an address lasts from when it was given, in ms. */
function lifetimeOf(data: Playback | undefined, issuedAt: number): number | null {
  if (!data) return null;
  return Math.max(0, Date.parse(data.expiresAt) - issuedAt);
}

/**
 * The signed address of a processed take, asked for once it is ready and asked for again before it expires
 * (signed addresses last MEDIA_URL_LIFETIME_SECONDS), so a player left open keeps working.
 */
export function usePlayback(takeId: string | null, requestPlayback: RequestPlayback, scope: string) {
  return useQuery({
    queryKey: ['playback', scope, takeId],
    queryFn: () => requestPlayback(takeId ?? ''),
    enabled: takeId !== null,
    staleTime: (q) => (lifetimeOf(q.state.data, q.state.dataUpdatedAt) ?? 0) * renewAt,
    refetchInterval: (q) => {
      const lifetime = lifetimeOf(q.state.data, q.state.dataUpdatedAt);
      return lifetime === null ? false : Math.max(1_000, lifetime * renewAt);
    },
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: false,
    retry: false,
  });
}
