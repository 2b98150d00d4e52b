import type { IncomingMessage } from 'node:http';
import type { DataStore } from '@tus/server';

const uploadLength = 'upload-length';

/**
 * Drops the Upload-Length of a PATCH that declares the length already stored, before @tus/server reads the
 * request: it refuses any Upload-Length once one is stored, while tus-js-client declares the length on the request
 * that sends the last bytes and again on its retry when that request was cut off (the length was stored before the
 * body was read). A different length is left for tus to refuse; an upload it cannot read is left for tus to answer.
 */
export async function dropRepeatedLength(
  req: IncomingMessage,
  datastore: DataStore,
  uploadId: string,
): Promise<void> {
  const declared = req.headers[uploadLength];
  if (typeof declared !== 'string') return;
  let stored: number | undefined;
  try {
    stored = (await datastore.getUpload(uploadId)).size;
  } catch {
    return;
  }
  if (stored === undefined || String(stored) !== declared) return;
  delete req.headers[uploadLength];
  // tus reads the request's headers through rawHeaders too (name, value, name, value…).
  for (let i = req.rawHeaders.length - 2; i >= 0; i -= 2) {
    if (req.rawHeaders[i]?.toLowerCase() === uploadLength) req.rawHeaders.splice(i, 2);
  }
}
