import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendAsCandidate } from '../../../test/factories/invitations.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import {
  createUpload,
  makeWebm,
  openTakeOk,
  setUpCandidate,
  tusPatch,
  type Candidate,
  sha256,
} from './takes.test-support.ts';

describe('the SHA-256 of the first bytes the server holds of a take', () => {
  let t: TestContext;
  let origin: string;
  let invite: () => Promise<Candidate>;
  let webm: Buffer;
  beforeAll(async () => {
    webm = makeWebm();
    t = await createTestApp();
    origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    ({ invite } = await setUpCandidate(t, { takes: 3 }));
  });
  afterAll(() => t.close());

  const prefix = (c: Candidate, takeId: string, bytes: number | string) =>
    sendAsCandidate(t.app, c.browser, {
      method: 'GET',
      url: `/api/v1/candidate/takes/${takeId}/prefix-sha256?bytes=${bytes}`,
    });

  it('hashes the upload in progress up to what it holds, and refuses more', async () => {
    const c = await invite();
    const take = await openTakeOk(t.app, c);
    const url = await createUpload(origin, c, take.takeId);
    expect((await tusPatch(c, url, 0, webm.subarray(0, 5000))).status).toBe(204);
    for (const bytes of [0, 3000, 5000]) {
      const res = await prefix(c, take.takeId, bytes);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ sha256: sha256(webm.subarray(0, bytes)), bytes });
    }
    const more = await prefix(c, take.takeId, 5001);
    expect(more.statusCode).toBe(409);
    expect(more.json()).toMatchObject({ code: 'take_not_open' });
  });

  it('hashes the stored file of a saved take', async () => {
    const c = await invite();
    const take = await openTakeOk(t.app, c);
    const url = await createUpload(origin, c, take.takeId);
    const done = await tusPatch(c, url, 0, webm, { 'upload-length': String(webm.length) });
    expect(done.status).toBe(204);
    const whole = await prefix(c, take.takeId, webm.length);
    expect(whole.json()).toEqual({ sha256: sha256(webm), bytes: webm.length });
    expect((await prefix(c, take.takeId, 100)).json()).toEqual({
      sha256: sha256(webm.subarray(0, 100)),
      bytes: 100,
    });
    expect((await prefix(c, take.takeId, webm.length + 1)).statusCode).toBe(409);
  });

  it("refuses another invitation's take, a take with no bytes yet, and a count that is not a whole number", async () => {
    const c = await invite();
    const other = await invite();
    const take = await openTakeOk(t.app, c);
    expect((await prefix(other, take.takeId, 0)).statusCode).toBe(404);
    expect((await prefix(c, take.takeId, 1)).statusCode).toBe(409);
    for (const bytes of ['-1', 'abc', '1.5']) {
      expect((await prefix(c, take.takeId, bytes)).statusCode, bytes).toBe(400);
    }
  });
});
