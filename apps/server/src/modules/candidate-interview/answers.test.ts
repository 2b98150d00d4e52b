import { createHash } from 'node:crypto';
import type { CandidateInterview } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFieldRefused } from '../../../test/factories/interviews.ts';
import { eventTypesOf } from '../../../test/factories/invitations.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { makeWebm, openTakeOk, uploadWithTus } from '../takes/takes.test-support.ts';
import {
  getInterview,
  onQuestion,
  refusal,
  saveAnswer,
  saveAnswerOk,
  setUpInterview,
  type InterviewCandidate,
  type InviteOptions,
} from './candidate-interview.test-support.ts';

const answerOf = (view: CandidateInterview, index: number) => view.questions[index]?.answer ?? null;

describe('answers: saved takes (real tus uploads) and written answers', () => {
  let t: TestContext;
  let origin: string;
  let webm: Buffer;
  let invite: (options?: InviteOptions) => Promise<InterviewCandidate>;
  beforeAll(async () => {
    webm = makeWebm();
    t = await createTestApp();
    origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    ({ invite } = await setUpInterview(t, {
      questions: [{ takes: 3 }, { takes: 2 }, { answerType: 'text', textMaxChars: 120, answerSeconds: null }],
    }));
  });
  afterAll(() => t.close());

  /** Opens a take of question `index` and uploads the recording through tus, as the recording engine does. */
  const recordTake = async (c: InterviewCandidate, index: number, questionId?: string) => {
    const candidate = { ...onQuestion(c, index), ...(questionId ? { questionId } : {}) };
    const take = await openTakeOk(t.app, candidate);
    await uploadWithTus(origin, candidate, { takeId: take.takeId, data: webm });
    return take.takeId;
  };
  const answerRows = (invitationId: string) =>
    t.runtime.db
      .selectFrom('answers')
      .selectAll()
      .where('invitation_id', '=', invitationId)
      .orderBy('question_id')
      .execute();

  it('makes each take the answer as soon as its upload finishes, the newest winning', async () => {
    const c = await invite();
    const first = await recordTake(c, 0);
    const view = await getInterview(t.app, c);
    expect(answerOf(view, 0)).toMatchObject({ kind: 'take', takeId: first });
    expect(view.questions[0]?.savedTakes).toEqual([
      expect.objectContaining({
        takeId: first,
        takeNumber: 1,
        bytes: webm.length,
        sha256: createHash('sha256').update(webm).digest('hex'),
      }),
    ]);
    const second = await recordTake(c, 0);
    const after = await getInterview(t.app, c);
    expect(answerOf(after, 0)).toMatchObject({ kind: 'take', takeId: second });
    expect(after.questions[0]).toMatchObject({ takesUsed: 2, takesLeft: 1, unfinishedTake: null });
    expect(after.questions[0]?.savedTakes.map((s) => s.takeId)).toEqual([first, second]);
    expect(answerOf(after, 1)).toBeNull();
  });

  it('never makes a practice take an answer: practice is refused before any byte moves', async () => {
    const c = await invite();
    await expect(recordTake(c, 0, 'practice')).rejects.toThrow();
    expect(await answerRows(c.invitationId)).toEqual([]);
  });

  it('lets the candidate choose an earlier saved take, but not one still open or of another question', async () => {
    const c = await invite();
    const first = await recordTake(c, 0);
    const second = await recordTake(c, 0);
    const chosen = await saveAnswerOk(t.app, c, c.questionIds[0] ?? '', { takeId: first });
    expect(chosen).toMatchObject({ kind: 'take', takeId: first });
    expect(answerOf(await getInterview(t.app, c), 0)).toEqual(chosen);

    const open = await openTakeOk(t.app, onQuestion(c, 0));
    expect(refusal(await saveAnswer(t.app, c, c.questionIds[0] ?? '', { takeId: open.takeId }))).toEqual({
      status: 409,
      code: 'take_not_saved',
    });
    expect(refusal(await saveAnswer(t.app, c, c.questionIds[1] ?? '', { takeId: second }))).toEqual({
      status: 409,
      code: 'take_not_saved',
    });
    expectFieldRefused(await saveAnswer(t.app, c, c.questionIds[2] ?? '', { takeId: second }), 'takeId');
    const view = await getInterview(t.app, c);
    expect(answerOf(view, 0)).toEqual(chosen);
    expect(answerOf(view, 1)).toBeNull();
    expect(view.questions[0]?.unfinishedTake).toMatchObject({ takeId: open.takeId, status: 'open' });
  });

  it("refuses another invitation's take as not found and changes nothing", async () => {
    const c = await invite();
    const other = await invite();
    const mine = await recordTake(c, 0);
    const theirs = await recordTake(other, 0);
    const before = [await answerRows(c.invitationId), await answerRows(other.invitationId)];
    const res = await saveAnswer(t.app, c, c.questionIds[0] ?? '', { takeId: theirs });
    expect(refusal(res)).toEqual({ status: 404, code: 'not_found' });
    expect([await answerRows(c.invitationId), await answerRows(other.invitationId)]).toEqual(before);
    expect(answerOf(await getInterview(t.app, c), 0)).toMatchObject({ takeId: mine });
  });

  it('saves a written answer up to the limit, replaces it, and puts it on the timeline', async () => {
    const c = await invite();
    const questionId = c.questionIds[2] ?? '';
    // 120 characters as people count them: the emoji is one character (two UTF-16 units).
    const longest = `${'a'.repeat(119)}😀`;
    expect(await saveAnswerOk(t.app, c, questionId, { text: longest })).toMatchObject({
      kind: 'text',
      text: longest,
    });
    const tooLong = await saveAnswer(t.app, c, questionId, { text: 'b'.repeat(121) });
    expectFieldRefused(tooLong, 'text');
    expect(tooLong.json<{ details: { fields: { message: string }[] } }>().details.fields[0]?.message).toMatch(
      /at most 120 characters/,
    );
    expect(answerOf(await getInterview(t.app, c), 2)).toMatchObject({ text: longest });
    await saveAnswerOk(t.app, c, questionId, { text: '  Because I like it.  ' });
    expect(answerOf(await getInterview(t.app, c), 2)).toMatchObject({
      kind: 'text',
      text: 'Because I like it.',
    });
    expect(await answerRows(c.invitationId)).toHaveLength(1);
    const events = await eventTypesOf(t.runtime, c.invitationId);
    expect(events.filter((e) => e === 'answer_saved')).toHaveLength(2);
  });

  it('refuses a written answer to a recorded question, an empty one, and one to an unknown question', async () => {
    const c = await invite();
    expectFieldRefused(await saveAnswer(t.app, c, c.questionIds[0] ?? '', { text: 'Hello' }), 'text');
    expect((await saveAnswer(t.app, c, c.questionIds[2] ?? '', { text: '   ' })).statusCode).toBe(400);
    expect(refusal(await saveAnswer(t.app, c, 'practice', { text: 'Hello' }))).toEqual({
      status: 404,
      code: 'not_found',
    });
    expect(await answerRows(c.invitationId)).toEqual([]);
  });

  it('takes a written answer to a video question when the candidate answers in writing', async () => {
    const c = await invite({ accommodations: { answerFormat: 'text' } });
    const long = 'c'.repeat(4000);
    expect(await saveAnswerOk(t.app, c, c.questionIds[0] ?? '', { text: long })).toMatchObject({
      text: long,
    });
    expectFieldRefused(
      await saveAnswer(t.app, c, c.questionIds[0] ?? '', { text: 'd'.repeat(5001) }),
      'text',
    );
  });
});
