import type { Interview, InterviewSummary } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import {
  createInterview,
  createInterviewWithQuestions,
  expectFieldRefused,
} from '../../../test/factories/interviews.ts';
import { send, signUp, type TestSession } from '../../../test/factories/session.ts';

describe('interviews', () => {
  let t: TestContext;
  let owner: TestSession;
  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.app, { organisationName: 'Northwind Fintech' });
  });
  afterAll(() => t.close());

  const countInterviews = async () =>
    (await t.runtime.db.selectFrom('interviews').select('id').execute()).length;
  const patch = (id: string, payload: object) =>
    send(t.app, owner, { method: 'PATCH', url: `/api/v1/interviews/${id}`, payload });
  const list = async (status?: string) => {
    const res = await send(t.app, owner, {
      method: 'GET',
      url: '/api/v1/interviews',
      query: status ? { status } : {},
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ interviews: InterviewSummary[] }>().interviews;
  };

  it('creates an interview from a title alone, with every default filled in', async () => {
    const interview = await createInterview(t.app, owner, { title: '  Senior AE  ', roleTitle: undefined });
    expect(interview).toMatchObject({
      title: 'Senior AE',
      roleTitle: '',
      introText: '',
      instructions: '',
      language: 'en',
      accentColour: null,
      deadlinePolicy: { mode: 'relative', days: 7 },
      reminderHours: [48, 24],
      practiceQuestion: {
        enabled: true,
        promptText: expect.stringContaining('never sent to anyone') as string,
        think: { mode: 'timed', seconds: 30 },
        answerSeconds: 90,
      },
      autoExtension: { maxDays: 0, maxTimes: 0 },
      ratingsHiddenUntilRated: true,
      anonymisedReview: false,
      questions: [],
      archivedAt: null,
    });
    const fetched = await send(t.app, owner, { method: 'GET', url: `/api/v1/interviews/${interview.id}` });
    expect(fetched.json()).toEqual(interview);
  });

  it('stores every setting given, normalised', async () => {
    const interview = await createInterview(t.app, owner, {
      language: 'es',
      accentColour: '#1A7F5A',
      deadlinePolicy: { mode: 'fixed', at: '2099-05-01T17:00:00+02:00', timeZone: 'europe/madrid' },
      reminderHours: [24, 72],
      practiceQuestion: { enabled: false },
      autoExtension: { maxDays: 3, maxTimes: 1 },
      ratingsHiddenUntilRated: false,
      anonymisedReview: true,
    });
    expect(interview).toMatchObject({
      language: 'es',
      accentColour: '#1a7f5a',
      deadlinePolicy: { mode: 'fixed', at: '2099-05-01T15:00:00.000Z', timeZone: 'Europe/Madrid' },
      reminderHours: [72, 24],
      practiceQuestion: { enabled: false, promptText: expect.stringContaining('práctica') as string },
      autoExtension: { maxDays: 3, maxTimes: 1 },
      ratingsHiddenUntilRated: false,
      anonymisedReview: true,
    });
  });

  const badInputs: [string, object, string][] = [
    ['no title', { title: undefined }, 'title'],
    ['an empty title', { title: '   ' }, 'title'],
    ['a title over 200 characters', { title: 'x'.repeat(201) }, 'title'],
    ['an introduction over 5000 characters', { introText: 'x'.repeat(5001) }, 'introText'],
    ['instructions over 5000 characters', { instructions: 'x'.repeat(5001) }, 'instructions'],
    ['an unknown language', { language: 'fr' }, 'language'],
    ['a colour that is not #rrggbb', { accentColour: 'green' }, 'accentColour'],
    [
      'a relative deadline of 0 days',
      { deadlinePolicy: { mode: 'relative', days: 0 } },
      'deadlinePolicy.days',
    ],
    [
      'a relative deadline of 91 days',
      { deadlinePolicy: { mode: 'relative', days: 91 } },
      'deadlinePolicy.days',
    ],
    [
      'a fixed deadline in the past',
      { deadlinePolicy: { mode: 'fixed', at: '2020-01-01T12:00:00Z', timeZone: 'UTC' } },
      'deadlinePolicy.at',
    ],
    [
      'a fixed deadline that is not a date-time',
      { deadlinePolicy: { mode: 'fixed', at: 'next friday', timeZone: 'UTC' } },
      'deadlinePolicy.at',
    ],
    [
      'an unknown time zone',
      { deadlinePolicy: { mode: 'fixed', at: '2099-01-01T12:00:00Z', timeZone: 'Mars/Olympus' } },
      'deadlinePolicy.timeZone',
    ],
    ['an unknown deadline mode', { deadlinePolicy: { mode: 'soon' } }, 'deadlinePolicy.mode'],
    ['a reminder of 0 hours', { reminderHours: [0] }, 'reminderHours.0'],
    ['a reminder over 720 hours', { reminderHours: [24, 721] }, 'reminderHours.1'],
    ['a reminder of a fraction of an hour', { reminderHours: [1.5] }, 'reminderHours.0'],
    ['the same reminder twice', { reminderHours: [24, 24] }, 'reminderHours'],
    [
      'automatic extensions over 30 days',
      { autoExtension: { maxDays: 31, maxTimes: 1 } },
      'autoExtension.maxDays',
    ],
    [
      'automatic extensions over 5 times',
      { autoExtension: { maxDays: 1, maxTimes: 6 } },
      'autoExtension.maxTimes',
    ],
    [
      'a practice answer time under 15 s',
      { practiceQuestion: { answerSeconds: 5 } },
      'practiceQuestion.answerSeconds',
    ],
    ['an empty practice prompt', { practiceQuestion: { promptText: '' } }, 'practiceQuestion.promptText'],
  ];

  it.each(badInputs)('refuses %s, naming the field, and saves nothing', async (_what, change, field) => {
    const before = await countInterviews();
    const res = await send(t.app, owner, {
      method: 'POST',
      url: '/api/v1/interviews',
      payload: { title: 'Account Executive', ...change },
    });
    expectFieldRefused(res, field);
    expect(await countInterviews()).toBe(before);
  });

  it('refuses an unknown field, naming it', async () => {
    const res = await send(t.app, owner, {
      method: 'POST',
      url: '/api/v1/interviews',
      payload: { title: 'Account Executive', colour: '#000000' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ code: string }>().code).toBe('validation_failed');
    expect(res.body).toContain('colour');
  });

  it('changes only the fields sent, merging the practice question and automatic extensions', async () => {
    const interview = await createInterview(t.app, owner, { autoExtension: { maxDays: 2, maxTimes: 2 } });
    const res = await patch(interview.id, {
      title: 'Renamed',
      reminderHours: [],
      practiceQuestion: { answerSeconds: 60 },
      autoExtension: { maxTimes: 1 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const changed = res.json<Interview>();
    expect(changed).toMatchObject({
      title: 'Renamed',
      roleTitle: interview.roleTitle,
      reminderHours: [],
      practiceQuestion: { ...interview.practiceQuestion, answerSeconds: 60 },
      autoExtension: { maxDays: 2, maxTimes: 1 },
    });
    expect(changed.updatedAt >= interview.updatedAt).toBe(true);
  });

  it('refuses a change with a bad field and keeps the interview as it was', async () => {
    const interview = await createInterview(t.app, owner);
    const past = { mode: 'fixed', at: '2001-01-01T00:00:00Z', timeZone: 'UTC' };
    expectFieldRefused(
      await patch(interview.id, { title: 'New title', deadlinePolicy: past }),
      'deadlinePolicy.at',
    );
    expectFieldRefused(await patch(interview.id, { title: '' }), 'title');
    const after = await send(t.app, owner, { method: 'GET', url: `/api/v1/interviews/${interview.id}` });
    expect(after.json()).toEqual(interview);
  });

  it('duplicates an interview with its questions as "Copy of …"', async () => {
    const original = await createInterviewWithQuestions(t.app, owner, 3);
    const res = await send(t.app, owner, {
      method: 'POST',
      url: `/api/v1/interviews/${original.id}/duplicate`,
    });
    expect(res.statusCode, res.body).toBe(201);
    const copy = res.json<Interview>();
    expect(copy.id).not.toBe(original.id);
    expect(copy.title).toBe(`Copy of ${original.title}`);
    expect(copy.questions.map((q) => q.promptText)).toEqual(['Question 1', 'Question 2', 'Question 3']);
    expect(copy.questions.map((q) => q.id)).not.toContain(original.questions[0]?.id);
    const { id: _a, title: _b, questions: _c, createdAt: _d, updatedAt: _e, ...settings } = original;
    expect(copy).toMatchObject(settings);
    const again = await send(t.app, owner, { method: 'GET', url: `/api/v1/interviews/${original.id}` });
    expect(again.json<Interview>().questions).toEqual(original.questions);
  });

  it('archives and unarchives; archived interviews leave the active list and refuse changes', async () => {
    const interview = await createInterview(t.app, owner, { title: 'To archive' });
    const archived = await send(t.app, owner, {
      method: 'POST',
      url: `/api/v1/interviews/${interview.id}/archive`,
    });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json<Interview>().archivedAt).not.toBeNull();
    expect((await list()).map((i) => i.id)).not.toContain(interview.id);
    expect((await list('archived')).map((i) => i.id)).toEqual([interview.id]);
    expect((await list('all')).map((i) => i.id)).toContain(interview.id);

    const refused = await patch(interview.id, { title: 'Changed' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ code: string }>().code).toBe('interview_archived');

    const back = await send(t.app, owner, {
      method: 'POST',
      url: `/api/v1/interviews/${interview.id}/unarchive`,
    });
    expect(back.json<Interview>().archivedAt).toBeNull();
    expect((await patch(interview.id, { title: 'Changed' })).statusCode).toBe(200);
    expect((await list()).map((i) => i.id)).toContain(interview.id);
  });

  it('lists interviews newest first with question counts and zero invitation counts', async () => {
    const withQuestions = await createInterviewWithQuestions(t.app, owner, 2);
    const summaries = await list();
    const summary = summaries.find((i) => i.id === withQuestions.id);
    expect(summary).toMatchObject({
      title: withQuestions.title,
      questionCount: 2,
      counts: { invited: 0, opened: 0, started: 0, completed: 0, expired: 0, withdrawn: 0 },
    });
    const created = summaries.map((i) => i.createdAt);
    expect(created).toEqual([...created].sort().reverse());
  });

  it('describes every interview route in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { tags?: string[]; summary?: string; requestBody?: unknown }>>;
    }>();
    const expected: [string, string][] = [
      ['/api/v1/interviews', 'get'],
      ['/api/v1/interviews', 'post'],
      ['/api/v1/interviews/{id}', 'get'],
      ['/api/v1/interviews/{id}', 'patch'],
      ['/api/v1/interviews/{id}/duplicate', 'post'],
      ['/api/v1/interviews/{id}/archive', 'post'],
      ['/api/v1/interviews/{id}/unarchive', 'post'],
      ['/api/v1/interviews/{id}/questions', 'post'],
      ['/api/v1/interviews/{id}/questions/{questionId}', 'patch'],
      ['/api/v1/interviews/{id}/questions/{questionId}', 'delete'],
      ['/api/v1/interviews/{id}/questions/order', 'put'],
      ['/api/v1/interviews/{id}/questions/from-bank', 'post'],
      ['/api/v1/question-bank', 'get'],
      ['/api/v1/question-bank', 'post'],
      ['/api/v1/question-bank/{id}', 'delete'],
    ];
    for (const [path, method] of expected) {
      const operation = doc.paths[path]?.[method];
      expect(operation?.summary, `${method} ${path}`).toBeTruthy();
      expect(operation?.tags?.length, `${method} ${path}`).toBeGreaterThan(0);
    }
    expect(JSON.stringify(doc.paths['/api/v1/interviews']?.post?.requestBody)).toContain('deadlinePolicy');
  });

  it('refuses an unknown list filter', async () => {
    const res = await send(t.app, owner, {
      method: 'GET',
      url: '/api/v1/interviews',
      query: { status: 'gone' },
    });
    expectFieldRefused(res, 'status');
  });
});
