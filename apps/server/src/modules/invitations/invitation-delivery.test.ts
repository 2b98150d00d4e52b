import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inviteCandidate } from '../../../test/factories/invitation-api.ts';
import { eventTypesOf } from '../../../test/factories/invitations.ts';
import { createInterviewWithQuestions } from '../../../test/factories/interviews.ts';
import { signUp } from '../../../test/factories/session.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { startTestSmtpServer, waitFor, type TestSmtpServer } from '../../../test/smtp.ts';
import { createEmailSendJob } from '../../jobs/definitions/email-send.job.ts';

describe('invitation e-mail through a real SMTP server', () => {
  let smtp: TestSmtpServer;
  let t: TestContext;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    t = await createTestApp({ SMTP_URL: smtp.url });
    await t.runtime.queue.start();
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('delivers the invitation with a working link and puts "delivered" on the timeline', async () => {
    const session = await signUp(t.app);
    const interview = await createInterviewWithQuestions(t.app, session, 2);
    const invitation = await inviteCandidate(t.app, session, interview.id, { email: 'grace@example.com' });

    const mail = await smtp.waitForMessage((m) => m.to.includes('grace@example.com'), 15_000);
    const token = /\/i\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    expect(token).toBeTruthy();
    const opened = await t.app.inject({
      method: 'POST',
      url: '/api/v1/candidate/session',
      headers: { 'x-requested-with': 'oneway' },
      payload: { token },
    });
    expect(opened.statusCode, opened.body).toBe(200);

    const events = await waitFor(
      async () => {
        const types = await eventTypesOf(t.runtime, invitation.id);
        return types.includes('delivered') ? types : undefined;
      },
      { timeoutMs: 10_000, what: 'the delivered event' },
    );
    expect(events).toEqual(expect.arrayContaining(['sent', 'delivered', 'opened']));
  });
});

describe('invitation e-mail kept in the outbox (no SMTP server configured)', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('marks the message sent in the outbox but does not claim it was delivered', async () => {
    const session = await signUp(t.app);
    const interview = await createInterviewWithQuestions(t.app, session, 1);
    const invitation = await inviteCandidate(t.app, session, interview.id, { email: 'ada@example.com' });
    const message = await t.runtime.db
      .selectFrom('outbox_emails')
      .select('id')
      .where('to_address', '=', 'ada@example.com')
      .executeTakeFirstOrThrow();
    // Run the job's handler itself (whatever the queue driver) so the check follows the whole job.
    const { services } = t.runtime;
    await createEmailSendJob(services.mail, services.invitations).handler(
      { messageId: message.id },
      { attempt: 1, maxAttempts: 5, isLastAttempt: false, signal: new AbortController().signal },
    );
    const sent = await t.runtime.db
      .selectFrom('outbox_emails')
      .select('status')
      .where('id', '=', message.id)
      .executeTakeFirstOrThrow();
    expect(sent.status).toBe('sent');
    expect(await eventTypesOf(t.runtime, invitation.id)).toEqual(['sent']);
  });
});
