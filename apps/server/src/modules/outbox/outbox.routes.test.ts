import type { OutboxMessage, Role } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { createTestClock } from '../../jobs/testing.ts';
import { isoIn, isoNow } from '../../lib/time.ts';
import { createToken, hashToken, newId } from '../../lib/tokens.ts';
import { sessionCookieName } from '../../plugins/auth.ts';

describe('outbox routes', () => {
  let t: TestContext;
  const clock = createTestClock();

  async function createOrganisation(name: string): Promise<string> {
    const id = newId();
    await t.runtime.db
      .insertInto('organisations')
      .values({ id, name, created_at: isoNow(clock) })
      .execute();
    return id;
  }

  // A member with a live session, written straight to the tables so this test depends only on the schema.
  async function signInAs(organisationId: string, role: Role): Promise<Record<string, string>> {
    const { db, config } = t.runtime;
    const userId = newId();
    const token = createToken();
    const now = isoNow(clock);
    await db
      .insertInto('users')
      .values({
        id: userId,
        email: `${userId}@example.com`,
        name: role,
        password_hash: 'not-used',
        created_at: now,
        password_changed_at: now,
      })
      .execute();
    await db
      .insertInto('memberships')
      .values({ organisation_id: organisationId, user_id: userId, role, created_at: now })
      .execute();
    await db
      .insertInto('sessions')
      .values({
        id: hashToken(token),
        user_id: userId,
        organisation_id: organisationId,
        csrf_token: createToken(),
        created_at: now,
        last_seen_at: now,
        expires_at: isoIn(clock, 86_400_000),
        ip: null,
        user_agent: null,
      })
      .execute();
    return { [sessionCookieName(config)]: token };
  }

  async function queueMail(organisationId: string, subject: string): Promise<string> {
    clock.advance(1_000);
    return t.runtime.services.mail.queueEmail({
      organisationId,
      to: 'ada@example.com',
      subject,
      text: subject,
    });
  }

  let acme: string;
  let globex: string;
  let acmeOwner: Record<string, string>;
  let acmeReviewer: Record<string, string>;
  let globexAdmin: Record<string, string>;
  let acmeFirst: string;
  let acmeSecond: string;
  let globexOnly: string;

  beforeAll(async () => {
    t = await createTestApp({}, { clock });
    acme = await createOrganisation('Acme');
    globex = await createOrganisation('Globex');
    acmeOwner = await signInAs(acme, 'owner');
    acmeReviewer = await signInAs(acme, 'reviewer');
    globexAdmin = await signInAs(globex, 'admin');
    acmeFirst = await queueMail(acme, 'first');
    globexOnly = await queueMail(globex, 'globex');
    acmeSecond = await queueMail(acme, 'second');
  });
  afterAll(() => t.close());

  const getOutbox = (cookies: Record<string, string>, path = '') =>
    t.app.inject({ method: 'GET', url: `/api/v1/outbox${path}`, cookies });

  it("lists the organisation's messages newest first, and no other organisation's", async () => {
    const res = await getOutbox(acmeOwner);
    expect(res.statusCode).toBe(200);
    const { messages } = res.json<{ messages: OutboxMessage[] }>();
    expect(messages.map((m) => m.id)).toEqual([acmeSecond, acmeFirst]);
    expect(messages[0]).toMatchObject({
      subject: 'second',
      to: 'ada@example.com',
      status: 'queued',
      html: null,
    });

    const other = await getOutbox(globexAdmin);
    expect(other.json<{ messages: OutboxMessage[] }>().messages.map((m) => m.id)).toEqual([globexOnly]);
  });

  it('shows one message, and answers 404 for a message of another organisation', async () => {
    const own = await getOutbox(acmeOwner, `/${acmeFirst}`);
    expect(own.statusCode).toBe(200);
    expect(own.json<OutboxMessage>()).toMatchObject({ id: acmeFirst, subject: 'first', transport: 'outbox' });

    const foreign = await getOutbox(acmeOwner, `/${globexOnly}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json<{ code: string }>().code).toBe('not_found');
  });

  it('refuses members other than owners and admins, and anonymous callers', async () => {
    const reviewer = await getOutbox(acmeReviewer);
    expect(reviewer.statusCode).toBe(403);
    expect(reviewer.json<{ code: string }>().code).toBe('forbidden');
    expect((await getOutbox(acmeReviewer, `/${acmeFirst}`)).statusCode).toBe(403);

    const anonymous = await getOutbox({});
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json<{ code: string }>().code).toBe('unauthenticated');
  });

  it('lists at most the newest 200 messages', async () => {
    const busy = await createOrganisation('Busy');
    const owner = await signInAs(busy, 'owner');
    const rows = Array.from({ length: 205 }, (_, i) => ({
      id: newId(),
      organisation_id: busy,
      to_address: 'ada@example.com',
      subject: `message ${i}`,
      text_body: 'hello',
      html_body: null,
      status: 'sent' as const,
      transport: 'outbox' as const,
      error: null,
      created_at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
      sent_at: null,
    }));
    await t.runtime.db.insertInto('outbox_emails').values(rows).execute();
    const { messages } = (await getOutbox(owner)).json<{ messages: OutboxMessage[] }>();
    expect(messages).toHaveLength(200);
    expect(messages[0]?.subject).toBe('message 204');
    expect(messages.at(-1)?.subject).toBe('message 5');
  });
});
