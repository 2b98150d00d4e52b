import { expect } from 'vitest';
import { testS3Env } from '../../../test/s3.ts';
import { openTestBucket } from '../../../test/s3-bucket.ts';
import { describeProcessingOnStorage } from './storage-scenario.test-support.ts';

const bucket = openTestBucket();

describeProcessingOnStorage('S3 storage (a real S3 API: Swift with s3api)', {
  env: testS3Env(),
  read: (_t, key) => bucket.readObject(key),
  // The app answers with a redirect to a presigned URL; the browser then asks the bucket for the range.
  async fetchRange(t, url, range) {
    const res = await t.app.inject({
      method: 'GET',
      url,
      headers: { range: `bytes=${range.start}-${range.end}` },
    });
    expect(res.statusCode, res.body).toBe(302);
    const location = String(res.headers.location);
    expect(location.startsWith(`${bucket.s3.endpoint ?? '-'}/`)).toBe(true);
    expect(location).toContain('X-Amz-Signature=');
    const fromBucket = await fetch(location, { headers: { range: `bytes=${range.start}-${range.end}` } });
    return {
      status: fromBucket.status,
      contentRange: fromBucket.headers.get('content-range'),
      body: Buffer.from(await fromBucket.arrayBuffer()),
    };
  },
  close: () => bucket.close(),
});
