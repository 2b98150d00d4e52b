import { randomBytes } from 'node:crypto';
import type { CandidateLanding } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock, minutes, seconds } from '../../../test/factories/clock.ts';
import { captureJobs, type CapturedJob } from '../../../test/factories/invitation-api.ts';
import { eventTypesOf, sendAsCandidate } from '../../../test/factories/invitations.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { makeWebm, openTake, openTakeOk, uploadWithTus } from '../takes/takes.test-support.ts';
import {
  getInterview,
  onQuestion,
  refusal,
  reveal,
  revealOk,
  saveAnswer,
  setUpInterview,
  submit,
  type InterviewCandidate,
  type InviteOptions,
} from './candidate-interview.test-support.ts';

const videoQuestion = { answerType: 'video', answerSeconds: 120 } as const;
const writtenQuestion = {
  answerType: 'text',
  textMaxChars: 500,
  answerSeconds: null,
  think: { mode: 'timed', seconds: 60 },
} as const;

// The rule: an answer started before the deadline may finish and be handed in until its own limits plus 15 minutes
// have passed (docs/decisions.md); nothing new starts after the deadline.
describe('the grace after the deadline for an answer started before it', () => {
  const clock = createTestClock();
  let t: TestContext;
  let origin: string;
  let jobs: CapturedJob[];
  let recording: Buffer;
  let inviteVideo: (options?: InviteOptions) => Promise<InterviewCandidate>;
  let inviteWritten: (options?: InviteOptions) => Promise<InterviewCandidate>;
  beforeAll(async () => {
    const webm = makeWebm();
    recording = Buffer.concat([webm, randomBytes(20_000)]);
    t = await createTestApp({}, { clock });
    origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    jobs = captureJobs(t.runtime);
    ({ invite: inviteVideo } = await setUpInterview(t, { questions: [videoQuestion] }));
    ({ invite: inviteWritten } = await setUpInterview(t, { questions: [writtenQuestion] }));
  });
  afterAll(() => t.close());

  const inAnHour = () => ({ deadline: new Date(clock.now().getTime() + minutes(60)).toISOString() });
  const at = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();
  const invitationRow = (id: string) =>
    t.runtime.db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  /** A candidate who starts recording question 1 a minute before the deadline; the recording is then saved. */
  const recordJustBeforeDeadline = async () => {
    const c = await inviteVideo(inAnHour());
    clock.advance(minutes(59));
    await revealOk(t.app, c, c.questionIds[0] ?? '');
    const takenAt = clock.now().toISOString();
    const take = await openTakeOk(t.app, onQuestion(c, 0));
    await uploadWithTus(origin, onQuestion(c, 0), { takeId: take.takeId, data: recording });
    return { c, take, graceUntil: at(takenAt, seconds(120) + minutes(15)) };
  };

  it('lets an answer started before the deadline be chosen and submitted after it, and nothing new start', async () => {
    const { c, take, graceUntil } = await recordJustBeforeDeadline();
    clock.advance(minutes(5));
    const view = await getInterview(t.app, c);
    expect(view).toMatchObject({ expired: false, graceUntil, serverTime: clock.now().toISOString() });
    const landing = await sendAsCandidate(t.app, c.browser, {
      method: 'GET',
      url: '/api/v1/candidate/landing',
    });
    expect(landing.json<CandidateLanding>().expired).toBe(false);

    // Nothing new: no question shown (the reveal is refused even for one shown before), no new take.
    expect(refusal(await reveal(t.app, c, c.questionIds[0] ?? ''))).toEqual({
      status: 410,
      code: 'invitation_expired',
    });
    expect(refusal(await openTake(t.app, onQuestion(c, 0)))).toEqual({
      status: 410,
      code: 'invitation_expired',
    });

    expect((await saveAnswer(t.app, c, c.questionIds[0] ?? '', { takeId: take.takeId })).statusCode).toBe(
      200,
    );
    expect((await submit(t.app, c)).statusCode).toBe(200);
    expect((await invitationRow(c.invitationId)).status).toBe('completed');
  });

  it('refuses handing in once the grace is over, and says expired', async () => {
    const { c, take, graceUntil } = await recordJustBeforeDeadline();
    clock.advance(Date.parse(graceUntil) - clock.now().getTime());
    expect(await getInterview(t.app, c)).toMatchObject({ expired: true, graceUntil });
    expect(refusal(await saveAnswer(t.app, c, c.questionIds[0] ?? '', { takeId: take.takeId }))).toEqual({
      status: 410,
      code: 'invitation_expired',
    });
    expect(refusal(await submit(t.app, c))).toEqual({ status: 410, code: 'invitation_expired' });
  });

  it('gives a written answer revealed before the deadline its think and answer time, and submits it', async () => {
    const c = await inviteWritten(inAnHour());
    clock.advance(minutes(50));
    const { revealedAt } = await revealOk(t.app, c, c.questionIds[0] ?? '');
    const graceUntil = at(revealedAt, seconds(60) + minutes(30) + minutes(15));
    clock.advance(minutes(40));
    expect(await getInterview(t.app, c)).toMatchObject({ expired: false, graceUntil });
    expect(
      (await saveAnswer(t.app, c, c.questionIds[0] ?? '', { text: 'Written in time.' })).statusCode,
    ).toBe(200);
    expect((await submit(t.app, c)).statusCode).toBe(200);
    expect((await invitationRow(c.invitationId)).status).toBe('completed');
  });

  it('gives no grace when nothing was started before the deadline', async () => {
    const c = await inviteWritten(inAnHour());
    clock.advance(minutes(61));
    expect(await getInterview(t.app, c)).toMatchObject({ expired: true, graceUntil: null });
    expect(refusal(await saveAnswer(t.app, c, c.questionIds[0] ?? '', { text: 'Late.' }))).toEqual({
      status: 410,
      code: 'invitation_expired',
    });
  });

  it('has the expiry job wait for the grace: it queues itself for its end, then expires the invitation', async () => {
    const { c, graceUntil } = await recordJustBeforeDeadline();
    const { deadline_at: deadline } = await invitationRow(c.invitationId);
    clock.advance(minutes(1));
    const { invitations } = t.runtime.services;
    await invitations.expireInvitationAtDeadline({ invitationId: c.invitationId, deadline });
    expect((await invitationRow(c.invitationId)).status).toBe('started');
    const again = jobs.filter(
      (j) => j.name === 'invitation.expire' && j.payload.invitationId === c.invitationId,
    );
    expect(again.at(-1)).toMatchObject({
      payload: { invitationId: c.invitationId, deadline, graceUntil },
      options: { runAt: new Date(graceUntil) },
    });
    // Run early (a worker's clock behind): it fails, so the queue tries again later.
    await expect(
      invitations.expireInvitationAtDeadline({ invitationId: c.invitationId, deadline, graceUntil }),
    ).rejects.toThrow(/before the grace ended/);
    clock.advance(Date.parse(graceUntil) - clock.now().getTime());
    await invitations.expireInvitationAtDeadline({ invitationId: c.invitationId, deadline, graceUntil });
    expect((await invitationRow(c.invitationId)).status).toBe('expired');
    expect(await eventTypesOf(t.runtime, c.invitationId)).toContain('expired');
  });
});
