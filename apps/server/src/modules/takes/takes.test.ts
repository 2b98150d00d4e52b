import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock, hours } from '../../../test/factories/clock.ts';
import { eventTypesOf, sendAsCandidate } from '../../../test/factories/invitations.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { openTake, openTakeOk, setUpCandidate, takeState, type Candidate } from './takes.test-support.ts';

describe('opening takes', () => {
  let t: TestContext;
  let invite: () => Promise<Candidate>;
  beforeAll(async () => {
    t = await createTestApp();
    ({ invite } = await setUpCandidate(t, { takes: 2 }));
  });
  afterAll(() => t.close());

  const takesOf = (invitationId: string) =>
    t.runtime.db
      .selectFrom('takes')
      .selectAll()
      .where('invitation_id', '=', invitationId)
      .orderBy('take_number')
      .execute();

  it('opens a take with its upload address, starts the invitation, and refuses a third take of two', async () => {
    const c = await invite();
    const first = await openTakeOk(t.app, c);
    expect(first).toMatchObject({ uploadUrl: '/api/v1/uploads', uploadMetadata: { takeId: first.takeId } });
    expect(first.takesLeft).toBe(1);
    expect(await eventTypesOf(t.runtime, c.invitationId)).toContain('started');
    expect((await openTakeOk(t.app, c)).takesLeft).toBe(0);
    const third = await openTake(t.app, c);
    expect(third.statusCode).toBe(409);
    expect(third.json()).toMatchObject({ code: 'no_takes_left' });
    const rows = await takesOf(c.invitationId);
    expect(rows.map((r) => r.status)).toEqual(['abandoned', 'open']);
    expect(rows[1]?.storage_key).toBe(`${rows[1]?.organisation_id}/${c.invitationId}/${rows[1]?.id}.bin`);
    expect(await takeState(t.app, c, first.takeId)).toMatchObject({ status: 'abandoned', sha256: null });
  });

  it('refuses a take of the practice question with a validation error, storing nothing', async () => {
    const c = await invite();
    const res = await openTake(t.app, c, { questionId: 'practice' });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ code: string; details: unknown }>()).toMatchObject({
      code: 'validation_failed',
      details: {
        fields: [
          {
            field: 'questionId',
            message:
              'The practice question is never uploaded: practise in the browser, then open a take of a question',
          },
        ],
      },
    });
    expect(await takesOf(c.invitationId)).toEqual([]);
    expect(await eventTypesOf(t.runtime, c.invitationId)).not.toContain('started');
  });

  it('gives free takes after a take that never finished, capped at 3 and logged on the timeline', async () => {
    const c = await invite();
    await openTakeOk(t.app, c);
    for (let i = 0; i < 3; i++) {
      const free = await openTakeOk(t.app, c, { reason: 'technical_failure' });
      expect(free.takesLeft).toBe(1);
    }
    // Past the cap the claim is ignored: this take costs the last one, and the next is refused.
    expect((await openTakeOk(t.app, c, { reason: 'recovery' })).takesLeft).toBe(0);
    expect((await openTake(t.app, c, { reason: 'technical_failure' })).statusCode).toBe(409);
    const rows = await takesOf(c.invitationId);
    expect(rows.map((r) => r.counts_against_limit)).toEqual([1, 0, 0, 0, 1]);
    const events = await eventTypesOf(t.runtime, c.invitationId);
    expect(events.filter((e) => e === 'technical_failure')).toHaveLength(3);
  });

  it('charges a take when a failure is claimed after a take that was saved', async () => {
    const c = await invite();
    const markUploaded = (takeId: string) =>
      t.runtime.db.updateTable('takes').set({ status: 'uploaded' }).where('id', '=', takeId).execute();
    await markUploaded((await openTakeOk(t.app, c)).takeId);
    const second = await openTakeOk(t.app, c, { reason: 'technical_failure' });
    expect(second.takesLeft).toBe(0);
    await markUploaded(second.takeId);
    expect((await openTake(t.app, c, { reason: 'technical_failure' })).json()).toMatchObject({
      code: 'no_takes_left',
    });
  });

  it('refuses a take for a question the candidate was not shown, and opens it once the question is revealed', async () => {
    const c = await invite();
    const unseen = await sendAsCandidate(t.app, c.browser, {
      method: 'POST',
      url: '/api/v1/candidate/takes',
      payload: { questionId: c.questionId },
    });
    expect(unseen.statusCode).toBe(409);
    expect(unseen.json()).toMatchObject({ code: 'question_not_revealed' });
    expect(await takesOf(c.invitationId)).toHaveLength(0);
    // openTake reveals the question first, as the page does.
    const take = await openTakeOk(t.app, c);
    expect(take.takesLeft).toBe(1);
    expect(await takesOf(c.invitationId)).toHaveLength(1);
  });

  it("refuses a question of another interview, another invitation's take, and requests without the header", async () => {
    const c = await invite();
    const other = await invite();
    const unknown = await openTake(t.app, c, { questionId: 'not-a-question' });
    expect(unknown.statusCode).toBe(404);
    const take = await openTakeOk(t.app, other);
    const foreign = await sendAsCandidate(t.app, c.browser, {
      method: 'GET',
      url: `/api/v1/candidate/takes/${take.takeId}`,
    });
    expect(foreign.statusCode).toBe(404);
    const noHeader = await sendAsCandidate(t.app, c.browser, {
      method: 'POST',
      url: '/api/v1/candidate/takes',
      payload: { questionId: c.questionId },
      withoutCsrfHeader: true,
    });
    expect(noHeader.statusCode).toBe(403);
    expect(await takesOf(c.invitationId)).toHaveLength(0);
  });
});

describe('opening takes after the deadline', () => {
  it('refuses with invitation_expired and records no take', async () => {
    const clock = createTestClock();
    const t = await createTestApp({}, { clock });
    try {
      const { invite } = await setUpCandidate(t);
      const c = await invite();
      const deadline = await t.runtime.db
        .selectFrom('invitations')
        .select('deadline_at')
        .where('id', '=', c.invitationId)
        .executeTakeFirstOrThrow();
      clock.advance(Date.parse(deadline.deadline_at) - clock.now().getTime() + hours(1));
      const res = await openTake(t.app, c);
      expect(res.statusCode, res.body).toBe(410);
      expect(res.json()).toMatchObject({ code: 'invitation_expired' });
      const rows = await t.runtime.db.selectFrom('takes').selectAll().execute();
      expect(rows).toHaveLength(0);
    } finally {
      await t.close();
    }
  });
});
