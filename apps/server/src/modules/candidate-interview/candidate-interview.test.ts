import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTickingClock } from '../../../test/factories/invitation-api.ts';
import { eventTypesOf, sendAsCandidate } from '../../../test/factories/invitations.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { openTake, openTakeOk } from '../takes/takes.test-support.ts';
import {
  getInterview,
  onQuestion,
  refusal,
  reveal,
  revealOk,
  setUpInterview,
  type InterviewCandidate,
  type InviteOptions,
} from './candidate-interview.test-support.ts';

describe("the candidate's interview: prompts, reveals and consent", () => {
  let t: TestContext;
  let invite: (options?: InviteOptions) => Promise<InterviewCandidate>;
  beforeAll(async () => {
    // Each read of this clock is a millisecond later, so a second reveal would get another time if it recorded one.
    t = await createTestApp({}, { clock: createTickingClock() });
    ({ invite } = await setUpInterview(t, {
      questions: [
        { promptText: 'Tell us about a deal you lost.', takes: 2 },
        { promptText: 'Why this role?', answerType: 'text', textMaxChars: 500, answerSeconds: null },
      ],
    }));
  });
  afterAll(() => t.close());

  const revealRows = (invitationId: string) =>
    t.runtime.db
      .selectFrom('question_reveals')
      .selectAll()
      .where('invitation_id', '=', invitationId)
      .execute();

  it('hides every prompt until it is revealed, and keeps the first reveal time on a second reveal', async () => {
    const c = await invite();
    const before = await getInterview(t.app, c);
    expect(before).toMatchObject({ status: 'opened', expired: false, submittedAt: null });
    expect(before.consentedAt).not.toBeNull();
    expect(before.questions.map((q) => [q.position, q.prompt, q.revealedAt])).toEqual([
      [1, null, null],
      [2, null, null],
    ]);
    expect(before.practice?.prompt).toBeTruthy();

    const [first, second] = c.questionIds;
    const revealed = await revealOk(t.app, c, first ?? '');
    expect(revealed.prompt).toBe('Tell us about a deal you lost.');
    const again = await revealOk(t.app, c, first ?? '');
    expect(again).toEqual(revealed);
    expect(await revealRows(c.invitationId)).toHaveLength(1);

    const after = await getInterview(t.app, c);
    expect(after.status).toBe('started');
    expect(after.questions[0]).toMatchObject({
      id: first,
      prompt: 'Tell us about a deal you lost.',
      revealedAt: revealed.revealedAt,
    });
    expect(after.questions[1]).toMatchObject({ id: second, prompt: null, revealedAt: null });
    expect(await eventTypesOf(t.runtime, c.invitationId)).toContain('started');
  });

  it('refuses to reveal a question or open a take before consent, and records neither', async () => {
    const c = await invite({ consent: false });
    expect((await getInterview(t.app, c)).consentedAt).toBeNull();
    expect(refusal(await reveal(t.app, c, c.questionIds[0] ?? ''))).toEqual({
      status: 409,
      code: 'consent_required',
    });
    expect(refusal(await openTake(t.app, onQuestion(c)))).toEqual({ status: 409, code: 'consent_required' });
    // Practice never reaches the server, consent or not.
    expect(refusal(await openTake(t.app, { ...onQuestion(c), questionId: 'practice' }))).toEqual({
      status: 400,
      code: 'validation_failed',
    });
    expect(await revealRows(c.invitationId)).toHaveLength(0);
    const takes = await t.runtime.db
      .selectFrom('takes')
      .select('id')
      .where('invitation_id', '=', c.invitationId)
      .execute();
    expect(takes).toHaveLength(0);
    expect((await getInterview(t.app, c)).status).toBe('opened');
  });

  it('does not reveal the practice question or a question of another interview, nor without the header', async () => {
    const c = await invite();
    expect(refusal(await reveal(t.app, c, 'practice'))).toEqual({ status: 404, code: 'not_found' });
    const { questionIds: otherIds } = await setUpInterview(t);
    expect(refusal(await reveal(t.app, c, otherIds[0] ?? ''))).toEqual({ status: 404, code: 'not_found' });
    const noHeader = await sendAsCandidate(t.app, c.browser, {
      method: 'POST',
      url: `/api/v1/candidate/questions/${c.questionIds[0] ?? ''}/reveal`,
      withoutCsrfHeader: true,
    });
    expect(noHeader.statusCode).toBe(403);
    const noCookie = await sendAsCandidate(t.app, null, {
      method: 'GET',
      url: '/api/v1/candidate/interview',
    });
    expect(noCookie.statusCode).toBe(401);
    expect(await revealRows(c.invitationId)).toHaveLength(0);
  });

  it('counts takes used and left and shows the take that never finished', async () => {
    const c = await invite();
    const opened = await openTakeOk(t.app, onQuestion(c));
    const [video, text] = (await getInterview(t.app, c)).questions;
    expect(video).toMatchObject({ takes: 2, takesUsed: 1, takesLeft: 1, savedTakes: [], answer: null });
    expect(video?.unfinishedTake).toMatchObject({ takeId: opened.takeId, status: 'open' });
    expect(text).toMatchObject({ takesUsed: 0, unfinishedTake: null });
    // Practice takes are refused, and never counted against a question.
    expect((await openTake(t.app, { ...onQuestion(c), questionId: 'practice' })).statusCode).toBe(400);
    expect((await getInterview(t.app, c)).questions[0]?.takesUsed).toBe(1);
  });
});

describe("the candidate's interview with accommodations", () => {
  let t: TestContext;
  let invite: (options?: InviteOptions) => Promise<InterviewCandidate>;
  beforeAll(async () => {
    t = await createTestApp();
    ({ invite } = await setUpInterview(t, {
      questions: [{ think: { mode: 'timed', seconds: 45 }, answerSeconds: 120, takes: 2 }],
    }));
  });
  afterAll(() => t.close());

  it('doubles think and answer times (practice included) and adds the extra takes', async () => {
    const c = await invite({ accommodations: { timeMultiplier: 2, extraTakes: 1 } });
    const view = await getInterview(t.app, c);
    expect(view.questions[0]).toMatchObject({
      answerType: 'video',
      think: 90,
      answerSeconds: 240,
      takes: 3,
      takesLeft: 3,
    });
    // The default practice question: 30 s to think, 90 s to answer.
    expect(view.practice).toMatchObject({
      answerType: 'video',
      think: 60,
      answerSeconds: 180,
      textMaxChars: null,
    });
  });

  it('turns every question, practice included, into a written answer with the accommodated limit', async () => {
    const c = await invite({ accommodations: { answerFormat: 'text' } });
    const view = await getInterview(t.app, c);
    expect(view.questions[0]).toMatchObject({ answerType: 'text', answerSeconds: null, textMaxChars: 5000 });
    expect(view.practice).toMatchObject({ answerType: 'text', answerSeconds: null, textMaxChars: 5000 });
  });

  it('shows no practice question when the interview has none', async () => {
    const { invite: inviteNoPractice } = await setUpInterview(t, {
      interview: { practiceQuestion: { enabled: false } },
    });
    expect((await getInterview(t.app, await inviteNoPractice())).practice).toBeNull();
  });
});
