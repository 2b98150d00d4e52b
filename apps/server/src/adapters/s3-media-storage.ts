import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  type S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { isS3InvalidRange, isS3NotFound } from './s3-client.ts';
import {
  assertValidKey,
  assertValidPrefix,
  type ByteRange,
  type ListedObject,
  type MediaStorage,
  type StoredObject,
} from './media-storage.ts';

/** Longest a presigned address may live: SigV4's limit. */
const maxPresignSeconds = 7 * 24 * 3600;

/** Media in an S3 bucket; the bytes of a playback go from the bucket to the browser through a presigned URL. */
export interface S3MediaStorage extends MediaStorage {
  /**
   * A GET address of the object that works until `expiresAt` (at least a second, at most 7 days), answered with
   * `mime` as its Content-Type and `disposition` (default inline) as its Content-Disposition. Range requests work.
   */
  presignedUrlOf(options: {
    key: string;
    mime: string;
    expiresAt: Date;
    disposition?: string;
  }): Promise<string>;
  /**
   * Aborts multipart uploads begun before `before` and never completed (a tus upload left half-way, a put that
   * died): S3 keeps their parts, and bills them, until someone does. `prefix` narrows it (tests share a bucket);
   * `skip` keeps the ones it names (an upload still in use). Returns the keys aborted.
   */
  abortMultipartUploadsBefore(
    before: Date,
    options?: { prefix?: string; skip?: (key: string) => boolean },
  ): Promise<string[]>;
}

const notFound = (key: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`No media object ${key}`), { code: 'ENOENT' });

/**
 * Media in `bucket`, keys as they are. Files go up in 16 MiB parts (several at once) when bigger than one part,
 * in a single PUT otherwise; either way the object appears whole or not at all.
 */
export function createS3MediaStorage(options: {
  client: S3Client;
  bucket: string;
  partSize?: number;
}): S3MediaStorage {
  const { client, bucket } = options;
  const partSize = options.partSize ?? 16 * 1024 * 1024;

  return {
    async putFile(key, fromPath, { contentType }) {
      assertValidKey(key);
      const upload = new Upload({
        client,
        params: { Bucket: bucket, Key: key, Body: createReadStream(fromPath), ContentType: contentType },
        partSize,
        queueSize: 4,
        leavePartsOnError: false,
      });
      await upload.done();
      await fs.rm(fromPath, { force: true });
    },

    async openReadStream(key, range?: ByteRange): Promise<Readable> {
      assertValidKey(key);
      try {
        const { Body } = await client.send(
          new GetObjectCommand({
            Bucket: bucket,
            Key: key,
            ...(range ? { Range: `bytes=${range.start}-${range.end ?? ''}` } : {}),
          }),
        );
        if (!(Body instanceof Readable)) throw new Error('The S3 client returned no Node stream');
        return Body;
      } catch (err) {
        if (isS3NotFound(err)) throw notFound(key);
        // A range starting past the end: no bytes, as a local file read gives.
        if (range && isS3InvalidRange(err)) return Readable.from([]);
        throw err;
      }
    },

    async stat(key): Promise<StoredObject | null> {
      assertValidKey(key);
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return { bytes: head.ContentLength ?? 0, modifiedAt: head.LastModified ?? new Date(0) };
      } catch (err) {
        if (isS3NotFound(err)) return null;
        throw err;
      }
    },

    async delete(key) {
      assertValidKey(key);
      // S3 answers 204 whether or not the object was there.
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },

    localPathOf: () => null,

    async *listObjects(prefix): AsyncIterable<ListedObject> {
      assertValidPrefix(prefix);
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
        );
        for (const object of page.Contents ?? []) {
          if (!object.Key) continue;
          yield { key: object.Key, bytes: object.Size ?? 0, modifiedAt: object.LastModified ?? new Date(0) };
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },

    async abortMultipartUploadsBefore(before, options = {}) {
      const aborted: string[] = [];
      let keyMarker: string | undefined;
      let uploadIdMarker: string | undefined;
      do {
        const page = await client.send(
          new ListMultipartUploadsCommand({
            Bucket: bucket,
            Prefix: options.prefix,
            KeyMarker: keyMarker,
            UploadIdMarker: uploadIdMarker,
          }),
        );
        for (const upload of page.Uploads ?? []) {
          if (!upload.Key || !upload.UploadId) continue;
          if (!upload.Initiated || upload.Initiated.getTime() >= before.getTime()) continue;
          if (options.skip?.(upload.Key)) continue;
          await client.send(
            new AbortMultipartUploadCommand({ Bucket: bucket, Key: upload.Key, UploadId: upload.UploadId }),
          );
          aborted.push(upload.Key);
        }
        const more = page.IsTruncated === true;
        keyMarker = more ? page.NextKeyMarker : undefined;
        uploadIdMarker = more ? page.NextUploadIdMarker : undefined;
      } while (keyMarker);
      return aborted;
    },

    async presignedUrlOf({ key, mime, expiresAt, disposition = 'inline' }) {
      assertValidKey(key);
      const seconds = Math.ceil((expiresAt.getTime() - Date.now()) / 1000);
      const command = new GetObjectCommand({
        Bucket: bucket,
        Key: key,
        ResponseContentType: mime,
        ResponseContentDisposition: disposition,
      });
      return getSignedUrl(client, command, {
        expiresIn: Math.min(Math.max(seconds, 1), maxPresignSeconds),
      });
    },
  };
}
