import type { OutboxMessage, SessionInfo } from '@oneway/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { send, signUp } from '../../../test/factories/session.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { startTestSmtpServer, waitFor } from '../../../test/smtp.ts';

/** Without a mail server nothing leaves the machine, so nothing may say "sent". */
describe('what the app says about delivery', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  async function start(env: Record<string, string> = {}): Promise<TestContext> {
    const t = await createTestApp(env);
    cleanups.push(() => t.close());
    return t;
  }

  it('marks a message kept in the outbox as kept, never sent, in the table and the API', async () => {
    const t = await start();
    const owner = await signUp(t.app);
    const id = await t.runtime.services.mail.queueEmail({
      organisationId: owner.info.organisation.id,
      to: 'ada@example.com',
      subject: 'Hello',
      text: 'Hello',
    });
    await t.runtime.queue.start();
    const row = await waitFor(async () => {
      const found = await t.runtime.db
        .selectFrom('outbox_emails')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return found.status !== 'queued' && found;
    });
    expect(row).toMatchObject({ status: 'kept', transport: 'outbox' });
    const res = await send(t.app, owner, { method: 'GET', url: `/api/v1/outbox/${id}` });
    expect(res.json<OutboxMessage>()).toMatchObject({ status: 'kept', transport: 'outbox' });
  });

  it('tells the signed-in app whether mail is delivered or kept in the outbox', async () => {
    const kept = await start();
    const owner = await signUp(kept.app);
    const me = await send(kept.app, owner, { method: 'GET', url: '/api/v1/auth/me' });
    expect(me.json<SessionInfo>().mailDelivery).toBe('outbox');
    expect(owner.info.mailDelivery).toBe('outbox');

    const smtp = await startTestSmtpServer();
    cleanups.push(() => smtp.close());
    const delivered = await start({ SMTP_URL: smtp.url });
    const other = await signUp(delivered.app);
    const meToo = await send(delivered.app, other, { method: 'GET', url: '/api/v1/auth/me' });
    expect(meToo.json<SessionInfo>().mailDelivery).toBe('smtp');
  });
});
