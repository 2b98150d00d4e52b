import {
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  type HeadObjectCommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import { createS3Client } from '../src/adapters/s3-client.ts';
import type { S3Config } from '../src/config.ts';
import { testS3Config } from './s3.ts';

/** The test S3 server's bucket, read directly (not through the app), to check what the app stored there. */
export interface TestBucket {
  s3: S3Config;
  client: S3Client;
  /** The object's bytes, or null when there is no such object. */
  readObject(key: string): Promise<Buffer | null>;
  headObject(key: string): Promise<HeadObjectCommandOutput | null>;
  objectExists(key: string): Promise<boolean>;
  /** Keys of multipart uploads begun under `prefix` and neither completed nor aborted. */
  listOpenMultipartUploads(prefix: string): Promise<string[]>;
  close(): void;
}

const isMissing = (err: Error) => err.name === 'NotFound' || err.name === 'NoSuchKey';

export function openTestBucket(): TestBucket {
  const s3 = testS3Config();
  const client = createS3Client(s3);
  const headObject = (key: string) =>
    client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: key })).then(
      (head) => head,
      (err: Error) => (isMissing(err) ? null : Promise.reject(err)),
    );
  return {
    s3,
    client,
    async readObject(key) {
      try {
        const { Body } = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }));
        return Body ? Buffer.from(await Body.transformToByteArray()) : null;
      } catch (err) {
        if (err instanceof Error && isMissing(err)) return null;
        throw err;
      }
    },
    headObject,
    objectExists: async (key) => (await headObject(key)) !== null,
    async listOpenMultipartUploads(prefix) {
      const { Uploads } = await client.send(
        new ListMultipartUploadsCommand({ Bucket: s3.bucket, Prefix: prefix }),
      );
      return (Uploads ?? []).map((u) => u.Key ?? '');
    },
    close: () => client.destroy(),
  };
}
