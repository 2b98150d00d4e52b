import type {
  CreateInterviewInput,
  CreateQuestionInput,
  FieldIssue,
  Interview,
  Question,
} from '@oneway/shared';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { send, type TestSession } from './session.ts';

/** A video question that passes every rule; override what a test is about. */
export const validQuestion = (overrides: Partial<CreateQuestionInput> = {}): CreateQuestionInput => ({
  promptText: 'Walk us through a deal you closed that you are proud of.',
  answerType: 'video',
  think: { mode: 'timed', seconds: 45 },
  answerSeconds: 120,
  takes: 2,
  startMode: 'ready',
  ...overrides,
});

/** Creates an interview through the API as `session`; fails the test unless it is created. */
export async function createInterview(
  app: FastifyInstance,
  session: TestSession,
  overrides: Partial<CreateInterviewInput> = {},
): Promise<Interview> {
  const res = await send(app, session, {
    method: 'POST',
    url: '/api/v1/interviews',
    payload: { title: 'Senior Account Executive', roleTitle: 'Account Executive', ...overrides },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Interview>();
}

/** Adds a question through the API as `session`; fails the test unless it is added. */
export async function addQuestion(
  app: FastifyInstance,
  session: TestSession,
  interviewId: string,
  overrides: Partial<CreateQuestionInput> = {},
): Promise<Question> {
  const res = await send(app, session, {
    method: 'POST',
    url: `/api/v1/interviews/${interviewId}/questions`,
    payload: validQuestion(overrides),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Question>();
}

/** An interview with `count` questions numbered in their prompts ("Question 1", "Question 2"…). */
export async function createInterviewWithQuestions(
  app: FastifyInstance,
  session: TestSession,
  count: number,
): Promise<Interview> {
  const interview = await createInterview(app, session);
  for (let i = 1; i <= count; i++) {
    await addQuestion(app, session, interview.id, { promptText: `Question ${i}` });
  }
  const res = await send(app, session, { method: 'GET', url: `/api/v1/interviews/${interview.id}` });
  return res.json<Interview>();
}

/** Asserts a validation_failed answer that names `field` among its bad fields. */
export function expectFieldRefused(res: LightMyRequestResponse, field: string): void {
  expect(res.statusCode, res.body).toBe(400);
  const body = res.json<{ code: string; details?: { fields?: FieldIssue[] } }>();
  expect(body.code).toBe('validation_failed');
  expect(body.details?.fields?.map((f) => f.field)).toContain(field);
}
