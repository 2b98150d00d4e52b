import { randomUUID } from 'node:crypto';
import type { S3Config } from '../src/config.ts';

/**
 * The S3 API server of the *.s3.test.ts files: TEST_S3_ENDPOINT, plus the bucket and keys scripts/start-s3.sh sets
 * up (override with TEST_S3_BUCKET, TEST_S3_REGION, TEST_S3_ACCESS_KEY_ID, TEST_S3_SECRET_ACCESS_KEY).
 */
export function testS3Config(): S3Config {
  const endpoint = process.env.TEST_S3_ENDPOINT;
  if (!endpoint) throw new Error('TEST_S3_ENDPOINT is not set: start a server with scripts/start-s3.sh');
  return {
    endpoint,
    region: process.env.TEST_S3_REGION ?? 'us-east-1',
    bucket: process.env.TEST_S3_BUCKET ?? 'oneway',
    accessKeyId: process.env.TEST_S3_ACCESS_KEY_ID ?? 'test:tester',
    secretAccessKey: process.env.TEST_S3_SECRET_ACCESS_KEY ?? 'testing',
    forcePathStyle: true,
  };
}

/** The same server as the variables of a runtime with STORAGE=s3. */
export function testS3Env(): Record<string, string> {
  const s3 = testS3Config();
  return {
    STORAGE: 's3',
    S3_ENDPOINT: s3.endpoint ?? '',
    S3_REGION: s3.region,
    S3_BUCKET: s3.bucket,
    S3_ACCESS_KEY_ID: s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    S3_FORCE_PATH_STYLE: 'true',
  };
}

/** A key prefix of its own, so tests sharing the bucket never see each other's objects. */
export const uniqueKeyPrefix = (): string => `test-${randomUUID()}`;
