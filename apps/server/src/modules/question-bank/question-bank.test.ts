import type { BankQuestion, Interview, Question } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import {
  createInterview,
  createInterviewWithQuestions,
  expectFieldRefused,
  validQuestion,
} from '../../../test/factories/interviews.ts';
import { send, signUp, type TestSession } from '../../../test/factories/session.ts';

describe('question bank', () => {
  let t: TestContext;
  let owner: TestSession;
  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.app);
  });
  afterAll(() => t.close());

  const save = (payload: object) =>
    send(t.app, owner, { method: 'POST', url: '/api/v1/question-bank', payload });
  const listBank = async () =>
    (await send(t.app, owner, { method: 'GET', url: '/api/v1/question-bank' })).json<{
      bankQuestions: BankQuestion[];
    }>().bankQuestions;
  const countBank = async () =>
    (await t.runtime.db.selectFrom('question_bank').select('id').execute()).length;

  it('saves a new question and a copy of an interview question, and lists them', async () => {
    const fresh = await save({ question: validQuestion({ promptText: 'Tell us about a lost deal.' }) });
    expect(fresh.statusCode, fresh.body).toBe(201);
    expect(fresh.json<BankQuestion>()).toMatchObject({
      promptText: 'Tell us about a lost deal.',
      answerSeconds: 120,
    });

    const interview = await createInterviewWithQuestions(t.app, owner, 1);
    const source = interview.questions[0] as Question;
    const copied = await save({ questionId: source.id });
    expect(copied.statusCode, copied.body).toBe(201);
    const { id: _id, position: _position, promptVideo: _promptVideo, ...settings } = source;
    expect(copied.json<BankQuestion>()).toMatchObject(settings);

    expect((await listBank()).map((b) => b.id)).toEqual([
      copied.json<BankQuestion>().id,
      fresh.json<BankQuestion>().id,
    ]);
  });

  it.each([
    ['neither a question id nor a question', {}, 'questionId'],
    ['both a question id and a question', { questionId: 'x', question: validQuestion() }, 'questionId'],
    [
      'a question without a prompt',
      { question: validQuestion({ promptText: undefined }) },
      'question.promptText',
    ],
    [
      'a video question without an answer time',
      { question: validQuestion({ answerSeconds: undefined }) },
      'question.answerSeconds',
    ],
  ])('refuses %s and saves nothing', async (_what, payload, field) => {
    const before = await countBank();
    expectFieldRefused(await save(payload), field);
    expect(await countBank()).toBe(before);
  });

  it('refuses an unknown question id', async () => {
    const res = await save({ questionId: 'no-such-question' });
    expect(res.statusCode).toBe(404);
  });

  it('copies bank questions to the end of an interview in the order chosen', async () => {
    const first = (await save({ question: validQuestion({ promptText: 'Bank A' }) })).json<BankQuestion>();
    const second = (
      await save({
        question: validQuestion({
          promptText: 'Bank B',
          answerType: 'text',
          answerSeconds: null,
          textMaxChars: 300,
        }),
      })
    ).json<BankQuestion>();
    const interview = await createInterviewWithQuestions(t.app, owner, 1);
    const res = await send(t.app, owner, {
      method: 'POST',
      url: `/api/v1/interviews/${interview.id}/questions/from-bank`,
      payload: { bankQuestionIds: [second.id, first.id] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const added = res.json<{ questions: Question[] }>().questions;
    expect(added.map((q) => [q.promptText, q.position])).toEqual([
      ['Bank B', 1],
      ['Bank A', 2],
    ]);
    expect(added[0]).toMatchObject({ answerType: 'text', textMaxChars: 300 });
    expect(added.map((q) => q.id)).not.toContain(first.id);

    const after = (
      await send(t.app, owner, { method: 'GET', url: `/api/v1/interviews/${interview.id}` })
    ).json<Interview>();
    expect(after.questions.map((q) => q.promptText)).toEqual(['Question 1', 'Bank B', 'Bank A']);
  });

  it('refuses unknown or repeated bank ids and adds nothing', async () => {
    const item = (await save({ question: validQuestion() })).json<BankQuestion>();
    const interview = await createInterview(t.app, owner);
    const url = `/api/v1/interviews/${interview.id}/questions/from-bank`;
    const unknown = await send(t.app, owner, {
      method: 'POST',
      url,
      payload: { bankQuestionIds: [item.id, 'gone'] },
    });
    expect(unknown.statusCode).toBe(404);
    expectFieldRefused(
      await send(t.app, owner, { method: 'POST', url, payload: { bankQuestionIds: [item.id, item.id] } }),
      'bankQuestionIds',
    );
    expectFieldRefused(
      await send(t.app, owner, { method: 'POST', url, payload: { bankQuestionIds: [] } }),
      'bankQuestionIds',
    );
    const stored = await t.runtime.db
      .selectFrom('questions')
      .select('id')
      .where('interview_id', '=', interview.id)
      .execute();
    expect(stored).toHaveLength(0);
  });

  it('deletes a bank question without touching interviews it was copied to', async () => {
    const item = (
      await save({ question: validQuestion({ promptText: 'Short-lived' }) })
    ).json<BankQuestion>();
    const interview = await createInterview(t.app, owner);
    await send(t.app, owner, {
      method: 'POST',
      url: `/api/v1/interviews/${interview.id}/questions/from-bank`,
      payload: { bankQuestionIds: [item.id] },
    });
    const res = await send(t.app, owner, { method: 'DELETE', url: `/api/v1/question-bank/${item.id}` });
    expect(res.statusCode, res.body).toBe(204);
    expect((await listBank()).map((b) => b.id)).not.toContain(item.id);
    const again = await send(t.app, owner, { method: 'DELETE', url: `/api/v1/question-bank/${item.id}` });
    expect(again.statusCode).toBe(404);
    const after = (
      await send(t.app, owner, { method: 'GET', url: `/api/v1/interviews/${interview.id}` })
    ).json<Interview>();
    expect(after.questions.map((q) => q.promptText)).toEqual(['Short-lived']);
  });
});
