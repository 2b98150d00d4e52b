import { useEffect, useRef } from 'react';
import { shouldRetryRefresh } from './gateView.ts';
import { refreshRetryDelayMs } from './timing.ts';

/**
 * Asks again after a failed fetch, waiting longer each time (2 s up to 30 s), until one works: a server that
 * restarts or a connection that comes back is noticed without the candidate doing anything.
 */
export function useRetryWithBackoff(
  errorCode: string | null,
  errorUpdatedAt: number,
  refetch: () => Promise<unknown>,
): void {
  const attempt = useRef(0);
  const refetchRef = useRef(refetch);
  refetchRef.current = refetch;

  useEffect(() => {
    if (errorCode === null) attempt.current = 0;
    if (!shouldRetryRefresh(errorCode)) return;
    // Each failure (a new errorUpdatedAt) waits once; a success ends the series.
    const timer = window.setTimeout(() => void refetchRef.current(), refreshRetryDelayMs(attempt.current++));
    return () => window.clearTimeout(timer);
  }, [errorCode, errorUpdatedAt]);
}
