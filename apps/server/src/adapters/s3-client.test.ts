import { describe, expect, it } from 'vitest';
import type { S3Config } from '../config.ts';
import { s3BrowserOriginOf } from './s3-client.ts';

const base: S3Config = {
  endpoint: undefined,
  region: 'eu-west-1',
  bucket: 'oneway-media',
  accessKeyId: 'AKIAEXAMPLE',
  secretAccessKey: 'secret',
  forcePathStyle: false,
};

describe('s3BrowserOriginOf', () => {
  it('is the endpoint for path-style addressing, the bucket host for virtual hosts, AWS by region otherwise', async () => {
    expect(
      await s3BrowserOriginOf({ ...base, endpoint: 'https://minio.example.com:9000/', forcePathStyle: true }),
    ).toBe('https://minio.example.com:9000');
    expect(await s3BrowserOriginOf({ ...base, endpoint: 'https://r2.example.com' })).toBe(
      'https://oneway-media.r2.example.com',
    );
    expect(await s3BrowserOriginOf(base)).toBe('https://oneway-media.s3.eu-west-1.amazonaws.com');
  });
});
