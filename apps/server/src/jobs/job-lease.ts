/**
 * How long a running job (or a try at a take) stays its worker's without word from it. The worker renews the lease
 * every `leaseMs / 4` while the work runs, so only a worker that died or hung lets it run out: a job is then
 * reclaimed, and a take shows as stuck. Short, so lost work comes back within minutes; renewed, so work that runs
 * for an hour is never taken for lost.
 */
export const jobLeaseMs = 2 * 60_000;

/** A try that names no timeout of its own may run this long. */
export const defaultJobTimeoutMs = 10 * 60_000;

/** Why a try was aborted: it ran past its timeout, or its job is no longer this worker's. */
export class JobTimeoutError extends Error {
  override name = 'JobTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`The job took longer than its time limit (${formatDuration(timeoutMs)}) and was stopped`);
  }
}

export class JobLostError extends Error {
  override name = 'JobLostError';
  constructor() {
    super('The job was taken back from this worker (its lease ran out) and is no longer run here');
  }
}

function formatDuration(ms: number): string {
  return ms >= 60_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 1000)} s`;
}

/**
 * Calls `renew` every `everyMs` until stopped; a renewal that throws is logged by the caller and the next one
 * tries again (the lease is long enough for a few to fail). Returns the function that stops it.
 */
export function startHeartbeat(options: {
  everyMs: number;
  renew: () => Promise<void>;
  onError: (err: unknown) => void;
}): () => void {
  let isBusy = false;
  const timer = setInterval(() => {
    // One renewal at a time: a slow database must not pile them up.
    if (isBusy) return;
    isBusy = true;
    options
      .renew()
      .catch(options.onError)
      .finally(() => (isBusy = false));
  }, options.everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
