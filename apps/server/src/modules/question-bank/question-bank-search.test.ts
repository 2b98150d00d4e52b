import type { BankQuestion, ErrorBody, StarterQuestion } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import {
  createInterview,
  createInterviewWithQuestions,
  expectFieldRefused,
  validQuestion,
} from '../../../test/factories/interviews.ts';
import { send, signUp, type TestSession } from '../../../test/factories/session.ts';

const rubric = {
  criteria: [{ name: 'Clarity', levels: { '1': 'Vague', '2': '', '3': 'Clear', '4': '', '5': 'Vivid' } }],
};

describe('question bank: editing, search, tags, duplicates and the starter library', () => {
  let t: TestContext;
  let owner: TestSession;
  let other: TestSession;
  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.app);
    other = await signUp(t.app, { organisationName: 'Other Org' });
  });
  afterAll(() => t.close());

  const save = (payload: object, as: TestSession = owner) =>
    send(t.app, as, { method: 'POST', url: '/api/v1/question-bank', payload });
  const saveOk = async (payload: object, as: TestSession = owner) => {
    const res = await save(payload, as);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<BankQuestion>();
  };
  const edit = (id: string, payload: object, as: TestSession = owner) =>
    send(t.app, as, { method: 'PATCH', url: `/api/v1/question-bank/${id}`, payload });
  const list = async (query = '', as: TestSession = owner) => {
    const res = await send(t.app, as, { method: 'GET', url: `/api/v1/question-bank${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ bankQuestions: BankQuestion[]; tags: string[] }>();
  };
  const starter = async (query = '') => {
    const res = await send(t.app, owner, { method: 'GET', url: `/api/v1/question-bank/starter${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ starterQuestions: StarterQuestion[] }>().starterQuestions;
  };
  const stored = (id: string) =>
    t.runtime.db.selectFrom('question_bank').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const countBank = async () =>
    (await t.runtime.db.selectFrom('question_bank').select('id').execute()).length;
  const expectExists = (res: { statusCode: number; body: string; json: <T>() => T }, existingId: string) => {
    expect(res.statusCode, res.body).toBe(409);
    const body = res.json<ErrorBody>();
    expect(body).toMatchObject({ code: 'bank_question_exists', details: { bankQuestionId: existingId } });
    expect(body.message).toMatch(/already in the question bank/);
    expect(body.requestId).toEqual(expect.any(String));
  };

  it('edits the prompt, answer type, rules, rubric and tags of an item', async () => {
    const item = await saveOk({ question: validQuestion({ promptText: 'Describe your last project.' }) });
    const res = await edit(item.id, {
      promptText: 'Describe the project you are proudest of.',
      answerType: 'text',
      textMaxChars: 800,
      think: { mode: 'unlimited' },
      takes: 1,
      rubric,
      tags: ['Engineering', ' culture ', 'engineering'],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<BankQuestion>()).toMatchObject({
      id: item.id,
      promptText: 'Describe the project you are proudest of.',
      answerType: 'text',
      answerSeconds: null,
      textMaxChars: 800,
      think: { mode: 'unlimited' },
      takes: 1,
      rubric,
      tags: ['culture', 'engineering'],
      updatedAt: expect.any(String) as string,
    });
    const listed = (await list()).bankQuestions.find((b) => b.id === item.id);
    expect(listed).toMatchObject({
      promptText: 'Describe the project you are proudest of.',
      textMaxChars: 800,
    });
    expect(listed?.tags).toEqual(['culture', 'engineering']);
  });

  it.each([
    ['a text answer without a character limit', { answerType: 'text' }, 'textMaxChars'],
    ['an empty prompt', { promptText: '   ' }, 'promptText'],
    ['a rubric without criteria', { rubric: { criteria: [] } }, 'rubric.criteria'],
    ['a tag with punctuation', { tags: ['sales!'] }, 'tags.0'],
    ['an unknown field', { colour: 'red' }, ''],
  ])('refuses %s and changes nothing', async (_what, changes, field) => {
    const item = await saveOk({
      question: validQuestion({ promptText: `Unchanged ${field || 'x'} ${_what}` }),
    });
    const before = await stored(item.id);
    const res = await edit(item.id, { promptText: 'A new prompt that must not be kept', ...changes });
    if (field) expectFieldRefused(res, field);
    else expect(res.json<ErrorBody>()).toMatchObject({ code: 'validation_failed' });
    expect(await stored(item.id)).toEqual(before);
  });

  it("treats another organisation's item as not found and leaves it as it was", async () => {
    const theirs = await saveOk({ question: validQuestion({ promptText: 'Their own question.' }) }, other);
    const before = await stored(theirs.id);
    const res = await edit(theirs.id, { promptText: 'Taken over' });
    expect(res.statusCode).toBe(404);
    expect(res.json<ErrorBody>().code).toBe('not_found');
    expect(await stored(theirs.id)).toEqual(before);
    const removed = await send(t.app, owner, { method: 'DELETE', url: `/api/v1/question-bank/${theirs.id}` });
    expect(removed.statusCode).toBe(404);
    expect((await list()).bankQuestions.map((b) => b.id)).not.toContain(theirs.id);
    // The same prompt in two organisations is no duplicate.
    await saveOk({ question: validQuestion({ promptText: 'Their own question.' }) });
  });

  it('finds items by words of the prompt, whatever the case, spacing and accents typed', async () => {
    const deal = await saveOk({ question: validQuestion({ promptText: 'Tell us about a LOST deal.' }) });
    const spanish = await saveOk({
      question: validQuestion({ promptText: 'Cuéntenos cómo organiza una semana con mucha carga.' }),
    });
    const percent = await saveOk({
      question: validQuestion({ promptText: 'What is 100% ownership to you?' }),
    });
    const ids = async (query: string) => (await list(query)).bankQuestions.map((b) => b.id);
    expect(await ids(`?q=${encodeURIComponent('  lost    DEAL ')}`)).toEqual([deal.id]);
    expect(await ids(`?q=${encodeURIComponent('CUÉNTENOS CÓMO')}`)).toEqual([spanish.id]);
    expect(await ids(`?q=${encodeURIComponent('100%')}`)).toEqual([percent.id]);
    expect(await ids(`?q=${encodeURIComponent('%')}`)).toEqual([percent.id]);
    expect(await ids(`?q=${encodeURIComponent('_')}`)).toEqual([]);
    expect(await ids('?q=nothing-like-this')).toEqual([]);
    expect(await ids('?q=')).toEqual(await ids(''));
  });

  it('keeps the tags set on an item and filters by one', async () => {
    const sales = await saveOk({
      question: validQuestion({ promptText: 'How do you open a cold call?' }),
      tags: ['Sales', 'prospecting'],
    });
    const support = await saveOk({
      question: validQuestion({ promptText: 'How do you calm an angry customer?' }),
      tags: ['support'],
    });
    expect(sales.tags).toEqual(['prospecting', 'sales']);
    const bySales = await list('?tag=sales');
    expect(bySales.bankQuestions.map((b) => b.id)).toEqual([sales.id]);
    expect(bySales.tags).toEqual(expect.arrayContaining(['prospecting', 'sales', 'support']));
    expect((await list('?tag=SUPPORT')).bankQuestions.map((b) => b.id)).toEqual([support.id]);
    expect((await list('?tag=support&q=cold')).bankQuestions).toEqual([]);
    // Another organisation's tags are not listed.
    expect((await list('', other)).tags).not.toContain('sales');

    const retagged = await edit(support.id, { tags: [] });
    expect(retagged.json<BankQuestion>().tags).toEqual([]);
    expect((await list('?tag=support')).bankQuestions).toEqual([]);
    expectFieldRefused(
      await send(t.app, owner, { method: 'GET', url: '/api/v1/question-bank?tag=a%2Cb' }),
      'tag',
    );
  });

  it('refuses a prompt the bank holds already, however it is spaced or cased, and saves nothing', async () => {
    const first = await saveOk({ question: validQuestion({ promptText: 'Why do you want this job?' }) });
    const before = await countBank();
    expectExists(
      await save({ question: validQuestion({ promptText: '  why do YOU   want this job? ' }) }),
      first.id,
    );

    const interview = await createInterviewWithQuestions(t.app, owner, 0);
    const added = await send(t.app, owner, {
      method: 'POST',
      url: `/api/v1/interviews/${interview.id}/questions`,
      payload: validQuestion({ promptText: 'WHY do you want this job?' }),
    });
    expect(added.statusCode, added.body).toBe(201);
    expectExists(await save({ questionId: added.json<{ id: string }>().id }), first.id);
    expect(await countBank()).toBe(before);

    const second = await saveOk({ question: validQuestion({ promptText: 'Why this company?' }) });
    const secondBefore = await stored(second.id);
    expectExists(await edit(second.id, { promptText: 'Why do you want  this job?', takes: 5 }), first.id);
    expect(await stored(second.id)).toEqual(secondBefore);
    // Changing an item's own case or spacing is no conflict with itself.
    const recased = await edit(first.id, { promptText: 'Why do you want THIS job?' });
    expect(recased.statusCode, recased.body).toBe(200);
  });

  it('copies a starter question with its rubric and tags, once', async () => {
    const [question] = await starter(
      `?language=es&role=support&q=${encodeURIComponent('cobrado dos veces')}`,
    );
    expect(question).toMatchObject({
      id: 'support-01.es',
      language: 'es',
      role: 'support',
      bankQuestionId: null,
    });
    const copy = await saveOk({ starterQuestionId: 'support-01.es' });
    expect(copy).toMatchObject({
      promptText: question?.promptText,
      rubric: question?.rubric,
      answerSeconds: question?.answerSeconds,
      tags: question?.tags,
      starterQuestionId: 'support-01.es',
    });
    expect((await starter('?language=es&role=support'))[0]?.bankQuestionId).toBe(copy.id);
    // The English version is another question.
    expect((await starter('?language=en&role=support'))[0]?.bankQuestionId).toBeNull();

    const before = await countBank();
    expectExists(await save({ starterQuestionId: 'support-01.es' }), copy.id);
    // Still refused once the copy's prompt was edited: the bank remembers where it came from.
    expect((await edit(copy.id, { promptText: 'Un cliente enfadado: ¿qué le dice?' })).statusCode).toBe(200);
    expectExists(await save({ starterQuestionId: 'support-01.es' }), copy.id);
    expect(await countBank()).toBe(before);
    expect((await starter('?language=es&role=support'))[0]?.bankQuestionId).toBe(copy.id);

    expect((await save({ starterQuestionId: 'support-99.es' })).statusCode).toBe(404);
    expectFieldRefused(await save({ starterQuestionId: 'support-02.es', questionId: 'x' }), 'questionId');
    expectFieldRefused(
      await send(t.app, owner, { method: 'GET', url: '/api/v1/question-bank/starter?language=fr' }),
      'language',
    );
  });

  it('adds an edited starter copy to an interview', async () => {
    const copy = await saveOk({ starterQuestionId: 'general-01.en', tags: ['culture'] });
    expect(copy.tags).toEqual(['culture']);
    await edit(copy.id, { promptText: 'What drew you to this role at Acme?' });
    const interview = await createInterview(t.app, owner);
    const res = await send(t.app, owner, {
      method: 'POST',
      url: `/api/v1/interviews/${interview.id}/questions/from-bank`,
      payload: { bankQuestionIds: [copy.id] },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<{ questions: { promptText: string; rubric: unknown }[] }>().questions[0]).toMatchObject({
      promptText: 'What drew you to this role at Acme?',
      rubric: copy.rubric,
    });
  });
});
