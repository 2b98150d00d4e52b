import { takeStateSchema, type TakeState } from '@oneway/shared';
import { ApiError, requestApi } from '../../../../api/client.ts';
import type { ApiAnswer, StoredCopy } from './machine/state.ts';
import { openTake } from './openTake.ts';
import type { TakeApiPort } from './ports.ts';
import { requestedWithHeaders } from '../../../../api/requestedWith.ts';
import { storedCopyOf } from './tusAttempt.ts';
import { errorCodeOf } from './uploadRetry.ts';

const takePath = (takeId: string) => `/candidate/takes/${encodeURIComponent(takeId)}`;

/** An API call as an answer the machine can weigh: never throws. */
async function answerOf<T>(call: () => Promise<T>): Promise<ApiAnswer<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, status: error.status, code: error.code };
    return { ok: false, status: 0, code: null };
  }
}

/** The server's SHA-256 of the first `bytes` bytes it holds of a take (409 take_not_open when it holds fewer). */
const prefixSchema = {
  safeParse(input: unknown): { success: true; data: StoredCopy } | { success: false; error: unknown } {
    if (typeof input === 'object' && input !== null && 'sha256' in input && 'bytes' in input) {
      const { sha256, bytes } = input;
      if (typeof sha256 === 'string' && typeof bytes === 'number')
        return { success: true, data: { sha256, bytes } };
    }
    return { success: false, error: 'Expected { sha256, bytes }' };
  },
};

/**
 * Finishes an upload with what the server holds: a tus PATCH at its offset declaring that offset as the length,
 * with an empty body (standard deferred length). Its answer names the SHA-256 and size stored.
 */
async function finishUploadAt(url: string, length: number): Promise<ApiAnswer<StoredCopy | null>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'PATCH',
      credentials: 'same-origin',
      headers: {
        ...requestedWithHeaders,
        'Tus-Resumable': '1.0.0',
        'Content-Type': 'application/offset+octet-stream',
        'Upload-Offset': String(length),
        'Upload-Length': String(length),
      },
    });
  } catch {
    return { ok: false, status: 0, code: null };
  }
  if (!response.ok) {
    const body = await response.text().catch(() => null);
    return { ok: false, status: response.status, code: errorCodeOf(body) };
  }
  return { ok: true, value: storedCopyOf((name) => response.headers.get(name)) };
}

/** The candidate API as the engine uses it. */
export const takeApi: TakeApiPort = {
  async openTake({ questionId, reason, takeOver }) {
    const result = await openTake({
      questionId,
      ...(reason ? { reason } : {}),
      ...(takeOver ? { takeOver: true } : {}),
    });
    if (!result.ok) return result;
    // The address where its tus upload is created, made absolute (tus wants one).
    return {
      ok: true,
      take: { ...result.take, uploadUrl: new URL(result.take.uploadUrl, window.location.href).href },
    };
  },
  takeState: (takeId) =>
    answerOf<TakeState>(() =>
      requestApi(takePath(takeId), { schema: takeStateSchema, headers: requestedWithHeaders }),
    ),
  prefixSha256: (takeId, bytes) =>
    answerOf(() =>
      requestApi(`${takePath(takeId)}/prefix-sha256?bytes=${bytes}`, {
        schema: prefixSchema,
        headers: requestedWithHeaders,
      }),
    ),
  finishUploadAt,
};
