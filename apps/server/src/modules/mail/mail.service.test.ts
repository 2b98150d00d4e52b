import { sql } from 'kysely';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestRuntime } from '../../../test/runtime.ts';
import { startTestSmtpServer, waitFor, type TestSmtpServer } from '../../../test/smtp.ts';
import { createTestClock } from '../../jobs/testing.ts';
import type { Runtime } from '../../runtime.ts';

const resetMail = {
  organisationId: null,
  to: 'ada@example.com',
  subject: 'Réinitialisez votre mot de passe — Oneway',
  // Long enough and non-ASCII, so nodemailer sends it quoted-printable with soft line breaks.
  text:
    'Bonjour Ada,\n\nOpen this link to choose a new password: ' +
    'https://interviews.example.com/reset-password?token=0123456789abcdefghijklmnopqrstuvwxyz.\n\nÀ bientôt',
  html: '<p>Bonjour Ada</p>',
};

describe('mail service', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  async function startRuntime(...args: Parameters<typeof createTestRuntime>): Promise<Runtime> {
    const runtime = await createTestRuntime(...args);
    cleanups.push(() => runtime.close());
    return runtime;
  }
  async function startSmtp(port?: number): Promise<TestSmtpServer> {
    const smtp = await startTestSmtpServer({ port });
    cleanups.push(() => smtp.close());
    return smtp;
  }
  const findMessage = (runtime: Runtime, id: string) =>
    runtime.db.selectFrom('outbox_emails').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('delivers a queued e-mail through SMTP with its subject and body', async () => {
    const smtp = await startSmtp();
    const runtime = await startRuntime({ SMTP_URL: smtp.url, MAIL_FROM: 'Oneway <hello@example.com>' });
    const id = await runtime.services.mail.queueEmail(resetMail);
    expect(await findMessage(runtime, id)).toMatchObject({ status: 'queued', transport: 'smtp' });

    await runtime.queue.start();
    const received = await smtp.waitForMessage((m) => m.to.includes('ada@example.com'), 10_000);
    expect(received.subject).toBe(resetMail.subject);
    expect(received.text).toBe(resetMail.text);
    expect(received.html).toBe(resetMail.html);
    expect(received.from).toBe('hello@example.com');

    const sent = await waitFor(async () => {
      const row = await findMessage(runtime, id);
      return row.status === 'sent' && row;
    });
    expect(sent.sent_at).not.toBeNull();
    expect(sent.error).toBeNull();
  });

  it('keeps the message in the outbox and logs its links when no SMTP server is configured', async () => {
    const logLines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
    const runtime = await startRuntime({}, { logger });
    const id = await runtime.services.mail.queueEmail({ ...resetMail, organisationId: null });
    await runtime.queue.start();

    const kept = await waitFor(async () => {
      const row = await findMessage(runtime, id);
      return row.status !== 'queued' && row;
    });
    expect(kept).toMatchObject({
      status: 'kept',
      transport: 'outbox',
      text_body: resetMail.text,
      subject: resetMail.subject,
    });
    const logged = logLines
      .map((line) => JSON.parse(line) as { msg: string; to?: string; urls?: string[] })
      .find((entry) => entry.msg.startsWith('mail kept in outbox'));
    expect(logged).toMatchObject({
      to: 'ada@example.com',
      urls: ['https://interviews.example.com/reset-password?token=0123456789abcdefghijklmnopqrstuvwxyz'],
    });
  });

  it('keeps the message and its error while SMTP is down, and delivers it on a later try', async () => {
    const probe = await startTestSmtpServer();
    const port = probe.port;
    await probe.close();
    const clock = createTestClock();
    const runtime = await startRuntime({ SMTP_URL: `smtp://127.0.0.1:${port}` }, { clock });
    const id = await runtime.services.mail.queueEmail(resetMail);
    await runtime.queue.start();

    const failed = await waitFor(
      async () => {
        const row = await findMessage(runtime, id);
        return row.error !== null && row;
      },
      { timeoutMs: 10_000 },
    );
    expect(failed.status).toBe('queued');
    expect(failed.error).toMatch(/ECONNREFUSED|connect/i);
    expect(failed.text_body).toBe(resetMail.text);

    const smtp = await startSmtp(port);
    // Make the retry due: our clock for the database queue; pg-boss schedules by PostgreSQL's own clock.
    clock.advance(10 * 60_000);
    if (runtime.dialect === 'postgres') {
      // Our row records the error before pg-boss moves the job to retry: wait for that move, then make it due (an
      // update that ran first would change nothing, and the retry would wait its whole back-off).
      const pgBossRetryDue = async () => {
        const moved = await sql<{ id: string }>`
          update pgboss.job set start_after = now()
          where name = 'email.send' and state = 'retry' returning id`.execute(runtime.db);
        return moved.rows.length > 0;
      };
      await waitFor(pgBossRetryDue, { timeoutMs: 30_000, what: "pg-boss's retry of the e-mail" });
    }
    const received = await smtp.waitForMessage((m) => m.subject === resetMail.subject, 10_000);
    expect(received.text).toBe(resetMail.text);
    const sent = await waitFor(async () => {
      const row = await findMessage(runtime, id);
      return row.status === 'sent' && row;
    });
    expect(sent.error).toBeNull();
  });

  it('marks the message failed when its last attempt fails', async () => {
    const probe = await startTestSmtpServer();
    await probe.close();
    const runtime = await startRuntime({ SMTP_URL: probe.url });
    const id = await runtime.services.mail.queueEmail(resetMail);
    await expect(
      runtime.services.mail.sendQueuedEmail({ messageId: id, isLastAttempt: true }),
    ).rejects.toThrow();
    const row = await findMessage(runtime, id);
    expect(row.status).toBe('failed');
    expect(row.error).toMatch(/ECONNREFUSED|connect/i);
  });

  it('sends a message once even when its job runs again', async () => {
    const smtp = await startSmtp();
    const runtime = await startRuntime({ SMTP_URL: smtp.url });
    const id = await runtime.services.mail.queueEmail(resetMail);
    await runtime.services.mail.sendQueuedEmail({ messageId: id, isLastAttempt: false });
    await runtime.services.mail.sendQueuedEmail({ messageId: id, isLastAttempt: false });
    expect(smtp.messages).toHaveLength(1);
    expect((await findMessage(runtime, id)).status).toBe('sent');
  });
});
