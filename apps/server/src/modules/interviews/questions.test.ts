import type { Interview, Question } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import {
  addQuestion,
  createInterview,
  createInterviewWithQuestions,
  expectFieldRefused,
  validQuestion,
} from '../../../test/factories/interviews.ts';
import { send, signUp, type TestSession } from '../../../test/factories/session.ts';

const levels = { '1': 'Vague', '2': 'Some detail', '3': 'Clear', '4': 'Specific', '5': 'Measured outcome' };

describe('questions of an interview', () => {
  let t: TestContext;
  let owner: TestSession;
  let interview: Interview;
  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.app);
    interview = await createInterview(t.app, owner);
  });
  afterAll(() => t.close());

  const questionsUrl = (id = interview.id) => `/api/v1/interviews/${id}/questions`;
  const storedQuestions = (interviewId = interview.id) =>
    t.runtime.db
      .selectFrom('questions')
      .selectAll()
      .where('interview_id', '=', interviewId)
      .orderBy('position')
      .execute();
  const getInterview = async (id: string) =>
    (await send(t.app, owner, { method: 'GET', url: `/api/v1/interviews/${id}` })).json<Interview>();

  it('adds a question from its prompt and answer time, with defaults for the rest', async () => {
    const res = await send(t.app, owner, {
      method: 'POST',
      url: questionsUrl(),
      payload: { promptText: 'Why this role?', answerSeconds: 90 },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<Question>()).toMatchObject({
      promptText: 'Why this role?',
      answerType: 'video',
      think: { mode: 'timed', seconds: 30 },
      answerSeconds: 90,
      textMaxChars: null,
      takes: 2,
      startMode: 'ready',
      rubric: null,
    });
  });

  it('keeps every kind of rule: audio, text, no or unlimited think time, auto start and a rubric', async () => {
    const fresh = await createInterview(t.app, owner);
    const audio = await addQuestion(t.app, owner, fresh.id, {
      answerType: 'audio',
      think: { mode: 'none' },
      startMode: 'auto',
      takes: 1,
      rubric: { criteria: [{ name: 'Clarity', levels }] },
    });
    const text = await addQuestion(t.app, owner, fresh.id, {
      answerType: 'text',
      answerSeconds: null,
      textMaxChars: 1500,
      think: { mode: 'unlimited' },
      takes: 10,
    });
    expect(audio).toMatchObject({
      position: 0,
      answerType: 'audio',
      think: { mode: 'none' },
      startMode: 'auto',
    });
    expect(audio.rubric?.criteria[0]?.levels['5']).toBe('Measured outcome');
    expect(text).toMatchObject({ position: 1, answerType: 'text', answerSeconds: null, textMaxChars: 1500 });
    expect((await getInterview(fresh.id)).questions).toEqual([audio, text]);
  });

  const tooManyCriteria = { criteria: Array.from({ length: 11 }, (_, i) => ({ name: `C${i}`, levels })) };
  const badQuestions: [string, object, string][] = [
    ['a question without a prompt', { promptText: undefined }, 'promptText'],
    ['a blank prompt', { promptText: '   ' }, 'promptText'],
    ['a prompt over 2000 characters', { promptText: 'x'.repeat(2001) }, 'promptText'],
    ['an unknown answer type', { answerType: 'hologram' }, 'answerType'],
    ['think time under 5 seconds', { think: { mode: 'timed', seconds: 4 } }, 'think.seconds'],
    ['think time over 600 seconds', { think: { mode: 'timed', seconds: 601 } }, 'think.seconds'],
    ['timed think time without seconds', { think: { mode: 'timed' } }, 'think.seconds'],
    ['an unknown think mode', { think: { mode: 'forever' } }, 'think.mode'],
    ['an answer time under 15 seconds', { answerSeconds: 14 }, 'answerSeconds'],
    ['an answer time over 1800 seconds', { answerSeconds: 1801 }, 'answerSeconds'],
    ['a video question without an answer time', { answerSeconds: undefined }, 'answerSeconds'],
    [
      'an audio question without an answer time',
      { answerType: 'audio', answerSeconds: null },
      'answerSeconds',
    ],
    ['a text question without a length limit', { answerType: 'text', answerSeconds: null }, 'textMaxChars'],
    ['a text question with an answer time', { answerType: 'text', textMaxChars: 500 }, 'answerSeconds'],
    ['a video question with a length limit', { textMaxChars: 500 }, 'textMaxChars'],
    ['a text limit under 100', { answerType: 'text', answerSeconds: null, textMaxChars: 99 }, 'textMaxChars'],
    [
      'a text limit over 10000',
      { answerType: 'text', answerSeconds: null, textMaxChars: 10_001 },
      'textMaxChars',
    ],
    ['zero takes', { takes: 0 }, 'takes'],
    ['11 takes', { takes: 11 }, 'takes'],
    ['an unknown start mode', { startMode: 'later' }, 'startMode'],
    ['a rubric with 11 criteria', { rubric: tooManyCriteria }, 'rubric.criteria'],
    [
      'a rubric level that is not 1-5',
      { rubric: { criteria: [{ name: 'C', levels: { ...levels, '6': 'x' } }] } },
      'rubric.criteria.0.levels',
    ],
    [
      'a rubric criterion without a name',
      { rubric: { criteria: [{ name: '', levels }] } },
      'rubric.criteria.0.name',
    ],
  ];

  it.each(badQuestions)('refuses %s, naming the field, and saves nothing', async (_what, change, field) => {
    const before = await storedQuestions();
    const res = await send(t.app, owner, {
      method: 'POST',
      url: questionsUrl(),
      payload: { ...validQuestion(), ...change },
    });
    expectFieldRefused(res, field);
    expect(await storedQuestions()).toEqual(before);
  });

  it('reports every bad field of a question at once', async () => {
    const res = await send(t.app, owner, {
      method: 'POST',
      url: questionsUrl(),
      payload: { promptText: '', takes: 0, answerType: 'video' },
    });
    for (const field of ['promptText', 'takes', 'answerSeconds']) expectFieldRefused(res, field);
  });

  it('changes a question, dropping the old type’s limit when the answer type changes', async () => {
    const question = await addQuestion(t.app, owner, interview.id);
    const url = `${questionsUrl()}/${question.id}`;
    const toText = await send(t.app, owner, {
      method: 'PATCH',
      url,
      payload: { answerType: 'text', textMaxChars: 800 },
    });
    expect(toText.statusCode, toText.body).toBe(200);
    expect(toText.json<Question>()).toMatchObject({
      answerType: 'text',
      answerSeconds: null,
      textMaxChars: 800,
    });

    expectFieldRefused(
      await send(t.app, owner, { method: 'PATCH', url, payload: { answerType: 'audio' } }),
      'answerSeconds',
    );
    expectFieldRefused(await send(t.app, owner, { method: 'PATCH', url, payload: { takes: 0 } }), 'takes');
    expectFieldRefused(
      await send(t.app, owner, { method: 'PATCH', url, payload: { promptText: '' } }),
      'promptText',
    );

    const toAudio = await send(t.app, owner, {
      method: 'PATCH',
      url,
      payload: { answerType: 'audio', answerSeconds: 60 },
    });
    expect(toAudio.json<Question>()).toMatchObject({
      answerType: 'audio',
      answerSeconds: 60,
      textMaxChars: null,
    });
    expect((await getInterview(interview.id)).questions.find((q) => q.id === question.id)).toEqual(
      toAudio.json(),
    );
  });

  it('reorders questions when given exactly the current ids', async () => {
    const five = await createInterviewWithQuestions(t.app, owner, 3);
    const [a, b, c] = five.questions.map((q) => q.id) as [string, string, string];
    const url = `${questionsUrl(five.id)}/order`;
    const res = await send(t.app, owner, { method: 'PUT', url, payload: { questionIds: [c, a, b] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ questions: Question[] }>().questions.map((q) => [q.id, q.position])).toEqual([
      [c, 0],
      [a, 1],
      [b, 2],
    ]);
    expect((await getInterview(five.id)).questions.map((q) => q.promptText)).toEqual([
      'Question 3',
      'Question 1',
      'Question 2',
    ]);
  });

  it.each([
    ['one missing', (ids: string[]) => ids.slice(1)],
    ['one twice', (ids: string[]) => [...ids.slice(1), ids[1] ?? '']],
    ['an unknown id', (ids: string[]) => [...ids.slice(1), 'not-a-question']],
    ['an extra id', (ids: string[]) => [...ids, 'not-a-question']],
  ])('refuses an order with %s and keeps the order', async (_what, mangle) => {
    const three = await createInterviewWithQuestions(t.app, owner, 3);
    const ids = three.questions.map((q) => q.id);
    const res = await send(t.app, owner, {
      method: 'PUT',
      url: `${questionsUrl(three.id)}/order`,
      payload: { questionIds: mangle(ids) },
    });
    expectFieldRefused(res, 'questionIds');
    expect((await getInterview(three.id)).questions.map((q) => q.id)).toEqual(ids);
  });

  it('deletes a question and closes the gap in the order', async () => {
    const three = await createInterviewWithQuestions(t.app, owner, 3);
    const middle = three.questions[1]?.id ?? '';
    const res = await send(t.app, owner, { method: 'DELETE', url: `${questionsUrl(three.id)}/${middle}` });
    expect(res.statusCode, res.body).toBe(204);
    const after = (await getInterview(three.id)).questions;
    expect(after.map((q) => [q.promptText, q.position])).toEqual([
      ['Question 1', 0],
      ['Question 3', 1],
    ]);
    const again = await send(t.app, owner, { method: 'DELETE', url: `${questionsUrl(three.id)}/${middle}` });
    expect(again.statusCode).toBe(404);
  });

  it('refuses a question of another interview through this interview', async () => {
    const other = await createInterviewWithQuestions(t.app, owner, 1);
    const foreign = other.questions[0]?.id ?? '';
    const res = await send(t.app, owner, {
      method: 'PATCH',
      url: `${questionsUrl()}/${foreign}`,
      payload: { takes: 3 },
    });
    expect(res.statusCode).toBe(404);
    expect((await getInterview(other.id)).questions[0]?.takes).toBe(2);
  });

  it('gives questions added at the same time distinct places in the order', async () => {
    const busy = await createInterview(t.app, owner);
    await Promise.all(
      [1, 2, 3, 4, 5].map((n) => addQuestion(t.app, owner, busy.id, { promptText: `Q${n}` })),
    );
    expect((await storedQuestions(busy.id)).map((q) => q.position)).toEqual([0, 1, 2, 3, 4]);
  });

  it('refuses a 51st question', async () => {
    const full = await createInterview(t.app, owner);
    await t.runtime.services.interviews.addQuestions({
      organisationId: owner.info.organisation.id,
      interviewId: full.id,
      questions: Array.from({ length: 50 }, (_, i) => ({
        promptText: `Q${i}`,
        answerType: 'video' as const,
        think: { mode: 'none' as const },
        answerSeconds: 60,
        textMaxChars: null,
        takes: 1,
        startMode: 'ready' as const,
        rubric: null,
      })),
    });
    const res = await send(t.app, owner, {
      method: 'POST',
      url: questionsUrl(full.id),
      payload: validQuestion(),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ code: string }>().code).toBe('question_limit_reached');
    expect(await storedQuestions(full.id)).toHaveLength(50);
  });

  it('refuses question changes on an archived interview', async () => {
    const archived = await createInterviewWithQuestions(t.app, owner, 1);
    await send(t.app, owner, { method: 'POST', url: `/api/v1/interviews/${archived.id}/archive` });
    const add = await send(t.app, owner, {
      method: 'POST',
      url: questionsUrl(archived.id),
      payload: validQuestion(),
    });
    expect(add.statusCode).toBe(409);
    expect(add.json<{ code: string }>().code).toBe('interview_archived');
    expect(await storedQuestions(archived.id)).toHaveLength(1);
  });
});
