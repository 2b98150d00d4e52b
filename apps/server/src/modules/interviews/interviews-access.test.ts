import type { BankQuestion, Interview, InterviewSummary } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import {
  createInterview,
  createInterviewWithQuestions,
  validQuestion,
} from '../../../test/factories/interviews.ts';
import { captureMail } from '../../../test/factories/mail.ts';
import { addMember } from '../../../test/factories/member.ts';
import { send, signUp, type TestSession } from '../../../test/factories/session.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
interface Call {
  method: Method;
  url: string;
  payload?: object;
}

describe('who may see and change interviews', () => {
  let t: TestContext;
  let ownerA: TestSession;
  let reviewerA: TestSession;
  let ownerB: TestSession;
  let interviewA: Interview;
  let bankA: BankQuestion;
  let interviewB: Interview;
  let bankB: BankQuestion;

  const saveToBank = async (session: TestSession, questionId: string) => {
    const res = await send(t.app, session, {
      method: 'POST',
      url: '/api/v1/question-bank',
      payload: { questionId },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<BankQuestion>();
  };

  beforeAll(async () => {
    t = await createTestApp();
    const mail = captureMail(t.runtime);
    ownerA = await signUp(t.app, { organisationName: 'Alpha' });
    reviewerA = await addMember(t.app, mail, ownerA, 'reviewer');
    ownerB = await signUp(t.app, { organisationName: 'Beta' });
    interviewA = await createInterviewWithQuestions(t.app, ownerA, 2);
    bankA = await saveToBank(ownerA, interviewA.questions[0]?.id ?? '');
    // Reviewers see the interviews they are assigned to review.
    await send(t.app, ownerA, {
      method: 'PUT',
      url: `/api/v1/interviews/${interviewA.id}/reviewers`,
      payload: { userIds: [reviewerA.info.user.id] },
    });
    interviewB = await createInterviewWithQuestions(t.app, ownerB, 1);
    bankB = await saveToBank(ownerB, interviewB.questions[0]?.id ?? '');
  });
  afterAll(() => t.close());

  // Everything organisation A holds here, to prove a refused request changed none of it.
  const snapshotOfA = async () => {
    const db = t.runtime.db;
    const organisationId = ownerA.info.organisation.id;
    const interviews = await db
      .selectFrom('interviews')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .orderBy('id')
      .execute();
    const ids = interviews.map((i) => i.id);
    return {
      interviews,
      questions: await db
        .selectFrom('questions')
        .selectAll()
        .where('interview_id', 'in', ids)
        .orderBy('id')
        .execute(),
      bank: await db
        .selectFrom('question_bank')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .orderBy('id')
        .execute(),
    };
  };

  const callsOnA = (): Call[] => {
    const id = interviewA.id;
    const questionId = interviewA.questions[0]?.id ?? '';
    return [
      { method: 'GET', url: `/api/v1/interviews/${id}` },
      { method: 'PATCH', url: `/api/v1/interviews/${id}`, payload: { title: 'Taken over' } },
      { method: 'POST', url: `/api/v1/interviews/${id}/duplicate` },
      { method: 'POST', url: `/api/v1/interviews/${id}/archive` },
      { method: 'POST', url: `/api/v1/interviews/${id}/unarchive` },
      { method: 'POST', url: `/api/v1/interviews/${id}/questions`, payload: validQuestion() },
      { method: 'PATCH', url: `/api/v1/interviews/${id}/questions/${questionId}`, payload: { takes: 5 } },
      { method: 'DELETE', url: `/api/v1/interviews/${id}/questions/${questionId}` },
      {
        method: 'PUT',
        url: `/api/v1/interviews/${id}/questions/order`,
        payload: { questionIds: [...interviewA.questions.map((q) => q.id)].reverse() },
      },
      {
        method: 'POST',
        url: `/api/v1/interviews/${id}/questions/from-bank`,
        payload: { bankQuestionIds: [bankB.id] },
      },
      { method: 'DELETE', url: `/api/v1/question-bank/${bankA.id}` },
      { method: 'POST', url: '/api/v1/question-bank', payload: { questionId } },
    ];
  };

  it("answers 404 to every route given another organisation's ids, and changes nothing", async () => {
    const before = await snapshotOfA();
    const calls: Call[] = [
      ...callsOnA(),
      // B's own interview with A's bank item.
      {
        method: 'POST',
        url: `/api/v1/interviews/${interviewB.id}/questions/from-bank`,
        payload: { bankQuestionIds: [bankA.id] },
      },
      // B's own interview with A's question.
      {
        method: 'PATCH',
        url: `/api/v1/interviews/${interviewB.id}/questions/${interviewA.questions[0]?.id ?? ''}`,
        payload: { takes: 5 },
      },
    ];
    for (const call of calls) {
      const res = await send(t.app, ownerB, call);
      expect(res.statusCode, `${call.method} ${call.url}: ${res.body}`).toBe(404);
      expect(res.json<{ code: string }>().code).toBe('not_found');
    }
    expect(await snapshotOfA()).toEqual(before);
    expect(
      (
        await send(t.app, ownerB, { method: 'GET', url: `/api/v1/interviews/${interviewB.id}` })
      ).json<Interview>().questions,
    ).toHaveLength(1);
  });

  it("lists only the caller's own interviews and bank", async () => {
    const interviews = await send(t.app, ownerB, { method: 'GET', url: '/api/v1/interviews' });
    expect(interviews.json<{ interviews: InterviewSummary[] }>().interviews.map((i) => i.id)).toEqual([
      interviewB.id,
    ]);
    const bank = await send(t.app, ownerB, { method: 'GET', url: '/api/v1/question-bank' });
    expect(bank.json<{ bankQuestions: BankQuestion[] }>().bankQuestions.map((b) => b.id)).toEqual([bankB.id]);
  });

  it('lets a reviewer read interviews and the bank but change nothing', async () => {
    const list = await send(t.app, reviewerA, { method: 'GET', url: '/api/v1/interviews' });
    expect(list.statusCode).toBe(200);
    expect(list.json<{ interviews: InterviewSummary[] }>().interviews.map((i) => i.id)).toContain(
      interviewA.id,
    );
    expect(
      (await send(t.app, reviewerA, { method: 'GET', url: `/api/v1/interviews/${interviewA.id}` }))
        .statusCode,
    ).toBe(200);
    expect((await send(t.app, reviewerA, { method: 'GET', url: '/api/v1/question-bank' })).statusCode).toBe(
      200,
    );

    const before = await snapshotOfA();
    const create = await send(t.app, reviewerA, {
      method: 'POST',
      url: '/api/v1/interviews',
      payload: { title: 'Mine' },
    });
    expect(create.statusCode).toBe(403);
    expect(create.json<{ code: string }>().code).toBe('forbidden');
    for (const call of callsOnA().filter((c) => c.method !== 'GET')) {
      const res = await send(t.app, reviewerA, call);
      expect(res.statusCode, `${call.method} ${call.url}: ${res.body}`).toBe(403);
    }
    expect(await snapshotOfA()).toEqual(before);
  });

  it('lets a recruiter create and change interviews', async () => {
    const mail = captureMail(t.runtime);
    const recruiter = await addMember(t.app, mail, ownerA, 'recruiter');
    const interview = await createInterview(t.app, recruiter, { title: 'Recruiter made' });
    const res = await send(t.app, recruiter, {
      method: 'POST',
      url: `/api/v1/interviews/${interview.id}/questions`,
      payload: validQuestion(),
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('asks anonymous callers to sign in', async () => {
    for (const call of [{ method: 'GET' as const, url: '/api/v1/interviews' }, ...callsOnA()]) {
      const res = await send(t.app, null, call);
      expect(res.statusCode, `${call.method} ${call.url}`).toBe(401);
    }
  });
});
