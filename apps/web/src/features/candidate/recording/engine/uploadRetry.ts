/** What one failed tus request means for the take: try again, or the server will never take this upload. */
export type UploadErrorVerdict = { kind: 'retry' } | { kind: 'refused'; status: number; code: string | null };

/**
 * Codes in our JSON error body that describe a passing condition, not a refusal: tus's offset conflict and a lock
 * taken by a newer request come as upload_conflict and upload_busy.
 */
const passingCodes = new Set([
  'rate_limited',
  'internal_error',
  'storage_unavailable',
  'upload_conflict',
  'upload_busy',
]);

/** tus's own answers that mean the upload is gone for good: not found, expired, or larger than allowed. */
const tusGoneStatuses = new Set([404, 410, 413]);

/** A 4xx without our error body that keeps coming back is treated as a refusal after this many tries. */
export const maxUnexplainedClientErrors = 8;

/** The `code` of our JSON error body, or null (tus answers in plain text). */
export function errorCodeOf(body: string | null): string | null {
  if (!body) return null;
  try {
    const data: unknown = JSON.parse(body);
    if (typeof data === 'object' && data !== null && 'code' in data && typeof data.code === 'string') {
      return data.code;
    }
  } catch {
    // tus answers in plain text.
  }
  return null;
}

/**
 * Decides from a failed request's status and body. Only the server's own decisions refuse an upload: our JSON
 * error body (take no longer open, another invitation's upload, not a recording, session gone...) or tus saying
 * the upload is gone. Everything else is passing and retried: no answer (offline, server restarting), 5xx
 * (storage_unavailable included), 429, tus's 409 offset conflict and 423 lock, and its 400 when a newer request
 * took the upload's lock from an abandoned one (as upload_conflict and upload_busy, or in plain text from an older
 * server). `unexplainedClientErrors` counts earlier plain 4xx answers in a row without progress, so an unexpected
 * 4xx cannot loop for ever.
 */
export function classifyUploadError(input: {
  status: number;
  body: string | null;
  unexplainedClientErrors: number;
}): UploadErrorVerdict {
  const { status } = input;
  if (status < 400 || status >= 500) return { kind: 'retry' };
  const code = errorCodeOf(input.body);
  if (code !== null) return passingCodes.has(code) ? { kind: 'retry' } : { kind: 'refused', status, code };
  if (tusGoneStatuses.has(status)) return { kind: 'refused', status, code: null };
  if (input.unexplainedClientErrors + 1 >= maxUnexplainedClientErrors) {
    return { kind: 'refused', status, code: null };
  }
  return { kind: 'retry' };
}

/** Refusals that say the take itself is over (ended, taken over, gone): its copy can never be uploaded. */
const finalCodes = new Set(['take_not_open', 'take_taken_over', 'not_found', 'forbidden']);

/**
 * Whether a refusal is the server's last word on this take. Any other refusal (a session to open again, a 4xx
 * that kept coming back) leaves the local copy worth offering for recovery.
 */
export function isFinalRefusal(refusal: { status: number; code: string | null } | null): boolean {
  if (!refusal) return false;
  if (refusal.code !== null) return finalCodes.has(refusal.code);
  return refusal.status === 404 || refusal.status === 410;
}

/** An API answer that says nothing about the take (no answer, server busy or restarting): ask again. */
export function isPassingAnswer(status: number, code: string | null): boolean {
  return status === 0 || status >= 500 || code === 'rate_limited';
}

/** How the server is doing, from a failed request: no answer, or an answer that it cannot work right now. */
export function serverHealthOf(status: number, code: string | null): 'unreachable' | 'busy' | null {
  if (status === 0) return 'unreachable';
  if (status >= 500 || code === 'storage_unavailable') return 'busy';
  return null;
}

const retryDelaysMs = [0, 1_000, 2_000, 4_000, 8_000, 15_000];

/**
 * How long to wait before the next attempt after `failures` failed attempts in a row without progress: a whole
 * number of milliseconds in [0.5, 1.5) times the back-off's step, half-open like `random`'s [0, 1). (Adding 0.5
 * to a random value just below 1 can round up to exactly 1.5, so the spread is floored on its own and added to
 * the half step.) When the server restarts, every recording candidate's upload fails in the same second; without
 * the spread they would all come back in the same second too, and a server that takes new connections one per
 * turn of its event loop would answer the last of them seconds late.
 */
export function retryDelayMs(failures: number, random: () => number = Math.random): number {
  const step = retryDelaysMs[Math.min(failures, retryDelaysMs.length - 1)] ?? 15_000;
  return Math.floor(step / 2) + Math.floor(step * random());
}
