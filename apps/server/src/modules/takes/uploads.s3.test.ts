import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as tus from 'tus-js-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { testS3Env } from '../../../test/s3.ts';
import { openTestBucket, type TestBucket } from '../../../test/s3-bucket.ts';
import {
  makeWebm,
  openTakeOk,
  setUpCandidate,
  takeState,
  tusHeaders,
  tusRequest,
  uploadWithTus,
  type Candidate,
  sha256,
} from './takes.test-support.ts';

/** tus-js-client with big chunks, as the page sends when catching up (uploadWithTus sends 8 KiB ones). */
function uploadInChunks(
  origin: string,
  c: Candidate,
  options: { takeId: string; data: Buffer; chunkSize: number },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const upload = new tus.Upload(options.data, {
      endpoint: `${origin}/api/v1/uploads`,
      uploadLengthDeferred: true,
      chunkSize: options.chunkSize,
      retryDelays: [],
      metadata: { takeId: options.takeId },
      headers: tusHeaders(c),
      onError: reject,
      onSuccess: () => resolve(),
    });
    upload.start();
  });
}

describe('tus uploads of takes with STORAGE=s3 (a real S3 API: Swift with s3api)', () => {
  let bucket: TestBucket;
  let t: TestContext;
  let origin: string;
  let invite: () => Promise<Candidate>;
  let webm: Buffer;
  beforeAll(async () => {
    webm = makeWebm();
    bucket = openTestBucket();
    t = await createTestApp(testS3Env());
    origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    ({ invite } = await setUpCandidate(t, { takes: 3 }));
  });
  afterAll(async () => {
    await t.close();
    bucket.close();
  });

  const takeRow = (takeId: string) =>
    t.runtime.db.selectFrom('takes').selectAll().where('id', '=', takeId).executeTakeFirstOrThrow();
  const objectBytes = (key: string) => bucket.readObject(key);
  const objectExists = (key: string) => bucket.objectExists(key);
  /** Objects and multipart uploads the upload left in the bucket: none once it is finished. */
  const leftoversOf = async (uploadId: string) => {
    const keys = [uploadId, `${uploadId}.info`, `${uploadId}.part`];
    const present = [];
    for (const key of keys) if (await objectExists(key)) present.push(key);
    const open = await bucket.listOpenMultipartUploads(uploadId);
    return [...present, ...open.map((key) => `multipart ${key}`)];
  };

  it('streams a WebM in small chunks with the length deferred and stores the object byte for byte', async () => {
    const c = await invite();
    const take = await openTakeOk(t.app, c);
    await uploadWithTus(origin, c, { takeId: take.takeId, data: webm });
    expect(await takeState(t.app, c, take.takeId)).toMatchObject({
      status: 'uploaded',
      bytes: webm.length,
      sha256: sha256(webm),
    });
    const row = await takeRow(take.takeId);
    expect(row.mime).toBe('video/webm');
    expect(await objectBytes(row.storage_key)).toEqual(webm);
    const head = await bucket.headObject(row.storage_key);
    expect(head?.ContentType).toBe('video/webm');
    expect(existsSync(path.join(t.runtime.config.mediaDir, row.storage_key))).toBe(false);
    expect(await leftoversOf(row.upload_id ?? '-')).toEqual([]);
  });

  it('puts a recording bigger than an S3 part together from several parts', async () => {
    const c = await invite();
    const take = await openTakeOk(t.app, c);
    // A WebM, then 6 MiB, in 3 MiB PATCHes: the first waits in the bucket as an incomplete part (S3 wants 5 MiB
    // or more but for the last), the second joins it as part 1, the rest is the last part.
    const big = Buffer.concat([webm, randomBytes(6 * 1024 * 1024)]);
    await uploadInChunks(origin, c, { takeId: take.takeId, data: big, chunkSize: 3 * 1024 * 1024 });
    const row = await takeRow(take.takeId);
    expect(row).toMatchObject({ status: 'uploaded', bytes: big.length, sha256: sha256(big) });
    expect(sha256((await objectBytes(row.storage_key)) ?? Buffer.alloc(0))).toBe(sha256(big));
    expect(await leftoversOf(row.upload_id ?? '-')).toEqual([]);
  });

  it('resumes an upload on another server over the same bucket: any API process can take the next PATCH', async () => {
    const c = await invite();
    const take = await openTakeOk(t.app, c);
    const created = await tusRequest(`${origin}/api/v1/uploads`, {
      method: 'POST',
      headers: {
        ...tusHeaders(c),
        'upload-defer-length': '1',
        'upload-metadata': `takeId ${Buffer.from(take.takeId).toString('base64')}`,
      },
    });
    expect(created.status).toBe(201);
    const uploadPath = created.headers.get('location') ?? '';
    const half = Math.floor(webm.length / 2);
    const sent = await tusRequest(new URL(uploadPath, origin).toString(), {
      method: 'PATCH',
      headers: { ...tusHeaders(c), 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' },
      body: webm.subarray(0, half),
    });
    expect(sent.status).toBe(204);

    const { dataDir, databaseUrl } = t.runtime.config;
    const other = await createTestApp(
      testS3Env(),
      {},
      { reuse: { dataDir, databaseUrl }, keepOnClose: true },
    );
    try {
      const otherOrigin = await other.app.listen({ port: 0, host: '127.0.0.1' });
      const uploadUrl = new URL(uploadPath, otherOrigin).toString();
      const head = await tusRequest(uploadUrl, { method: 'HEAD', headers: tusHeaders(c) });
      expect(head.headers.get('upload-offset')).toBe(String(half));
      await uploadWithTus(otherOrigin, c, { takeId: take.takeId, data: webm, uploadUrl, asStream: false });
    } finally {
      await other.close();
    }
    const row = await takeRow(take.takeId);
    expect(row).toMatchObject({ status: 'uploaded', bytes: webm.length, sha256: sha256(webm) });
    expect(await objectBytes(row.storage_key)).toEqual(webm);
  });

  it("lets pages play media and show posters from the bucket's presigned URLs (CSP)", async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain(`media-src 'self' blob: ${new URL(bucket.s3.endpoint ?? '').origin}`);
    expect(csp).toContain(`img-src 'self' data: blob: ${new URL(bucket.s3.endpoint ?? '').origin}`);
  });

  it('fails a take whose upload is not WebM or MP4, and deletes the object', async () => {
    const c = await invite();
    const take = await openTakeOk(t.app, c);
    const notVideo = Buffer.from('%PDF-1.7 this is not a recording'.repeat(100));
    await expect(uploadWithTus(origin, c, { takeId: take.takeId, data: notVideo })).rejects.toThrow(/415/);
    const row = await takeRow(take.takeId);
    expect(row).toMatchObject({ status: 'failed', failure_reason: 'upload_rejected', sha256: null });
    expect(await objectExists(row.storage_key)).toBe(false);
    expect(await leftoversOf(row.upload_id ?? '-')).toEqual([]);
  });
});
