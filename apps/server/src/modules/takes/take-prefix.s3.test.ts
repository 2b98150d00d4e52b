import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendAsCandidate } from '../../../test/factories/invitations.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { testS3Env } from '../../../test/s3.ts';
import { openTestBucket, type TestBucket } from '../../../test/s3-bucket.ts';
import {
  createUpload,
  makeWebm,
  openTakeOk,
  setUpCandidate,
  tusPatch,
  type Candidate,
  sha256,
} from './takes.test-support.ts';

describe('the SHA-256 of the first bytes of a take with STORAGE=s3 (a real S3 API: Swift with s3api)', () => {
  let bucket: TestBucket;
  let t: TestContext;
  let origin: string;
  let invite: () => Promise<Candidate>;
  let recording: Buffer;
  beforeAll(async () => {
    const webm = makeWebm();
    recording = Buffer.concat([webm, randomBytes(200_000 - webm.length)]);
    bucket = openTestBucket();
    t = await createTestApp(testS3Env());
    origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    ({ invite } = await setUpCandidate(t, { takes: 3 }));
  });
  afterAll(async () => {
    await t.close();
    bucket.close();
  });

  const prefix = (c: Candidate, takeId: string, bytes: number) =>
    sendAsCandidate(t.app, c.browser, {
      method: 'GET',
      url: `/api/v1/candidate/takes/${takeId}/prefix-sha256?bytes=${bytes}`,
    });

  it('hashes an upload in progress (still short of one S3 part) up to what it holds, and refuses more', async () => {
    const c = await invite();
    const take = await openTakeOk(t.app, c);
    const url = await createUpload(origin, c, take.takeId);
    expect((await tusPatch(c, url, 0, recording.subarray(0, 50_000))).status).toBe(204);
    expect((await tusPatch(c, url, 50_000, recording.subarray(50_000, 120_000))).status).toBe(204);
    for (const bytes of [0, 40_000, 120_000]) {
      const res = await prefix(c, take.takeId, bytes);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ sha256: sha256(recording.subarray(0, bytes)), bytes });
    }
    expect((await prefix(c, take.takeId, 120_001)).statusCode).toBe(409);
  });

  it('hashes the stored object of a saved take', async () => {
    const c = await invite();
    const take = await openTakeOk(t.app, c);
    const url = await createUpload(origin, c, take.takeId);
    const done = await tusPatch(c, url, 0, recording, { 'upload-length': String(recording.length) });
    expect(done.status).toBe(204);
    expect((await prefix(c, take.takeId, 1000)).json()).toEqual({
      sha256: sha256(recording.subarray(0, 1000)),
      bytes: 1000,
    });
    expect((await prefix(c, take.takeId, recording.length)).json()).toEqual({
      sha256: sha256(recording),
      bytes: recording.length,
    });
    expect((await prefix(c, take.takeId, recording.length + 1)).statusCode).toBe(409);
  });
});
