import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
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

/** What the local PATCH path gathers before a write: this many bytes are on disk once they arrived. */
const oneWrite = 256 * 1024;

// tus-js-client 4 declares the length on the request that sends the last bytes, and again on its retry after that
// request was cut off: the server had stored the length before it read the body.
describe('retrying the last PATCH of an upload (real server)', () => {
  let t: TestContext;
  let origin: string;
  let invite: () => Promise<Candidate>;
  let recording: Buffer;
  beforeAll(async () => {
    const webm = makeWebm();
    recording = Buffer.concat([webm, randomBytes(600_000 - webm.length)]);
    t = await createTestApp();
    origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    ({ invite } = await setUpCandidate(t, { takes: 5 }));
  });
  afterAll(() => t.close());

  const start = async () => {
    const c = await invite();
    const take = await openTakeOk(t.app, c);
    return { c, take, url: await createUpload(origin, c, take.takeId) };
  };
  const uploadFile = (url: string) =>
    path.join(t.runtime.config.mediaDir, 'tmp', new URL(url).pathname.split('/').at(-1) ?? '');
  const length = () => ({ 'upload-length': String(recording.length) });

  it('accepts the same Upload-Length again after the PATCH that declared it was cut off mid-body, and saves every byte', async () => {
    const { c, take, url } = await start();
    expect((await tusPatch(c, url, 0, recording.subarray(0, 100_000))).status).toBe(204);
    const cut = openRawPatch(
      url,
      { ...tusHeaders(c), 'upload-offset': '100000', ...length() },
      recording.length - 100_000,
    );
    await cut.send(recording.subarray(100_000, 100_000 + oneWrite));
    await vi.waitFor(() => expect(statSync(uploadFile(url)).size).toBe(100_000 + oneWrite), {
      timeout: 5_000,
      interval: 10,
    });
    cut.req.destroy();
    await cut.response;

    const offset = await headOffset(c, url);
    expect(offset).toBe(100_000 + oneWrite);
    const retry = await tusPatch(c, url, offset, recording.subarray(offset), length());
    expect(retry.status, await retry.clone().text()).toBe(204);
    expect(retry.headers.get('oneway-take-sha256')).toBe(sha256(recording));
    expect(await takeState(t.app, c, take.takeId)).toMatchObject({
      status: 'uploaded',
      bytes: recording.length,
      sha256: sha256(recording),
    });
  });

  it('accepts the declared length again on a PATCH in the middle, and finishes on the last one', async () => {
    const { c, take, url } = await start();
    expect((await tusPatch(c, url, 0, recording.subarray(0, 1000), length())).status).toBe(204);
    expect((await tusPatch(c, url, 1000, recording.subarray(1000, 5000), length())).status).toBe(204);
    const last = await tusPatch(c, url, 5000, recording.subarray(5000), length());
    expect(last.status).toBe(204);
    expect((await takeState(t.app, c, take.takeId)).sha256).toBe(sha256(recording));
  });

  it('refuses a different Upload-Length than the one declared, keeping the bytes and the length', async () => {
    const { c, take, url } = await start();
    expect((await tusPatch(c, url, 0, recording.subarray(0, 1000), length())).status).toBe(204);
    const other = await tusPatch(c, url, 1000, recording.subarray(1000, 2000), {
      'upload-length': String(recording.length + 1),
    });
    expect(other.status).toBe(400);
    expect(await headOffset(c, url)).toBe(1000);
    expect(readFileSync(uploadFile(url)).equals(recording.subarray(0, 1000))).toBe(true);
    const rest = await tusPatch(c, url, 1000, recording.subarray(1000));
    expect(rest.status).toBe(204);
    expect((await takeState(t.app, c, take.takeId)).sha256).toBe(sha256(recording));
  });

  it('finishes with what the server holds on an empty PATCH declaring Upload-Length equal to the offset', async () => {
    const { c, take, url } = await start();
    expect((await tusPatch(c, url, 0, recording.subarray(0, 300_000))).status).toBe(204);
    const finish = await tusPatch(c, url, 300_000, Buffer.alloc(0), { 'upload-length': '300000' });
    expect(finish.status, await finish.clone().text()).toBe(204);
    expect(finish.headers.get('oneway-take-sha256')).toBe(sha256(recording.subarray(0, 300_000)));
    expect(await takeState(t.app, c, take.takeId)).toMatchObject({
      status: 'uploaded',
      bytes: 300_000,
      sha256: sha256(recording.subarray(0, 300_000)),
    });
  });
});
