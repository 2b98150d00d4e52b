import type {
  CandidateReview,
  CreateInterviewInput,
  CreateInvitationInput,
  Interview,
  MyRatings,
  PutRatingsInput,
  Question,
  ReviewList,
} from '@oneway/shared';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { giveConsent } from '../../../test/factories/consent.ts';
import { addQuestion, createInterview } from '../../../test/factories/interviews.ts';
import { inviteWithLink, openInvitationLink, sendAsCandidate } from '../../../test/factories/invitations.ts';
import { captureMail, type CapturedMail } from '../../../test/factories/mail.ts';
import { addMember } from '../../../test/factories/member.ts';
import { send, signUp, uniqueEmail, type TestSession } from '../../../test/factories/session.ts';
import type { TestContext } from '../../../test/runtime.ts';

/** A rubric of one criterion, as the review pages show it next to a question. */
export const sampleRubric = {
  criteria: [
    {
      name: 'Outcome first',
      levels: {
        '1': 'No outcome',
        '2': 'Vague',
        '3': 'Stated',
        '4': 'Stated with numbers',
        '5': 'Leads with it',
      },
    },
  ],
};

/** An organisation's hiring team around one interview of written questions. */
export interface ReviewWorld {
  mail: CapturedMail;
  owner: TestSession;
  recruiter: TestSession;
  /** A reviewer assigned to the interview. */
  reviewer: TestSession;
  /** A reviewer of the same organisation who is not assigned to it. */
  unassigned: TestSession;
  interview: Interview;
  questions: Question[];
}

const captured = new WeakMap<object, CapturedMail>();

/** One capture per runtime: a second spy would take the messages away from the first world's. */
export function mailOf(t: TestContext): CapturedMail {
  const existing = captured.get(t.runtime);
  if (existing) return existing;
  const mail = captureMail(t.runtime);
  captured.set(t.runtime, mail);
  return mail;
}

/** Assigns members to review the interview, as an owner does. */
export async function assignReviewers(
  app: FastifyInstance,
  owner: TestSession,
  interviewId: string,
  members: TestSession[],
): Promise<void> {
  const res = await send(app, owner, {
    method: 'PUT',
    url: `/api/v1/interviews/${interviewId}/reviewers`,
    payload: { userIds: members.map((m) => m.info.user.id) },
  });
  expect(res.statusCode, res.body).toBe(200);
}

/**
 * An owner, a recruiter, an assigned and an unassigned reviewer, and an interview of `questions` written questions
 * (the first with a rubric). Written answers keep these tests fast; playback tests record real video.
 */
export async function setUpReviewWorld(
  t: TestContext,
  options: { questions?: number; interview?: Partial<CreateInterviewInput> } = {},
): Promise<ReviewWorld> {
  const mail = mailOf(t);
  const owner = await signUp(t.app);
  const recruiter = await addMember(t.app, mail, owner, 'recruiter');
  const reviewer = await addMember(t.app, mail, owner, 'reviewer');
  const unassigned = await addMember(t.app, mail, owner, 'reviewer');
  const interview = await createInterview(t.app, owner, options.interview);
  const questions: Question[] = [];
  for (let i = 1; i <= (options.questions ?? 2); i++) {
    questions.push(
      await addQuestion(t.app, owner, interview.id, {
        promptText: `Question ${i}`,
        answerType: 'text',
        answerSeconds: null,
        textMaxChars: 2000,
        ...(i === 1 ? { rubric: sampleRubric } : {}),
      }),
    );
  }
  await assignReviewers(t.app, owner, interview.id, [reviewer]);
  return { mail, owner, recruiter, reviewer, unassigned, interview, questions };
}

export interface TestCandidate {
  invitationId: string;
  name: string;
  email: string;
}

/** Invites a candidate who answers every question in writing and submits, through the candidate's own routes. */
export async function completeCandidate(
  t: TestContext,
  world: ReviewWorld,
  options: {
    name?: string;
    submit?: boolean;
    answer?: (question: Question) => string;
    invite?: Pick<CreateInvitationInput, 'phone' | 'externalId'>;
  } = {},
): Promise<TestCandidate> {
  const name = options.name ?? 'Casey Candidate';
  const email = uniqueEmail('candidate');
  const invitation = await inviteWithLink(t.app, world.mail, world.owner, world.interview.id, {
    ...options.invite,
    name,
    email,
  });
  const browser = await openInvitationLink(t.app, invitation.token);
  await giveConsent(t.app, browser);
  for (const question of world.questions) {
    const res = await sendAsCandidate(t.app, browser, {
      method: 'PUT',
      url: `/api/v1/candidate/answers/${question.id}`,
      payload: { text: options.answer?.(question) ?? `My answer to ${question.promptText}` },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  if (options.submit !== false) {
    const res = await sendAsCandidate(t.app, browser, { method: 'POST', url: '/api/v1/candidate/submit' });
    expect(res.statusCode, res.body).toBe(200);
  }
  return { invitationId: invitation.id, name, email: invitation.email };
}

export async function listReviews(
  app: FastifyInstance,
  session: TestSession,
  interviewId: string,
  query = '',
): Promise<ReviewList> {
  const res = await send(app, session, {
    method: 'GET',
    url: `/api/v1/interviews/${interviewId}/reviews${query}`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ReviewList>();
}

export async function getReview(
  app: FastifyInstance,
  session: TestSession,
  invitationId: string,
  query = '',
): Promise<CandidateReview> {
  const res = await send(app, session, {
    method: 'GET',
    url: `/api/v1/invitations/${invitationId}/review${query}`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CandidateReview>();
}

export function putRatings(
  app: FastifyInstance,
  session: TestSession,
  invitationId: string,
  payload: object,
) {
  return send(app, session, { method: 'PUT', url: `/api/v1/invitations/${invitationId}/ratings`, payload });
}

/** Rates every question `score` (and overall when given); fails the test unless stored. */
export async function rate(
  app: FastifyInstance,
  session: TestSession,
  world: ReviewWorld,
  invitationId: string,
  score: number,
  overall: number | null = null,
): Promise<MyRatings> {
  const payload: PutRatingsInput = {
    questionRatings: world.questions.map((q) => ({ questionId: q.id, score })),
    overall,
  };
  const res = await putRatings(app, session, invitationId, payload);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<MyRatings>();
}
