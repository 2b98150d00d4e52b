import { createHash } from 'node:crypto';
import { GetObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { S3Config } from '../config.ts';

/**
 * The SDK settings for a bucket. Checksums only where the API requires them: otherwise SDK v3 sends streamed
 * bodies in aws-chunked framing with a trailing CRC, which several S3-compatible stores refuse or store as data.
 */
export function s3ClientConfigOf(s3: S3Config): S3ClientConfig {
  return {
    ...(s3.endpoint ? { endpoint: s3.endpoint } : {}),
    region: s3.region,
    forcePathStyle: s3.forcePathStyle,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  };
}

/**
 * DeleteObjects must carry a checksum. The SDK now sends a CRC32 header, but stores that follow the older API
 * (Swift's s3api, older MinIO and Ceph) refuse the request without Content-MD5, so it is added here.
 */
export function addContentMd5ToDeleteObjects(client: S3Client): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const request = args.request as { body?: unknown; headers?: Record<string, string> };
      if (
        context.commandName === 'DeleteObjectsCommand' &&
        request.headers &&
        typeof request.body === 'string'
      ) {
        request.headers['content-md5'] = createHash('md5').update(request.body).digest('base64');
      }
      return next(args);
    },
    { step: 'build', name: 'onewayContentMd5ForDeleteObjects' },
  );
}

/** A client for the bucket in `s3`. */
export function createS3Client(s3: S3Config): S3Client {
  const client = new S3Client(s3ClientConfigOf(s3));
  addContentMd5ToDeleteObjects(client);
  return client;
}

/** True for the SDK's "no such object" answers (NoSuchKey from GET, a bare 404 NotFound from HEAD). */
export function isS3NotFound(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return err.name === 'NoSuchKey' || err.name === 'NotFound' || status === 404;
}

/** True for 416 InvalidRange: a range that starts past the end of the object (or any range of an empty one). */
export function isS3InvalidRange(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return err.name === 'InvalidRange' || status === 416;
}

/**
 * The origin browsers fetch the bucket's presigned URLs from (for the Content-Security-Policy): taken from a
 * presigned URL itself, which is computed locally, so path-style, virtual-host and AWS's regional names all come
 * out as the SDK makes them.
 */
export async function s3BrowserOriginOf(s3: S3Config): Promise<string> {
  const client = new S3Client(s3ClientConfigOf(s3));
  try {
    const url = await getSignedUrl(client, new GetObjectCommand({ Bucket: s3.bucket, Key: 'origin-probe' }), {
      expiresIn: 1,
    });
    return new URL(url).origin;
  } finally {
    client.destroy();
  }
}
