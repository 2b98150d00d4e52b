import type { Playback } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock } from '../../../test/factories/clock.ts';
import { send } from '../../../test/factories/session.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { loadConfig } from '../../config.ts';
import { setUpReviewWorld, type ReviewWorld } from '../reviews/reviews.test-support.ts';
import { addVideoQuestion, makeMp4, recordVideoAnswer } from './playback.test-support.ts';

/** How long a signed media address lasts is a setting, so a player left open past it can be tested. */
describe('the lifetime of signed media addresses', () => {
  const clock = createTestClock();
  let t: TestContext;
  let w: ReviewWorld;
  let takeId: string;

  beforeAll(async () => {
    t = await createTestApp({ MEDIA_URL_LIFETIME_SECONDS: '20' }, { clock });
    const origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    w = await setUpReviewWorld(t, { questions: 0 });
    const videoQuestion = await addVideoQuestion(t, w);
    ({ takeId } = await recordVideoAnswer(t, w, { origin, recording: makeMp4(), videoQuestion }));
  }, 60_000);
  afterAll(() => t.close());

  const issue = async () => {
    const res = await send(t.app, w.reviewer, { method: 'POST', url: `/api/v1/takes/${takeId}/playback` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Playback>();
  };

  it('lasts MEDIA_URL_LIFETIME_SECONDS, and a new address works after the old one expired', async () => {
    const first = await issue();
    expect(Date.parse(first.expiresAt) - clock.now().getTime()).toBe(20_000);
    clock.advance(21_000);
    const expired = await t.app.inject({ method: 'GET', url: first.url, headers: { range: 'bytes=0-10' } });
    expect(expired.statusCode).toBe(403);
    const renewed = await issue();
    const ok = await t.app.inject({ method: 'GET', url: renewed.url, headers: { range: 'bytes=0-10' } });
    expect(ok.statusCode).toBe(206);
  });

  it('defaults to 30 minutes and refuses a lifetime too short to play anything', () => {
    expect(loadConfig({}).mediaUrlLifetimeMs).toBe(30 * 60_000);
    expect(() => loadConfig({ MEDIA_URL_LIFETIME_SECONDS: '2' })).toThrow(/MEDIA_URL_LIFETIME_SECONDS/);
  });
});
