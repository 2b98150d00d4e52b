import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import path from 'node:path';
import type { MediaStorage } from '../../adapters/media-storage.ts';
import { ProcessError } from '../../adapters/run-process.ts';
import { derivedExtensions } from './media-keys.ts';
import type { DerivedFile } from './process-recording.ts';

// Gone between the check and the read.
const isMissingFile = (err: unknown): boolean =>
  err instanceof Error && (err as NodeJS.ErrnoException).code === 'ENOENT' && !(err instanceof ProcessError);

/** The uploaded recording is not in storage (deleted by hand, a lost volume): retrying later may help. */
export class MissingOriginalError extends Error {
  override name = 'MissingOriginalError';
  constructor() {
    super('The original recording is missing from storage.');
  }
}

/** A file ffmpeg can read: the stored original itself when it is local, else a copy in the work folder. */
export async function localInputOf(storage: MediaStorage, key: string, workDir: string): Promise<string> {
  if (!(await storage.stat(key))) throw new MissingOriginalError();
  const local = storage.localPathOf(key);
  if (local) return local;
  const copy = path.join(workDir, 'original');
  await pipeline(await storage.openReadStream(key), createWriteStream(copy));
  return copy;
}

/**
 * Moves the files into storage under their keys (each replaced in one step) and removes files an earlier run
 * made that this one did not (an audio-only M4A where there is now an MP4), so a rerun leaves exactly its own.
 */
export async function storeDerivedFiles(
  storage: MediaStorage,
  files: DerivedFile[],
  keyOf: (extension: DerivedFile['extension']) => string,
): Promise<void> {
  for (const file of files)
    await storage.putFile(keyOf(file.extension), file.path, { contentType: file.mime });
  const made = new Set(files.map((f) => f.extension));
  for (const extension of Object.values(derivedExtensions)) {
    if (!made.has(extension)) await storage.delete(keyOf(extension));
  }
}

/** The reason an admin sees for a failed try: what went wrong, without stack or server paths. */
export function describeProcessingError(err: unknown): string {
  if (isMissingFile(err)) return new MissingOriginalError().message;
  const message = err instanceof Error ? err.message : String(err);
  return message.slice(0, 2000);
}
