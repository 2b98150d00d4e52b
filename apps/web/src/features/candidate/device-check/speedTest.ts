import { speedTestResultSchema, speedTestUploadBytes } from '@oneway/shared';
import { ApiError, apiBase } from '../../../api/client.ts';
import { requestedWithHeaders } from '../../../api/requestedWith.ts';

/** Video answers need about this much upload speed to keep up while recording. */
export const enoughMbitPerSecond = 1;

// Random bytes, so nothing on the way can compress them into a flattering result.
function randomBody(bytes: number): Uint8Array<ArrayBuffer> {
  const body = new Uint8Array(bytes);
  for (let offset = 0; offset < bytes; offset += 65_536) {
    crypto.getRandomValues(body.subarray(offset, Math.min(bytes, offset + 65_536)));
  }
  return body;
}

/** Uploads about 1 MB to the server and answers the speed in Mbit/s. */
export async function measureUploadSpeed(signal?: AbortSignal): Promise<number> {
  const body = randomBody(speedTestUploadBytes);
  const started = performance.now();
  let response: Response;
  try {
    response = await fetch(`${apiBase}/candidate/speed-test`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', ...requestedWithHeaders },
      credentials: 'same-origin',
      body,
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('network_error', 0, 'Network request failed');
  }
  const seconds = Math.max((performance.now() - started) / 1000, 0.001);
  const parsed = speedTestResultSchema.safeParse(await response.json().catch(() => null));
  if (!response.ok || !parsed.success)
    throw new ApiError('unexpected_response', response.status, 'Speed test failed');
  return (parsed.data.bytes * 8) / seconds / 1_000_000;
}
