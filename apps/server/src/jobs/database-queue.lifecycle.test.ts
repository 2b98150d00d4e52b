import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestRuntime } from '../../test/runtime.ts';
import { waitFor } from '../../test/smtp.ts';
import { newId } from '../lib/tokens.ts';
import type { Runtime } from '../runtime.ts';
import { DatabaseJobQueue, type DatabaseJobQueueOptions } from './database-queue.ts';
import { createTestClock, defineCountJob, testJobName } from './testing.ts';

describe('database job queue across workers and restarts', () => {
  let runtime: Runtime;
  const queues: DatabaseJobQueue[] = [];
  const createQueue = (options: Partial<DatabaseJobQueueOptions> = {}) => {
    const queue = new DatabaseJobQueue({
      db: runtime.db,
      dialect: runtime.dialect,
      logger: pino({ level: 'silent' }),
      clock: runtime.clock,
      pollIntervalMs: 50,
      ...options,
    });
    queues.push(queue);
    return queue;
  };
  const findJobs = () => runtime.db.selectFrom('jobs').selectAll().orderBy('created_at').execute();
  const findJobById = (id: string) =>
    runtime.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();

  // A job left `running` by a worker that died, locked 10 minutes ago; its lease ran out (or, claimed before
  // leases existed, it has none) unless `leaseExpiresAt` says otherwise.
  async function insertStuckJob(options: {
    attempts: number;
    maxAttempts: number;
    leaseExpiresAt?: string | null;
  }): Promise<string> {
    const id = newId();
    const lockedAt = new Date(runtime.clock.now().getTime() - 10 * 60_000).toISOString();
    await runtime.db
      .insertInto('jobs')
      .values({
        id,
        name: 'test.count',
        payload: JSON.stringify({ count: options.attempts }),
        dedupe_key: null,
        status: 'running',
        attempts: options.attempts,
        max_attempts: options.maxAttempts,
        run_at: lockedAt,
        locked_at: lockedAt,
        locked_by: 'a-worker-that-died',
        lease_expires_at: options.leaseExpiresAt ?? null,
        created_at: lockedAt,
      })
      .execute();
    return id;
  }

  beforeEach(async () => {
    runtime = await createTestRuntime();
  });
  afterEach(async () => {
    for (const queue of queues.splice(0)) await queue.stop();
    await runtime.close();
  });

  it('reclaims a job whose worker stopped responding, and fails one that has no attempts left', async () => {
    const leaseRanOut = new Date(runtime.clock.now().getTime() - 1000).toISOString();
    const retried = await insertStuckJob({ attempts: 1, maxAttempts: 3, leaseExpiresAt: leaseRanOut });
    const exhausted = await insertStuckJob({ attempts: 3, maxAttempts: 3, leaseExpiresAt: leaseRanOut });
    const claimedBeforeLeases = await insertStuckJob({ attempts: 1, maxAttempts: 3 });
    const queue = createQueue();
    queue.register(defineCountJob());
    await queue.start();
    const done = await waitFor(async () => {
      const row = await findJobById(retried);
      return row?.status === 'done' && row;
    });
    expect(done.attempts).toBe(2);
    await waitFor(async () => (await findJobById(claimedBeforeLeases))?.status === 'done');
    expect(await findJobById(exhausted)).toMatchObject({
      status: 'failed',
      last_error: 'The worker running this job stopped responding',
    });
  });

  it('leaves a running job alone while its lease has not run out, however old its lock', async () => {
    const leaseExpiresAt = new Date(runtime.clock.now().getTime() + 60_000).toISOString();
    const id = await insertStuckJob({ attempts: 1, maxAttempts: 3, leaseExpiresAt });
    const queue = createQueue();
    queue.register(defineCountJob());
    await queue.enqueue(testJobName('test.count'), { count: 2 });
    await queue.start();
    // The second job running proves the worker polled (and reclaimed) at least once.
    await waitFor(async () => (await findJobs()).some((j) => j.status === 'done'));
    expect(await findJobById(id)).toMatchObject({ status: 'running', locked_by: 'a-worker-that-died' });
  });

  it('keeps queued jobs across a restart: one instance enqueues, a new one runs them', async () => {
    const before = createQueue();
    before.register(defineCountJob());
    await before.start();
    await before.stop();
    // Stopped: nothing runs these until a new worker starts.
    await before.enqueue(testJobName('test.count'), { count: 1 });
    await before.enqueue(testJobName('test.count'), { count: 2 });

    const seen: number[] = [];
    const after = createQueue();
    after.register(
      defineCountJob({
        handler: ({ count }) => {
          seen.push(count);
          return Promise.resolve();
        },
      }),
    );
    await after.start();
    await waitFor(async () => (await findJobs()).every((j) => j.status === 'done'));
    expect(seen.sort()).toEqual([1, 2]);
  });

  it('waits in stop() for a running handler to finish', async () => {
    let release: () => void = () => {};
    let isRunning = false;
    const queue = createQueue();
    queue.register(
      defineCountJob({
        handler: () => {
          isRunning = true;
          return new Promise<void>((resolve) => (release = resolve));
        },
      }),
    );
    await queue.enqueue(testJobName('test.count'), { count: 1 });
    await queue.start();
    await waitFor(() => isRunning);
    let isStopped = false;
    const stopping = queue.stop().then(() => (isStopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(isStopped).toBe(false);
    release();
    await stopping;
    expect((await findJobs())[0]?.status).toBe('done');
  });

  it('enqueues an hourly job once per hour however many workers start', async () => {
    const clock = createTestClock('2026-11-05T13:20:00.000Z');
    const hourlyJob = {
      ...defineCountJob(),
      name: testJobName('test.hourly'),
      payload: z.object({}),
      repeat: 'hourly' as const,
    };
    for (const queue of [createQueue({ clock }), createQueue({ clock })]) {
      queue.register(hourlyJob);
      await queue.start();
    }
    const rows = await waitFor(async () => {
      const jobs = await findJobs();
      return jobs.length > 0 && jobs.every((j) => j.status === 'done') && jobs;
    });
    expect(rows.map((j) => j.dedupe_key)).toEqual(['test.hourly/2026-11-05-13']);
  });
});
