import { useCallback, useRef } from 'react';

const minGapMs = 30_000;

/**
 * A handler for a video's error event that asks for new signed addresses (they expire), at most once every 30 s
 * so a video that cannot play at all does not ask again and again.
 */
export function useRefreshOnMediaError(refresh: () => unknown): () => void {
  const last = useRef(0);
  return useCallback(() => {
    const now = Date.now();
    if (now - last.current < minGapMs) return;
    last.current = now;
    void refresh();
  }, [refresh]);
}
