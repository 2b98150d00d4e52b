// Runs only in the PostgreSQL run (TEST_DATABASE_URL set): pg-boss needs PostgreSQL.
import { sql } from 'kysely';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestRuntime } from '../../test/runtime.ts';
import type { Runtime } from '../runtime.ts';
import { PgBossJobQueue } from './pg-boss-queue.ts';
import { defineCountJob, testJobName } from './testing.ts';

/** Distinct job kinds: each has a queue of its own in pg-boss, created the first time it is needed. */
const kinds = Array.from({ length: 12 }, (_, i) => testJobName(`test.kind-${i}`));

describe('pg-boss queues on a fresh database', () => {
  let runtime: Runtime;
  const queues: PgBossJobQueue[] = [];
  const createQueue = () => {
    const queue = new PgBossJobQueue({
      connectionString: runtime.config.databaseUrl,
      logger: pino({ level: 'silent' }),
      clock: runtime.clock,
    });
    for (const name of kinds) queue.register(defineCountJob({ name }));
    queues.push(queue);
    return queue;
  };
  const countJobs = async () =>
    Number(
      (
        await sql<{
          count: string;
        }>`select count(*) as count from pgboss.job where name like 'test.kind-%'`.execute(runtime.db)
      ).rows[0]?.count,
    );

  beforeEach(async () => {
    if (!process.env.TEST_DATABASE_URL?.startsWith('postgres')) {
      throw new Error(
        'pg-boss tests need TEST_DATABASE_URL=postgres://… (they belong to the PostgreSQL run)',
      );
    }
    runtime = await createTestRuntime();
  });
  afterEach(async () => {
    for (const queue of queues.splice(0)) await queue.stop();
    await runtime.close();
  });

  it('takes many kinds of jobs enqueued at once from two API processes whose queues do not exist yet', async () => {
    // Two API-only processes (neither works the queue), each sending every kind three times at once, as
    // concurrent requests do: creating the queues must neither deadlock nor fail a send.
    const senders = [createQueue(), createQueue()];
    await Promise.all(
      senders.flatMap((sender, s) =>
        kinds.flatMap((name) =>
          [0, 1, 2].map((n) => sender.enqueue(name, { count: n }, { dedupeKey: `${s}/${name}/${n}` })),
        ),
      ),
    );
    expect(await countJobs()).toBe(2 * kinds.length * 3);
  });
});
