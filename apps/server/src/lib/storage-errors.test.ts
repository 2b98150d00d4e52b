import { S3ServiceException } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { classifyStorageError } from './storage-errors.ts';

const errno = (code: string, message: string) => Object.assign(new Error(message), { code });
const s3Error = (name: string, status: number) =>
  new S3ServiceException({ name, $fault: 'server', $metadata: { httpStatusCode: status }, message: name });

describe('classifyStorageError', () => {
  it('knows the file system errors that mean the disk cannot take bytes, without their paths', () => {
    expect(
      classifyStorageError(errno('ENOSPC', "ENOSPC: no space left on device, open '/srv/data/media/x'")),
    ).toEqual({
      kind: 'disk_full',
      detail: 'ENOSPC: no space left on device, open <path>',
    });
    expect(classifyStorageError(errno('EDQUOT', 'EDQUOT: quota'))?.kind).toBe('quota');
    expect(classifyStorageError(errno('EROFS', 'EROFS: read-only file system'))?.kind).toBe('read_only');
    expect(classifyStorageError(errno('EIO', 'EIO: i/o error'))?.kind).toBe('io_error');
    expect(classifyStorageError(errno('EACCES', 'EACCES: permission denied'))?.kind).toBe('permission');
  });

  it('knows an S3 API answering 5xx or not at all', () => {
    expect(classifyStorageError(s3Error('InternalError', 500))?.kind).toBe('s3_unavailable');
    expect(classifyStorageError(s3Error('ServiceUnavailable', 503))?.detail).toContain('HTTP 503');
    // The SDK's retry step marks every error it passes on, network failures included.
    const refused = Object.assign(errno('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9'), {
      $metadata: { attempts: 3 },
    });
    expect(classifyStorageError(refused)?.kind).toBe('s3_unavailable');
  });

  it('leaves other failures alone: refusals, S3 4xx, a database that is down, bugs', () => {
    expect(classifyStorageError(s3Error('NoSuchKey', 404))).toBeNull();
    expect(classifyStorageError(s3Error('AccessDenied', 403))).toBeNull();
    expect(classifyStorageError(errno('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'))).toBeNull();
    expect(classifyStorageError(errno('ENOENT', 'no such file'))).toBeNull();
    expect(classifyStorageError(new TypeError('x is undefined'))).toBeNull();
    expect(classifyStorageError({ status_code: 409, body: 'conflict' })).toBeNull();
  });
});
