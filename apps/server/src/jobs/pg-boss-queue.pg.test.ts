// Runs only in the PostgreSQL run (TEST_DATABASE_URL set): pg-boss needs PostgreSQL.
import { sql } from 'kysely';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestRuntime } from '../../test/runtime.ts';
import { waitFor } from '../../test/smtp.ts';
import type { Runtime } from '../runtime.ts';
import { jobIdForDedupeKey, PgBossJobQueue } from './pg-boss-queue.ts';
import type { JobContext } from './queue.ts';
import { defineCountJob, testJobName } from './testing.ts';

interface BossJobRow {
  id: string;
  state: string;
  retry_count: number;
  data: { count: number };
  output: { message?: string } | null;
}

describe('pg-boss job queue', () => {
  let runtime: Runtime;
  const queues: PgBossJobQueue[] = [];
  const createQueue = () => {
    const queue = new PgBossJobQueue({
      connectionString: runtime.config.databaseUrl,
      logger: pino({ level: 'silent' }),
      clock: runtime.clock,
      pollingIntervalSeconds: 0.5,
    });
    queues.push(queue);
    return queue;
  };
  const findJobs = async () =>
    (
      await sql<BossJobRow>`select id, state, retry_count, data, output from pgboss.job
        where name = 'test.count' order by created_on`.execute(runtime.db)
    ).rows;

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

  it('is the queue the runtime uses on PostgreSQL', () => {
    expect(runtime.queue).toBeInstanceOf(PgBossJobQueue);
  });

  it('runs a job sent by a process that does not work the queue', async () => {
    // An API-only process: it sends (starting pg-boss lazily) but never starts workers.
    const sender = createQueue();
    sender.register(defineCountJob());
    await sender.enqueue(testJobName('test.count'), { count: 7 });

    const seen: number[] = [];
    const worker = createQueue();
    worker.register(
      defineCountJob({
        handler: ({ count }) => {
          seen.push(count);
          return Promise.resolve();
        },
      }),
    );
    await worker.start();
    await waitFor(async () => (await findJobs())[0]?.state === 'completed', { timeoutMs: 10_000 });
    expect(seen).toEqual([7]);
  });

  it('retries a failing job and then succeeds, telling the handler which attempt it is', async () => {
    const contexts: JobContext[] = [];
    const queue = createQueue();
    queue.register(
      defineCountJob({
        attempts: 3,
        backoffMs: 1_000,
        handler: (_payload, context) => {
          contexts.push(context);
          return context.attempt < 2 ? Promise.reject(new Error('not yet')) : Promise.resolve();
        },
      }),
    );
    await queue.enqueue(testJobName('test.count'), { count: 1 });
    await queue.start();
    const job = await waitFor(
      async () => {
        const row = (await findJobs())[0];
        return row?.state === 'completed' && row;
      },
      { timeoutMs: 15_000 },
    );
    expect(job.retry_count).toBe(1);
    expect(contexts).toEqual([
      expect.objectContaining({ attempt: 1, maxAttempts: 3, isLastAttempt: false }),
      expect.objectContaining({ attempt: 2, maxAttempts: 3, isLastAttempt: false }),
    ]);
  });

  it('marks a job failed after its last attempt, keeping the error', async () => {
    const queue = createQueue();
    queue.register(
      defineCountJob({ attempts: 2, backoffMs: 1_000, handler: () => Promise.reject(new Error('gave up')) }),
    );
    await queue.enqueue(testJobName('test.count'), { count: 1 });
    await queue.start();
    const job = await waitFor(
      async () => {
        const row = (await findJobs())[0];
        return row?.state === 'failed' && row;
      },
      { timeoutMs: 15_000 },
    );
    expect(job.retry_count).toBe(1);
    expect(job.output?.message).toBe('gave up');
  });

  it('makes a second enqueue with the same dedupe key a no-op', async () => {
    const queue = createQueue();
    queue.register(defineCountJob());
    await queue.enqueue(testJobName('test.count'), { count: 1 }, { dedupeKey: 'count/1' });
    await queue.enqueue(testJobName('test.count'), { count: 2 }, { dedupeKey: 'count/1' });
    await queue.enqueue(testJobName('test.count'), { count: 3 }, { dedupeKey: 'count/2' });
    const jobs = await findJobs();
    expect(jobs.map((j) => j.data.count)).toEqual([1, 3]);
    expect(jobs[0]?.id).toBe(jobIdForDedupeKey(testJobName('test.count'), 'count/1'));
  });

  it('refuses a payload that does not fit the schema', async () => {
    const queue = createQueue();
    queue.register(defineCountJob());
    await expect(queue.enqueue(testJobName('test.count'), { count: 'x' })).rejects.toThrow(/Invalid payload/);
  });

  it('lets a job run for the timeout derived from its work, and stops its handler at that timeout', async () => {
    const signals: AbortSignal[] = [];
    const queue = createQueue();
    queue.register(
      defineCountJob({
        attempts: 1,
        // 2 s per count: the job below may run 2 s before pg-boss's own expiry a minute later.
        resolveTimeoutMs: ({ count }) => Promise.resolve(count * 1000),
        handler: (_payload, { signal }) => {
          signals.push(signal);
          return new Promise<void>((_resolve, reject) =>
            signal.addEventListener('abort', () => reject(new Error('ffmpeg was killed'))),
          );
        },
      }),
    );
    await queue.enqueue(testJobName('test.count'), { count: 2 });
    const expiry = await sql<{ seconds: string }>`select extract(epoch from expire_in) as seconds
      from pgboss.job where name = 'test.count'`.execute(runtime.db);
    expect(Number(expiry.rows[0]?.seconds)).toBe(62);
    await queue.start();
    const job = await waitFor(
      async () => {
        const row = (await findJobs())[0];
        return row?.state === 'failed' && row;
      },
      { timeoutMs: 15_000 },
    );
    expect(signals[0]?.aborted).toBe(true);
    expect(job.output?.message).toBe('The job took longer than its time limit (2 s) and was stopped');
  });
});
