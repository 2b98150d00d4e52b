import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestRuntime } from '../../../test/runtime.ts';
import { waitFor } from '../../../test/smtp.ts';
import { isoIn, isoNow } from '../../lib/time.ts';
import { newId } from '../../lib/tokens.ts';
import type { Runtime } from '../../runtime.ts';

describe('sessions.purge job', () => {
  let runtime: Runtime;
  beforeEach(async () => {
    runtime = await createTestRuntime();
  });
  afterEach(() => runtime.close());

  async function insertSession(options: { expiresInMs: number }): Promise<string> {
    const { db, clock } = runtime;
    const now = isoNow(clock);
    const organisationId = newId();
    const userId = newId();
    await db
      .insertInto('organisations')
      .values({ id: organisationId, name: 'Acme', created_at: now })
      .execute();
    await db
      .insertInto('users')
      .values({
        id: userId,
        email: `${userId}@example.com`,
        name: 'Ada',
        password_hash: 'not-used',
        created_at: now,
        password_changed_at: now,
      })
      .execute();
    await db
      .insertInto('memberships')
      .values({ organisation_id: organisationId, user_id: userId, role: 'owner', created_at: now })
      .execute();
    const id = newId();
    await db
      .insertInto('sessions')
      .values({
        id,
        user_id: userId,
        organisation_id: organisationId,
        csrf_token: 'csrf',
        created_at: now,
        last_seen_at: now,
        expires_at: isoIn(clock, options.expiresInMs),
        ip: null,
        user_agent: null,
      })
      .execute();
    return id;
  }

  it('deletes expired sessions, and only those, once a worker starts', async () => {
    const expired = await insertSession({ expiresInMs: -60_000 });
    const live = await insertSession({ expiresInMs: 3_600_000 });
    await runtime.queue.start();
    const remaining = await waitFor(
      async () => {
        const ids = (await runtime.db.selectFrom('sessions').select('id').execute()).map((s) => s.id);
        return !ids.includes(expired) && ids;
      },
      { timeoutMs: 10_000 },
    );
    expect(remaining).toEqual([live]);
  });
});
