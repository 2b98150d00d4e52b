import fs from 'node:fs/promises';
import path from 'node:path';
import { isS3Storage } from '../../adapters/create-media-storage.ts';
import type { MediaStorage } from '../../adapters/media-storage.ts';

/** tus upload ids are 32 hex characters made by the server (upload-hooks.ts): nothing else is ever removed. */
const uploadIdPattern = /^[0-9a-f]{32}$/;

/**
 * What tus keeps of an upload that never became a take's file, wherever it keeps it: the file and its `.json` in
 * `<media>/tmp` (local), or the object, its `.info` and `.part` objects and the multipart upload (S3).
 */
export interface UploadLeftovers {
  /** Removes everything of one upload; removing what is not there is not an error. */
  discardUpload(uploadId: string): Promise<void>;
}

export function createUploadLeftovers(options: { mediaDir: string; storage: MediaStorage }): UploadLeftovers {
  const { storage } = options;
  const tempDir = path.join(options.mediaDir, 'tmp');
  return {
    async discardUpload(uploadId) {
      if (!uploadIdPattern.test(uploadId)) throw new Error(`Not an upload id: ${JSON.stringify(uploadId)}`);
      if (isS3Storage(storage)) {
        // Aborted first, so no part lands after the objects go.
        await storage.abortMultipartUploadsBefore(new Date(8.64e15), { prefix: uploadId });
        for (const key of [uploadId, `${uploadId}.info`, `${uploadId}.part`]) await storage.delete(key);
        return;
      }
      for (const name of [uploadId, `${uploadId}.json`]) {
        await fs.rm(path.join(tempDir, name), { force: true });
      }
    },
  };
}

/** The tus temporary folder of local storage. */
export const uploadTempDirOf = (mediaDir: string): string => path.join(mediaDir, 'tmp');
