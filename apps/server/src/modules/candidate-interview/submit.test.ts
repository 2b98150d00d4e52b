import type { AnswersMissingDetails, SubmittedInterview } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock, hours } from '../../../test/factories/clock.ts';
import { eventTypesOf } from '../../../test/factories/invitations.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { startTestSmtpServer, type ReceivedMessage, type TestSmtpServer } from '../../../test/smtp.ts';
import {
  getInterview,
  refusal,
  saveAnswer,
  saveAnswerOk,
  setUpInterview,
  submit,
  type InterviewCandidate,
  type InviteOptions,
} from './candidate-interview.test-support.ts';

const writtenQuestion = { answerType: 'text', textMaxChars: 500, answerSeconds: null } as const;

describe('submitting the interview (mail through a real SMTP server)', () => {
  let smtp: TestSmtpServer;
  let t: TestContext;
  let ownerEmail: string;
  let invite: (options?: InviteOptions) => Promise<InterviewCandidate>;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    t = await createTestApp({ SMTP_URL: smtp.url });
    await t.runtime.queue.start();
    const linkTokenOf = async (email: string) => {
      const mail = await smtp.waitForMessage((m) => m.to.includes(email), 15_000);
      return /\/i\/([A-Za-z0-9_-]{20,})/.exec(mail.text)?.[1] ?? '';
    };
    const setUp = await setUpInterview(t, {
      questions: [writtenQuestion, writtenQuestion, writtenQuestion],
      linkTokenOf,
    });
    invite = setUp.invite;
    ownerEmail = setUp.owner.info.user.email;
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const statusOf = async (invitationId: string) =>
    (
      await t.runtime.db
        .selectFrom('invitations')
        .select('status')
        .where('id', '=', invitationId)
        .executeTakeFirstOrThrow()
    ).status;

  it('lists the questions still without an answer and completes nothing', async () => {
    const c = await invite();
    await saveAnswerOk(t.app, c, c.questionIds[1] ?? '', { text: 'The second answer.' });
    const res = await submit(t.app, c);
    expect(refusal(res)).toEqual({ status: 409, code: 'answers_missing' });
    const details = res.json<{ details: AnswersMissingDetails }>().details;
    expect(details).toEqual({ positions: [1, 3], questionIds: [c.questionIds[0], c.questionIds[2]] });
    expect(res.json<{ message: string }>().message).toMatch(/question 1, 3/);
    expect(await statusOf(c.invitationId)).not.toBe('completed');
  });

  it('completes the interview, e-mails the candidate and the hiring team, and refuses a second submit', async () => {
    const c = await invite();
    for (const questionId of c.questionIds) {
      await saveAnswerOk(t.app, c, questionId, { text: `My answer to ${questionId}` });
    }
    const res = await submit(t.app, c);
    expect(res.statusCode, res.body).toBe(200);
    const { submittedAt } = res.json<SubmittedInterview>();
    expect(await statusOf(c.invitationId)).toBe('completed');
    expect(await getInterview(t.app, c)).toMatchObject({ status: 'completed', submittedAt });
    expect(await eventTypesOf(t.runtime, c.invitationId)).toContain('completed');

    const toCandidate = await smtp.waitForMessage(
      (m) => m.to.includes(c.email) && /Thank you/.test(m.subject),
      15_000,
    );
    expect(toCandidate.text).toContain('Casey Candidate');
    const toTeam = await smtp.waitForMessage(
      (m) => m.to.includes(ownerEmail) && /completed the interview/.test(m.subject),
      15_000,
    );
    expect(toTeam.text).toContain(`/review/${c.invitationId}`);

    expect(refusal(await submit(t.app, c))).toEqual({ status: 409, code: 'invitation_completed' });
    expect(refusal(await saveAnswer(t.app, c, c.questionIds[0] ?? '', { text: 'Changed my mind' }))).toEqual({
      status: 409,
      code: 'invitation_completed',
    });
    const confirmations = smtp.messages.filter((m) => m.to.includes(c.email) && /Thank you/.test(m.subject));
    expect(confirmations).toHaveLength(1);
  });

  it('completes once and e-mails once when the submit is sent twice at the same moment', async () => {
    const c = await invite();
    for (const questionId of c.questionIds) {
      await saveAnswerOk(t.app, c, questionId, { text: `My answer to ${questionId}` });
    }
    const answers = await Promise.all([submit(t.app, c), submit(t.app, c), submit(t.app, c)]);
    expect(answers.map((res) => res.statusCode).sort()).toEqual([200, 409, 409]);
    for (const res of answers.filter((r) => r.statusCode === 409)) {
      expect(refusal(res)).toEqual({ status: 409, code: 'invitation_completed' });
    }
    await smtp.waitForMessage((m) => m.to.includes(c.email) && /Thank you/.test(m.subject), 15_000);
    const toTeam = (m: ReceivedMessage) =>
      m.to.includes(ownerEmail) &&
      /completed the interview/.test(m.subject) &&
      m.text.includes(c.invitationId);
    await smtp.waitForMessage(toTeam, 15_000);
    // A duplicate would have been recorded with the first: one completion e-mail is on the invitation's record.
    const sent = await t.runtime.db
      .selectFrom('invitation_emails')
      .select('kind')
      .where('invitation_id', '=', c.invitationId)
      .execute();
    expect(sent.filter((m) => m.kind === 'completion_candidate')).toHaveLength(1);
    expect(smtp.messages.filter((m) => m.to.includes(c.email) && /Thank you/.test(m.subject))).toHaveLength(
      1,
    );
    expect(smtp.messages.filter(toTeam)).toHaveLength(1);
    expect((await eventTypesOf(t.runtime, c.invitationId)).filter((e) => e === 'completed')).toHaveLength(1);
  });
});

describe('submitting after the deadline', () => {
  it('is refused with invitation_expired, as are answers, and what was saved stays', async () => {
    const clock = createTestClock();
    const t = await createTestApp({}, { clock });
    try {
      const { invite } = await setUpInterview(t, { questions: [writtenQuestion] });
      const c = await invite({ deadline: new Date(clock.now().getTime() + hours(48)).toISOString() });
      await saveAnswerOk(t.app, c, c.questionIds[0] ?? '', { text: 'Made it in time.' });
      clock.advance(hours(49));
      expect(refusal(await submit(t.app, c))).toEqual({ status: 410, code: 'invitation_expired' });
      expect(refusal(await saveAnswer(t.app, c, c.questionIds[0] ?? '', { text: 'Late' }))).toEqual({
        status: 410,
        code: 'invitation_expired',
      });
      const view = await getInterview(t.app, c);
      expect(view).toMatchObject({ expired: true, submittedAt: null });
      expect(view.questions[0]?.answer).toMatchObject({ text: 'Made it in time.' });
    } finally {
      await t.close();
    }
  });
});
