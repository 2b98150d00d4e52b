import type { Config } from '../config.ts';
import { createLocalMediaStorage } from './local-media-storage.ts';
import type { MediaStorage } from './media-storage.ts';
import { createS3Client } from './s3-client.ts';
import { createS3MediaStorage, type S3MediaStorage } from './s3-media-storage.ts';

/** The storage STORAGE names: the folder DATA_DIR/media, or the S3 bucket of the S3_* variables. */
export function createMediaStorage(config: Config): MediaStorage {
  if (config.storage === 's3' && config.s3) {
    return createS3MediaStorage({ client: createS3Client(config.s3), bucket: config.s3.bucket });
  }
  return createLocalMediaStorage(config.mediaDir);
}

/** True for a storage whose objects a browser can fetch directly through a presigned URL (S3). */
export function canPresign(storage: MediaStorage): storage is S3MediaStorage {
  return 'presignedUrlOf' in storage;
}

/** True for a storage in an S3 bucket, whose half-finished multipart uploads need aborting. */
export function isS3Storage(storage: MediaStorage): storage is S3MediaStorage {
  return 'abortMultipartUploadsBefore' in storage;
}
