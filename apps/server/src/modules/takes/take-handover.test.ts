import type { CandidateLanding } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock, seconds } from '../../../test/factories/clock.ts';
import { eventTypesOf, openInvitationLink, sendAsCandidate } from '../../../test/factories/invitations.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import {
  createUpload,
  makeWebm,
  openTake,
  openTakeOk,
  setUpCandidate,
  tusHeaders,
  tusPatch,
  tusRequest,
  type Candidate,
} from './takes.test-support.ts';

// Device A records; the candidate opens the interview on device B (the link again, or a continue code: another
// candidate session of the same invitation).
describe('continuing on another device while one records', () => {
  const clock = createTestClock();
  let t: TestContext;
  let origin: string;
  let invite: () => Promise<Candidate>;
  let webm: Buffer;
  beforeAll(async () => {
    webm = makeWebm();
    t = await createTestApp({}, { clock });
    origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    ({ invite } = await setUpCandidate(t, { takes: 2 }));
  });
  afterAll(() => t.close());

  const takeRow = (takeId: string) =>
    t.runtime.db.selectFrom('takes').selectAll().where('id', '=', takeId).executeTakeFirstOrThrow();
  /** Device A opens a take and starts sending it; device B opens the same invitation's link. */
  const recordOnA = async () => {
    const a = await invite();
    const take = await openTakeOk(t.app, a);
    const url = await createUpload(origin, a, take.takeId);
    expect((await tusPatch(a, url, 0, webm.subarray(0, 1000))).status).toBe(204);
    const b: Candidate = { ...a, browser: await openInvitationLink(t.app, a.token ?? '') };
    return { a, b, take, url };
  };
  const landingOf = async (c: Candidate) => {
    const res = await sendAsCandidate(t.app, c.browser, { method: 'GET', url: '/api/v1/candidate/landing' });
    expect(res.statusCode).toBe(200);
    return res.json<CandidateLanding>();
  };

  it('tells device B that A is recording, on opening the link, on its landing and when it opens a take', async () => {
    const { a, b } = await recordOnA();
    const elsewhere = { questionId: a.questionId, position: 1 };
    expect(b.browser.landing.json<CandidateLanding>().recordingElsewhere).toEqual(elsewhere);
    expect((await landingOf(b)).recordingElsewhere).toEqual(elsewhere);
    // Device A's own landing knows of no other device.
    expect((await landingOf(a)).recordingElsewhere).toBeNull();

    const refused = await openTake(t.app, b);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'recording_elsewhere', details: elsewhere });
  });

  it('ends A’s take when B takes over: not counted, on the timeline, and A’s next request is refused at once', async () => {
    const { a, b, take, url } = await recordOnA();
    const opened = await openTakeOk(t.app, b, { takeOver: true });
    // A's take did not use one of the two takes.
    expect(opened.takesLeft).toBe(1);
    expect(await takeRow(take.takeId)).toMatchObject({
      status: 'abandoned',
      failure_reason: 'taken_over',
      counts_against_limit: 0,
    });
    expect(await eventTypesOf(t.runtime, a.invitationId)).toContain('take_taken_over');

    // Within the 30 s a PATCH's check is reused for, A's next chunk is refused all the same.
    const next = await tusPatch(a, url, 1000, webm.subarray(1000, 2000));
    expect(next.status).toBe(409);
    expect(JSON.parse(await next.text())).toMatchObject({ code: 'take_taken_over' });
    const head = await tusRequest(url, { method: 'HEAD', headers: tusHeaders(a) });
    expect(head.status).toBe(409);
    const last = await tusPatch(a, url, 1000, webm.subarray(1000), { 'upload-length': String(webm.length) });
    expect(last.status).toBe(409);
    expect(JSON.parse(await last.text())).toMatchObject({ code: 'take_taken_over' });
    expect((await takeRow(take.takeId)).sha256).toBeNull();
    // B has nothing left elsewhere to take over from.
    expect((await landingOf(b)).recordingElsewhere).toBeNull();
  });

  it('counts a take as recording only while bytes keep arriving (within 20 s)', async () => {
    const { a, b, url } = await recordOnA();
    clock.advance(seconds(21));
    expect((await landingOf(b)).recordingElsewhere).toBeNull();
    // A sends again: recording once more.
    expect((await tusPatch(a, url, 1000, webm.subarray(1000, 2000))).status).toBe(204);
    expect((await landingOf(b)).recordingElsewhere).toMatchObject({ position: 1 });
    clock.advance(seconds(21));
    // Stalled for more than 20 s: B opens a take without being asked to take over, and A's take just ends.
    const opened = await openTakeOk(t.app, b);
    expect(opened.takesLeft).toBe(0);
  });

  it('notes the arrival of bytes at most every 10 s per upload', async () => {
    const { a, take, url } = await recordOnA();
    const noted = async () => (await takeRow(take.takeId)).last_bytes_at;
    const first = await noted();
    expect(first).toBe(clock.now().toISOString());
    clock.advance(seconds(5));
    expect((await tusPatch(a, url, 1000, webm.subarray(1000, 2000))).status).toBe(204);
    expect(await noted()).toBe(first);
    clock.advance(seconds(6));
    expect((await tusPatch(a, url, 2000, webm.subarray(2000, 3000))).status).toBe(204);
    await expect.poll(noted).toBe(clock.now().toISOString());
  });

  it('changes nothing with takeOver when no other device records, nor for the device that records', async () => {
    const { a } = await recordOnA();
    // The same device opening its next take ends its own unfinished one as always, without a takeover.
    const next = await openTakeOk(t.app, a, { takeOver: true });
    expect(next.takesLeft).toBe(0);
    expect(await eventTypesOf(t.runtime, a.invitationId)).not.toContain('take_taken_over');
  });
});
