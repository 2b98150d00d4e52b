import fs from 'node:fs';
import path from 'node:path';
import type { CandidateTakePlayback } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock, minutes } from '../../../test/factories/clock.ts';
import { sendAsCandidate, withdrawInvitation } from '../../../test/factories/invitations.ts';
import { send, type TestSession } from '../../../test/factories/session.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import {
  getInterview,
  onQuestion,
  refusal,
  setUpInterview,
  submit,
  type InterviewCandidate,
} from '../candidate-interview/candidate-interview.test-support.ts';
import { getOrCreateInstallSecret } from '../playback/install-secret.repository.ts';
import { signMediaToken, type MediaKind } from '../playback/media-token.ts';
import { mediaPathOf } from '../playback/playback.service.ts';
import { insertLegacyPracticeTake, makeMp4 } from '../playback/playback.test-support.ts';
import { createUpload, openTakeOk, uploadWithTus } from './takes.test-support.ts';

describe('a candidate playing back their own saved takes', () => {
  const clock = createTestClock();
  let t: TestContext;
  let origin: string;
  let recording: Buffer;
  let owner: TestSession;
  /** Two saved, processed takes of question 1: `first` is not the answer (the newest saved take is). */
  let me: InterviewCandidate;
  let first: string;
  let second: string;
  /** Another candidate of the same interview, and one of another organisation, each with a processed take. */
  let neighbour: InterviewCandidate;
  let neighbourTake: string;
  let stranger: InterviewCandidate;
  let strangerTake: string;

  const recordTake = async (c: InterviewCandidate): Promise<string> => {
    const take = await openTakeOk(t.app, onQuestion(c));
    await uploadWithTus(origin, onQuestion(c), { takeId: take.takeId, data: recording });
    return take.takeId;
  };
  const processTake = (takeId: string) =>
    t.runtime.services.media.processTake({ takeId, isLastAttempt: true });
  const askPlayback = (c: InterviewCandidate, takeId: string) =>
    sendAsCandidate(t.app, c.browser, { method: 'POST', url: `/api/v1/candidate/takes/${takeId}/playback` });
  const get = (url: string, range?: string) =>
    t.app.inject({ method: 'GET', url, headers: range === undefined ? {} : { range } });
  const mediaOf = (takeId: string) =>
    t.runtime.db.selectFrom('take_media').selectAll().where('take_id', '=', takeId).executeTakeFirstOrThrow();
  const savedTakesOf = async (c: InterviewCandidate) =>
    (await getInterview(t.app, c)).questions[0]?.savedTakes;

  beforeAll(async () => {
    recording = makeMp4();
    t = await createTestApp({}, { clock });
    origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const world = await setUpInterview(t, { questions: [{ takes: 3 }] });
    owner = world.owner;
    me = await world.invite();
    neighbour = await world.invite();
    stranger = await (await setUpInterview(t)).invite();
    first = await recordTake(me);
    second = await recordTake(me);
    neighbourTake = await recordTake(neighbour);
    strangerTake = await recordTake(stranger);
    for (const takeId of [first, second, neighbourTake, strangerTake]) await processTake(takeId);
  }, 60_000);
  afterAll(() => t.close());

  it('gives an address for take 1 of 2 before submitting, which serves its processed bytes and ranges', async () => {
    const view = await getInterview(t.app, me);
    expect(view.submittedAt).toBeNull();
    expect(view.questions[0]?.answer).toMatchObject({ kind: 'take', takeId: second });
    const res = await askPlayback(me, first);
    expect(res.statusCode, res.body).toBe(200);
    const playback = res.json<CandidateTakePlayback>();
    expect(playback).toMatchObject({
      mime: 'video/mp4',
      url: expect.stringMatching(/^\/api\/v1\/media\/[\w-]+\.[\w-]+$/) as string,
    });
    expect(Date.parse(playback.expiresAt) - clock.now().getTime()).toBe(30 * 60_000);
    expect(playback.durationSeconds).toBe(((await mediaOf(first)).duration_ms ?? 0) / 1000);
    expect(playback.durationSeconds).toBeGreaterThan(1.5);

    const media = await mediaOf(first);
    const processed = fs.readFileSync(
      path.join(t.runtime.config.mediaDir, ...(media.playback_key ?? '').split('/')),
    );
    const whole = await get(playback.url);
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['content-type']).toBe('video/mp4');
    expect(whole.rawPayload.equals(processed)).toBe(true);
    const part = await get(playback.url, 'bytes=0-99');
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 0-99/${processed.length}`);
    expect(part.rawPayload.equals(processed.subarray(0, 100))).toBe(true);
  });

  it('refuses the address once it has expired', async () => {
    const { url } = (await askPlayback(me, first)).json<CandidateTakePlayback>();
    clock.advance(minutes(31));
    try {
      const res = await get(url, 'bytes=0-9');
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'media_link_expired' });
    } finally {
      clock.advance(-minutes(31));
    }
  });

  it("refuses another candidate's take, of the same organisation or another, as not found", async () => {
    const cases: [InterviewCandidate, string][] = [
      [me, neighbourTake],
      [me, strangerTake],
      [neighbour, first],
      [stranger, first],
    ];
    for (const [candidate, takeId] of cases) {
      const res = await askPlayback(candidate, takeId);
      expect(refusal(res), takeId).toEqual({ status: 404, code: 'not_found' });
      expect(res.body).not.toContain('/api/v1/media/');
    }
    // Each of those takes does play for its own candidate: only whose it is made the difference.
    expect((await askPlayback(neighbour, neighbourTake)).statusCode).toBe(200);
    expect((await askPlayback(stranger, strangerTake)).statusCode).toBe(200);
  });

  it('refuses a practice take and a take still uploading as not found', async () => {
    const practice = await insertLegacyPracticeTake(t, me.invitationId);
    // Processed media of its own, so only its being practice refuses it.
    await t.runtime.db
      .insertInto('take_media')
      .values({ ...(await mediaOf(first)), take_id: practice })
      .execute();
    expect(refusal(await askPlayback(me, practice))).toEqual({ status: 404, code: 'not_found' });

    const open = await openTakeOk(t.app, onQuestion(me));
    expect(refusal(await askPlayback(me, open.takeId))).toEqual({ status: 404, code: 'not_found' });
    await createUpload(origin, onQuestion(me), open.takeId);
    const row = await t.runtime.db
      .selectFrom('takes')
      .select('status')
      .where('id', '=', open.takeId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('uploading');
    expect(refusal(await askPlayback(me, open.takeId))).toEqual({ status: 404, code: 'not_found' });
  });

  it('says 409 media_not_ready until processing is done; savedTakes carries durationSeconds only then', async () => {
    const world = await setUpInterview(t);
    const c = await world.invite();
    const takeId = await recordTake(c);
    expect(await savedTakesOf(c)).toEqual([expect.objectContaining({ takeId, durationSeconds: null })]);
    const pending = await askPlayback(c, takeId);
    expect(refusal(pending)).toEqual({ status: 409, code: 'media_not_ready' });
    expect(pending.json<{ message: string }>().message).toMatch(/still being processed/);

    await processTake(takeId);
    const durationSeconds = ((await mediaOf(takeId)).duration_ms ?? 0) / 1000;
    expect(durationSeconds).toBeGreaterThan(1.5);
    expect(await savedTakesOf(c)).toEqual([expect.objectContaining({ takeId, durationSeconds })]);
    const ready = await askPlayback(c, takeId);
    expect(ready.statusCode, ready.body).toBe(200);
    const { url } = ready.json<CandidateTakePlayback>();

    await t.runtime.db
      .updateTable('take_media')
      .set({ status: 'failed' })
      .where('take_id', '=', takeId)
      .execute();
    const failed = await askPlayback(c, takeId);
    expect(refusal(failed)).toEqual({ status: 409, code: 'media_not_ready' });
    expect(failed.json<{ message: string }>().message).toMatch(/could not be processed/);
    expect((await get(url)).statusCode).toBe(409);
    expect(await savedTakesOf(c)).toEqual([expect.objectContaining({ takeId, durationSeconds: null })]);
  });

  it("plays the candidate's earlier take after submitting, while members' addresses still play only answers", async () => {
    expect((await submit(t.app, me)).statusCode).toBe(200);
    expect((await askPlayback(me, first)).statusCode).toBe(200);

    const memberIssue = (takeId: string) =>
      send(t.app, owner, { method: 'POST', url: `/api/v1/takes/${takeId}/playback` });
    expect((await memberIssue(second)).statusCode).toBe(200);
    expect(refusal(await memberIssue(first))).toEqual({ status: 404, code: 'not_found' });

    // The same take under a members' kind of address (signed with the real key) is refused; under the
    // candidate's own kind it plays.
    const secret = await getOrCreateInstallSecret(t.runtime.db, {
      name: 'media-signing',
      now: clock.now().toISOString(),
    });
    const organisationId = (await mediaOf(first)).organisation_id;
    const addressOf = (kind: MediaKind) =>
      mediaPathOf(
        signMediaToken(secret, {
          kind,
          mediaId: first,
          organisationId,
          shareLinkId: null,
          expiresAt: Math.floor(clock.now().getTime() / 1000) + 600,
        }),
      );
    for (const kind of ['video', 'poster'] as const) {
      expect(refusal(await get(addressOf(kind))), kind).toEqual({ status: 404, code: 'not_found' });
    }
    expect((await get(addressOf('candidate-take'), 'bytes=0-9')).statusCode).toBe(206);
  });

  it('refuses a withdrawn candidate as every candidate route does', async () => {
    await withdrawInvitation(t.app, owner, neighbour.invitationId);
    expect(refusal(await askPlayback(neighbour, neighbourTake))).toEqual({
      status: 410,
      code: 'invitation_withdrawn',
    });
  });
});
