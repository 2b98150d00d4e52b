import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { S3Store } from '@tus/s3-store';
import {
  addContentMd5ToDeleteObjects,
  createS3Client,
  isS3InvalidRange,
  isS3NotFound,
  s3ClientConfigOf,
} from '../../adapters/s3-client.ts';
import type { S3Config } from '../../config.ts';
import { UploadHashes } from './upload-hashes.ts';
import type { UploadStore } from './upload-store.ts';

/** @tus/s3-store's S3Store, fitted to any S3-compatible store and to uploads whose length comes last. */
class S3UploadDatastore extends S3Store {
  constructor(
    s3: S3Config,
    private readonly largestUpload: number,
  ) {
    super({ partSize: 8 * 1024 * 1024, s3ClientConfig: { ...s3ClientConfigOf(s3), bucket: s3.bucket } });
    addContentMd5ToDeleteObjects(this.client);
  }

  /**
   * With the length deferred S3Store sizes parts for a 5 TiB upload (550 MB each), so until that much arrived
   * every PATCH would download and re-upload all bytes so far; sized for our largest upload, parts are 8 MiB.
   */
  protected override calcOptimalPartSize(size?: number): number {
    return super.calcOptimalPartSize(size ?? this.largestUpload);
  }
}

async function readObject(client: S3Client, bucket: string, key: string, range?: string): Promise<Readable> {
  const { Body } = await client.send(
    new GetObjectCommand({ Bucket: bucket, Key: key, ...(range ? { Range: range } : {}) }),
  );
  if (!(Body instanceof Readable)) throw new Error('The S3 client returned no Node stream');
  return Body;
}

/**
 * Uploads in progress as S3 multipart uploads in the media bucket itself (object `<uploadId>`, its tus record
 * `<uploadId>.info`), so any API process can take the next PATCH. A finished upload is an object: it is read back
 * for its first bytes (and its hash, unless this process saw every byte arrive: see UploadHashes), then copied to
 * its storage key inside the bucket and deleted.
 */
export function createS3UploadStore(options: {
  s3: S3Config;
  largestUpload: number;
  client?: S3Client;
}): UploadStore {
  const { s3, largestUpload } = options;
  const bucket = s3.bucket;
  const client = options.client ?? createS3Client(s3);
  const remove = async (key: string) => {
    await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  };
  const datastore = new S3UploadDatastore(s3, largestUpload);
  const hashes = new UploadHashes();
  hashes.track(datastore);

  return {
    datastore,
    finishedUpload(uploadId, size) {
      return {
        async readHead(length) {
          try {
            const body = await readObject(client, bucket, uploadId, `bytes=0-${length - 1}`);
            return Buffer.concat(await body.toArray());
          } catch (err) {
            if (isS3InvalidRange(err)) return Buffer.alloc(0); // an empty upload has no byte 0
            throw err;
          }
        },
        async hash() {
          const kept = hashes.take(uploadId, size);
          if (kept) return kept;
          const hash = createHash('sha256');
          let bytes = 0;
          for await (const chunk of await readObject(client, bucket, uploadId)) {
            bytes += (chunk as Buffer).length;
            hash.update(chunk as Buffer);
          }
          return { sha256: hash.digest('hex'), bytes };
        },
        async moveTo(key, contentType) {
          await client.send(
            new CopyObjectCommand({
              Bucket: bucket,
              Key: key,
              CopySource: `${bucket}/${encodeURIComponent(uploadId)}`,
              ContentType: contentType,
              MetadataDirective: 'REPLACE',
            }),
          );
          await remove(uploadId);
        },
        discard: () => remove(uploadId),
      };
    },
    forget: (uploadId) => {
      hashes.forget(uploadId);
      return remove(`${uploadId}.info`);
    },
    /**
     * S3 lets nobody read the parts of a multipart upload before it is completed. What can be hashed: the bytes
     * this process hashed as they arrived (exactly that many), or an upload still short of one part, whose bytes
     * all wait in S3Store's `<id>.part` object.
     */
    async hashPrefix(uploadId, bytes) {
      const { offset } = await datastore.getUpload(uploadId);
      if (offset < bytes) return { kind: 'fewer' };
      const kept = hashes.peek(uploadId, bytes);
      if (kept) return { kind: 'hashed', sha256: kept };
      const partKey = `${uploadId}.part`;
      const part = await client
        .send(new HeadObjectCommand({ Bucket: bucket, Key: partKey }))
        .catch((err: unknown) => {
          if (isS3NotFound(err)) return null;
          throw err;
        });
      if (part?.ContentLength !== offset) return { kind: 'unreadable' };
      const hash = createHash('sha256');
      if (bytes > 0) {
        for await (const chunk of await readObject(client, bucket, partKey, `bytes=0-${bytes - 1}`)) {
          hash.update(chunk as Buffer);
        }
      }
      return { kind: 'hashed', sha256: hash.digest('hex') };
    },
  };
}
