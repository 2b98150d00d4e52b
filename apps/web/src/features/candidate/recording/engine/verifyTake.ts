import { takeStateSchema, type TakeState } from '@oneway/shared';
import { ApiError, requestApi } from '../../../../api/client.ts';
import { markTake } from './takeMarks.ts';

// The server refuses candidate state changes without this header (its CSRF defence; see candidate-cookie.ts).
const candidateHeaders = { 'x-requested-with': 'oneway' };

/** The SHA-256 of a Blob as lowercase hex, as the server reports it. */
export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function fetchTakeState(takeId: string): Promise<TakeState> {
  return requestApi(`/candidate/takes/${encodeURIComponent(takeId)}`, {
    schema: takeStateSchema,
    headers: candidateHeaders,
  });
}

export type TakeVerdict =
  /** The server holds exactly the local bytes: the local copy may go. */
  | { kind: 'equal' }
  /** The server stored something else, or never will store this take: keep the local copy. */
  | { kind: 'different'; status: TakeState['status'] | 'missing' };

/** The verdict on what the server stored ('uploaded'), compared with the local copy. */
export function compareCopies(
  stored: { bytes: number | null; sha256: string | null },
  local: { bytes: number; sha256: string },
): TakeVerdict {
  return stored.bytes === local.bytes && stored.sha256 === local.sha256
    ? { kind: 'equal' }
    : { kind: 'different', status: 'uploaded' };
}

/** Answers that say nothing about the take (offline, server busy or restarting): ask again. */
const isPassing = (error: unknown) =>
  error instanceof ApiError && (error.status === 0 || error.status >= 500 || error.code === 'rate_limited');

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** How long an upload that tus reported finished may still show as 'uploading' before we stop waiting. */
const settleTimeoutMs = 15_000;

/**
 * Compares the local copy with what the server stored (status 'uploaded', same size and SHA-256). After a finished
 * upload the server may need a moment, so 'open'/'uploading' is asked again for a while (`waitForUpload`); while
 * the server cannot be reached it asks again for as long as it takes, because "saved" needs its answer.
 */
export async function verifyTake(options: {
  takeId: string;
  bytes: number;
  sha256: Promise<string>;
  waitForUpload: boolean;
  isCancelled?: () => boolean;
}): Promise<TakeVerdict> {
  const deadline = Date.now() + settleTimeoutMs;
  let unreachable = 0;
  for (let attempt = 0; ; attempt++) {
    let state: TakeState;
    try {
      markTake('verify-request');
      state = await fetchTakeState(options.takeId);
      markTake('verify-answer', { status: state.status });
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return { kind: 'different', status: 'missing' };
      if (!isPassing(error)) throw error;
      if (options.isCancelled?.()) throw error;
      await sleep(Math.min(5_000, 500 * 2 ** unreachable++));
      continue;
    }
    unreachable = 0;
    if (state.status === 'uploaded') {
      return compareCopies(state, { bytes: options.bytes, sha256: await options.sha256 });
    }
    const stillComing = state.status === 'open' || state.status === 'uploading';
    if (!stillComing || !options.waitForUpload || Date.now() > deadline || options.isCancelled?.()) {
      return { kind: 'different', status: state.status };
    }
    await sleep(Math.min(1_000, 100 * 2 ** attempt));
  }
}
