import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { testS3Env } from '../../../test/s3.ts';
import { openTestBucket, type TestBucket } from '../../../test/s3-bucket.ts';
import {
  createUpload,
  headOffset,
  makeWebm,
  openRawPatch,
  openTakeOk,
  setUpCandidate,
  takeState,
  tusHeaders,
  tusPatch,
  type Candidate,
  sha256,
} from './takes.test-support.ts';

// The S3 path goes through @tus/server, which refuses any Upload-Length once one is stored.
describe('retrying the last PATCH of an upload with STORAGE=s3 (a real S3 API: Swift with s3api)', () => {
  let bucket: TestBucket;
  let t: TestContext;
  let origin: string;
  let invite: () => Promise<Candidate>;
  let recording: Buffer;
  beforeAll(async () => {
    const webm = makeWebm();
    recording = Buffer.concat([webm, randomBytes(600_000 - webm.length)]);
    bucket = openTestBucket();
    t = await createTestApp(testS3Env());
    origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    ({ invite } = await setUpCandidate(t, { takes: 5 }));
  });
  afterAll(async () => {
    await t.close();
    bucket.close();
  });

  const start = async () => {
    const c = await invite();
    const take = await openTakeOk(t.app, c);
    return { c, take, url: await createUpload(origin, c, take.takeId) };
  };
  const length = () => ({ 'upload-length': String(recording.length) });

  it('accepts the same Upload-Length again after the PATCH that declared it was cut off, and saves every byte', async () => {
    const { c, take, url } = await start();
    expect((await tusPatch(c, url, 0, recording.subarray(0, 100_000))).status).toBe(204);
    const cut = openRawPatch(
      url,
      { ...tusHeaders(c), 'upload-offset': '100000', ...length() },
      recording.length - 100_000,
    );
    await cut.send(recording.subarray(100_000, 200_000));
    cut.req.destroy();
    await cut.response;

    // What the bucket kept of the cut request is the upload's to say; the retry goes on from there.
    let retry: Response | undefined;
    for (let tries = 0; tries < 20 && retry?.status !== 204; tries++) {
      const offset = await headOffset(c, url);
      retry = await tusPatch(c, url, offset, recording.subarray(offset), length());
      // 409: the cut request still held the upload when HEAD answered; ask again, as the page does.
      if (retry.status !== 204) expect(retry.status, await retry.text()).toBe(409);
    }
    expect(retry?.status).toBe(204);
    expect(await takeState(t.app, c, take.takeId)).toMatchObject({
      status: 'uploaded',
      bytes: recording.length,
      sha256: sha256(recording),
    });
  });

  it('refuses a different Upload-Length than the one declared', async () => {
    const { c, url } = await start();
    expect((await tusPatch(c, url, 0, recording.subarray(0, 1000), length())).status).toBe(204);
    const other = await tusPatch(c, url, 1000, recording.subarray(1000, 2000), {
      'upload-length': String(recording.length + 1),
    });
    expect(other.status).toBe(400);
    expect(await headOffset(c, url)).toBe(1000);
  });

  it('finishes with what the server holds on an empty PATCH declaring Upload-Length equal to the offset', async () => {
    const { c, take, url } = await start();
    expect((await tusPatch(c, url, 0, recording.subarray(0, 300_000))).status).toBe(204);
    const finish = await tusPatch(c, url, 300_000, Buffer.alloc(0), { 'upload-length': '300000' });
    expect(finish.status, await finish.clone().text()).toBe(204);
    expect(await takeState(t.app, c, take.takeId)).toMatchObject({
      status: 'uploaded',
      bytes: 300_000,
      sha256: sha256(recording.subarray(0, 300_000)),
    });
  });
});
