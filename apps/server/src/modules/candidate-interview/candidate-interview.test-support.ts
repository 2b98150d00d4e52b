import type {
  Accommodations,
  CandidateAnswer,
  CandidateInterview,
  CreateInterviewInput,
  CreateQuestionInput,
  RevealedQuestion,
} from '@oneway/shared';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { giveConsent } from '../../../test/factories/consent.ts';
import { captureInvitationMail, inviteCandidate } from '../../../test/factories/invitation-api.ts';
import {
  openInvitationLink,
  sendAsCandidate,
  type CandidateBrowser,
} from '../../../test/factories/invitations.ts';
import { addQuestion, createInterview } from '../../../test/factories/interviews.ts';
import { signUp, uniqueEmail, type TestSession } from '../../../test/factories/session.ts';
import type { CapturedMail } from '../../../test/factories/mail.ts';
import type { TestContext } from '../../../test/runtime.ts';
import type { Runtime } from '../../runtime.ts';
import type { Candidate } from '../takes/takes.test-support.ts';

/** A candidate in the interview: their invitation, their browser and the interview's question ids in order. */
export interface InterviewCandidate {
  invitationId: string;
  email: string;
  browser: CandidateBrowser;
  questionIds: string[];
}

export interface InviteOptions {
  accommodations?: Partial<Accommodations>;
  /** Agree to the recording notice after opening the link (default true). */
  consent?: boolean;
  /** ISO; the interview's default deadline when left out. */
  deadline?: string;
}

const captures = new WeakMap<Runtime, CapturedMail>();

/** One mail capture per runtime, however many interviews a test file sets up on it. */
export function capturedMailOf(runtime: Runtime): CapturedMail {
  const found = captures.get(runtime);
  if (found) return found;
  const mail = captureInvitationMail(runtime);
  captures.set(runtime, mail);
  return mail;
}

/**
 * An owner and an interview with the given questions (one video question by default). `linkTokenOf` finds the
 * link token e-mailed to an address; by default the mail is captured and never sent.
 */
export async function setUpInterview(
  t: TestContext,
  options: {
    questions?: Partial<CreateQuestionInput>[];
    interview?: Partial<CreateInterviewInput>;
    linkTokenOf?: (email: string) => Promise<string>;
  } = {},
) {
  // Captured from the start when no other way to read the link is given.
  const mail = options.linkTokenOf ? null : capturedMailOf(t.runtime);
  const tokenOf =
    options.linkTokenOf ?? ((email: string) => Promise.resolve(mail?.lastLinkToken(email) ?? ''));
  const owner: TestSession = await signUp(t.app);
  const interview = await createInterview(t.app, owner, options.interview);
  const questionIds: string[] = [];
  for (const question of options.questions ?? [{}]) {
    questionIds.push((await addQuestion(t.app, owner, interview.id, question)).id);
  }
  const invite = async (inviteOptions: InviteOptions = {}): Promise<InterviewCandidate> => {
    const email = uniqueEmail('casey');
    const invitation = await inviteCandidate(t.app, owner, interview.id, {
      name: 'Casey Candidate',
      email,
      ...(inviteOptions.accommodations ? { accommodations: inviteOptions.accommodations } : {}),
      ...(inviteOptions.deadline ? { deadline: inviteOptions.deadline } : {}),
    });
    const browser = await openInvitationLink(t.app, await tokenOf(email));
    if (inviteOptions.consent !== false) await giveConsent(t.app, browser);
    return { invitationId: invitation.id, email, browser, questionIds };
  };
  return { owner, interview, questionIds, invite };
}

/** The candidate as the takes helpers know them, answering question `index` (0-based). */
export const onQuestion = (c: InterviewCandidate, index = 0): Candidate => ({
  invitationId: c.invitationId,
  browser: c.browser,
  questionId: c.questionIds[index] ?? '',
});

export async function getInterview(app: FastifyInstance, c: InterviewCandidate): Promise<CandidateInterview> {
  const res = await sendAsCandidate(app, c.browser, { method: 'GET', url: '/api/v1/candidate/interview' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CandidateInterview>();
}

export const reveal = (app: FastifyInstance, c: InterviewCandidate, questionId: string) =>
  sendAsCandidate(app, c.browser, {
    method: 'POST',
    url: `/api/v1/candidate/questions/${questionId}/reveal`,
  });

export async function revealOk(
  app: FastifyInstance,
  c: InterviewCandidate,
  questionId: string,
): Promise<RevealedQuestion> {
  const res = await reveal(app, c, questionId);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<RevealedQuestion>();
}

export const saveAnswer = (
  app: FastifyInstance,
  c: InterviewCandidate,
  questionId: string,
  payload: { takeId: string } | { text: string },
) =>
  sendAsCandidate(app, c.browser, { method: 'PUT', url: `/api/v1/candidate/answers/${questionId}`, payload });

export async function saveAnswerOk(
  app: FastifyInstance,
  c: InterviewCandidate,
  questionId: string,
  payload: { takeId: string } | { text: string },
): Promise<CandidateAnswer> {
  const res = await saveAnswer(app, c, questionId, payload);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CandidateAnswer>();
}

export const submit = (app: FastifyInstance, c: InterviewCandidate): Promise<LightMyRequestResponse> =>
  sendAsCandidate(app, c.browser, { method: 'POST', url: '/api/v1/candidate/submit' });

/** The error code of a refused request, with its status. */
export const refusal = (res: LightMyRequestResponse) => ({
  status: res.statusCode,
  code: res.json<{ code: string }>().code,
});
