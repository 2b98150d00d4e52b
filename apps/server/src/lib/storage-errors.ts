import type { StorageProblemKind } from '../db/schema/storage-problems.ts';

/** A failure of media storage itself (not of the request): the server cannot keep bytes until it is fixed. */
export interface StorageFailure {
  kind: StorageProblemKind;
  /** The system's own words, without file paths (they name the server's folders). */
  detail: string;
}

const kindByErrno: Record<string, StorageProblemKind> = {
  ENOSPC: 'disk_full',
  EDQUOT: 'quota',
  EROFS: 'read_only',
  EIO: 'io_error',
  EACCES: 'permission',
  EPERM: 'permission',
};

/** Network failures on the way to an S3 API (only counted as storage when the S3 client raised them). */
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);
const s3Unavailable = new Set([
  'InternalError',
  'ServiceUnavailable',
  'SlowDown',
  'TimeoutError',
  'RequestTimeout',
]);

interface ErrorShape {
  code?: unknown;
  name?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: number };
}

const withoutPaths = (message: string): string =>
  message.replace(/(['"]?)\/[^\s'",]+\1/g, '<path>').slice(0, 300);

/**
 * Whether `err` says media storage cannot take bytes: a full disk or quota, a read-only or failing disk, no right to
 * write the media folder, or an S3 API that answers 5xx or not at all. Null for anything else (a refusal, a bug, a
 * database error), which keeps its own handling.
 */
export function classifyStorageError(err: unknown): StorageFailure | null {
  if (typeof err !== 'object' || err === null) return null;
  const shape = err as ErrorShape;
  const code = typeof shape.code === 'string' ? shape.code : '';
  const message = typeof shape.message === 'string' ? shape.message : '';
  const kind = kindByErrno[code];
  const fromS3 = shape.$metadata !== undefined;
  if (kind && !fromS3) {
    return { kind, detail: withoutPaths(message.startsWith(code) ? message : `${code}: ${message}`) };
  }
  if (!fromS3) return null;
  const status = shape.$metadata?.httpStatusCode ?? 0;
  const name = typeof shape.name === 'string' ? shape.name : '';
  if (status >= 500 || s3Unavailable.has(name) || networkCodes.has(code) || (status === 0 && code !== '')) {
    return {
      kind: 's3_unavailable',
      detail: withoutPaths(`${name || code}${status ? ` (HTTP ${status})` : ''}: ${message}`),
    };
  }
  return null;
}

/** What each kind of storage failure means, in plain words, and what to do about it. */
export const storageProblemWords: Record<StorageProblemKind, string> = {
  disk_full:
    "The server's disk is full, so candidates' recordings cannot be saved. Free space on the data volume; " +
    'uploads continue where they stopped.',
  quota:
    "The server's disk quota is used up, so candidates' recordings cannot be saved. Raise the quota or free " +
    'space; uploads continue where they stopped.',
  read_only:
    "The media folder is read-only, so candidates' recordings cannot be saved. Make it writable again; " +
    'uploads continue where they stopped.',
  io_error:
    "The disk holding the media folder reports input/output errors, so candidates' recordings cannot be " +
    'saved. Check the disk; uploads continue where they stopped.',
  permission:
    "The server is not allowed to write to the media folder, so candidates' recordings cannot be saved. " +
    "Check the folder's owner and permissions; uploads continue where they stopped.",
  s3_unavailable:
    "The S3 storage is not answering or reports errors, so candidates' recordings cannot be saved. Check the " +
    'storage service and its address; uploads continue where they stopped.',
};
