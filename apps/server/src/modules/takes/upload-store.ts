import fs from 'node:fs/promises';
import path from 'node:path';
import { FileStore } from '@tus/file-store';
import type { DataStore } from '@tus/server';
import { createLocalMediaStorage } from '../../adapters/local-media-storage.ts';
import type { MediaStorage } from '../../adapters/media-storage.ts';
import type { Config } from '../../config.ts';
import { hashFile, readFileHead } from './media-files.ts';
import { createS3UploadStore } from './s3-upload-store.ts';
import { UploadHashes } from './upload-hashes.ts';

/** The bytes of a finished tus upload, wherever the datastore keeps them. */
export interface FinishedUpload {
  /** The first `length` bytes (fewer when the upload is shorter). */
  readHead(length: number): Promise<Buffer>;
  /**
   * SHA-256 (hex) and size: the hash kept while the bytes arrived when it covers them all (see UploadHashes),
   * else streamed from storage so a 1 GiB recording never sits in memory.
   */
  hash(): Promise<{ sha256: string; bytes: number }>;
  /** Moves the bytes into media storage under `key`; the upload's own copy is gone afterwards. */
  moveTo(key: string, contentType: string): Promise<void>;
  /** Deletes the bytes of a refused upload. */
  discard(): Promise<void>;
}

/** What an upload in progress holds of its first bytes (see UploadStore.hashPrefix). */
export type UploadPrefix = { kind: 'hashed'; sha256: string } | { kind: 'fewer' } | { kind: 'unreadable' };

/** Where tus keeps uploads in progress, and how a finished one is read and stored. */
export interface UploadStore {
  datastore: DataStore;
  /** `size`: the finished upload's length. */
  finishedUpload(uploadId: string, size: number): FinishedUpload;
  /** Set when uploads are files in a local folder: PATCH then takes the faster path of upload-patch.ts. */
  local?: { datastore: FileStore; directory: string; hashes: UploadHashes };
  /** Drops the datastore's record of a finished upload (FileStore's .json file, S3Store's .info object). */
  forget(uploadId: string): Promise<void>;
  /** The SHA-256 of the first `bytes` bytes of an upload in progress, or why there is none. */
  hashPrefix(uploadId: string, bytes: number): Promise<UploadPrefix>;
}

/**
 * Uploads in a local folder (FileStore: each upload a file plus its offsets in a .json file, so they resume after a
 * restart); a finished one is renamed into media storage.
 */
export function createLocalUploadStore(options: { tempDir: string; storage: MediaStorage }): UploadStore {
  const { tempDir, storage } = options;
  const datastore = new FileStore({ directory: tempDir });
  const hashes = new UploadHashes();
  hashes.track(datastore);
  return {
    datastore,
    local: { datastore, directory: tempDir, hashes },
    finishedUpload(uploadId, size) {
      const filePath = path.join(tempDir, uploadId);
      return {
        readHead: (length) => readFileHead(filePath, length),
        hash: async () => hashes.take(uploadId, size) ?? hashFile(filePath),
        moveTo: (key, contentType) => storage.putFile(key, filePath, { contentType }),
        discard: () => fs.rm(filePath, { force: true }),
      };
    },
    forget: (uploadId) => {
      hashes.forget(uploadId);
      return fs.rm(path.join(tempDir, `${uploadId}.json`), { force: true });
    },
    async hashPrefix(uploadId, bytes) {
      const filePath = path.join(tempDir, uploadId);
      const size = await fs.stat(filePath).then(
        (stats) => stats.size,
        () => 0,
      );
      if (size < bytes) return { kind: 'fewer' };
      const kept = hashes.peek(uploadId, bytes);
      if (kept) return { kind: 'hashed', sha256: kept };
      return { kind: 'hashed', sha256: (await hashFile(filePath, bytes)).sha256 };
    },
  };
}

/** The upload store STORAGE names: <mediaDir>/tmp for local media, the bucket itself for S3. */
export function createUploadStore(config: Config): UploadStore {
  if (config.storage === 's3' && config.s3) {
    return createS3UploadStore({ s3: config.s3, largestUpload: config.mediaMaxBytes });
  }
  return createLocalUploadStore({
    tempDir: path.join(config.mediaDir, 'tmp'),
    storage: createLocalMediaStorage(config.mediaDir),
  });
}
