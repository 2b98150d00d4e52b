import { createHash } from 'node:crypto';
import type { MediaStorage } from '../../adapters/media-storage.ts';
import type { TakesTable } from '../../db/schema/takes.ts';
import { AppError } from '../../errors.ts';
import type { UploadStore } from './upload-store.ts';

const emptySha256 = createHash('sha256').digest('hex');

const holdsFewer = (bytes: number) =>
  new AppError('take_not_open', {
    message: `The server holds fewer than ${bytes} bytes of this take.`,
    details: { bytes },
  });

/**
 * The SHA-256 (hex) of the first `bytes` bytes the server holds of a take: its stored file once saved (or moved
 * there by a finish that did not get to save it), else its upload in progress. Throws take_not_open when the
 * server holds fewer bytes, or cannot read that part back (an S3 upload in progress, whose finished parts S3 does
 * not let anyone read, unless `bytes` is exactly what this process has hashed so far).
 */
export async function hashTakePrefix(options: {
  take: TakesTable;
  bytes: number;
  mediaStorage: MediaStorage;
  uploads: Pick<UploadStore, 'hashPrefix'>;
}): Promise<string> {
  const { take, bytes, mediaStorage } = options;
  const stored = await mediaStorage.stat(take.storage_key);
  if (stored) {
    if (stored.bytes < bytes) throw holdsFewer(bytes);
    if (bytes === 0) return emptySha256;
    const hash = createHash('sha256');
    for await (const chunk of await mediaStorage.openReadStream(take.storage_key, {
      start: 0,
      end: bytes - 1,
    })) {
      hash.update(chunk as Buffer);
    }
    return hash.digest('hex');
  }
  if (!take.upload_id) {
    if (bytes === 0) return emptySha256;
    throw holdsFewer(bytes);
  }
  const prefix = await options.uploads.hashPrefix(take.upload_id, bytes);
  if (prefix.kind === 'hashed') return prefix.sha256;
  if (prefix.kind === 'fewer') throw holdsFewer(bytes);
  throw new AppError('take_not_open', {
    message:
      'The server cannot read back part of this upload while it is in progress. Send the rest of it, or finish it.',
    details: { bytes },
  });
}
