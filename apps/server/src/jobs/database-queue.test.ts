import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitFor } from '../../test/smtp.ts';
import { createTestRuntime } from '../../test/runtime.ts';
import type { Runtime } from '../runtime.ts';
import { DatabaseJobQueue, type DatabaseJobQueueOptions } from './database-queue.ts';
import type { JobContext } from './queue.ts';
import { createTestClock, defineCountJob as defineJob, testJobName as testJob } from './testing.ts';

describe('database job queue', () => {
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
  const findJob = async () => (await findJobs())[0];

  beforeEach(async () => {
    runtime = await createTestRuntime();
  });
  afterEach(async () => {
    for (const queue of queues.splice(0)) await queue.stop();
    await runtime.close();
  });

  it('runs a queued job with its payload and marks it done', async () => {
    const seen: number[] = [];
    const queue = createQueue();
    queue.register(
      defineJob({
        handler: ({ count }) => {
          seen.push(count);
          return Promise.resolve();
        },
      }),
    );
    await queue.enqueue(testJob('test.count'), { count: 7 });
    await queue.start();
    const job = await waitFor(async () => {
      const row = await findJob();
      return row?.status === 'done' && row;
    });
    expect(seen).toEqual([7]);
    expect(job).toMatchObject({ attempts: 1, last_error: null, locked_by: null });
    expect(job.finished_at).not.toBeNull();
  });

  it('retries a failing job after a growing, jittered delay and then succeeds', async () => {
    const clock = createTestClock();
    const start = clock.now().getTime();
    let calls = 0;
    const queue = createQueue({ clock });
    queue.register(
      defineJob({
        backoffMs: 60_000,
        handler: () => {
          calls += 1;
          return calls < 3 ? Promise.reject(new Error(`boom ${calls}`)) : Promise.resolve();
        },
      }),
    );
    await queue.enqueue(testJob('test.count'), { count: 1 });
    await queue.start();

    const first = await waitFor(async () => {
      const row = await findJob();
      return row?.attempts === 1 && row.status === 'queued' && row;
    });
    expect(first.last_error).toBe('boom 1');
    const firstDelay = Date.parse(first.run_at) - start;
    expect(firstDelay).toBeGreaterThanOrEqual(48_000);
    expect(firstDelay).toBeLessThanOrEqual(72_000);

    clock.advance(72_001);
    const second = await waitFor(async () => {
      const row = await findJob();
      return row?.attempts === 2 && row.status === 'queued' && row;
    });
    expect(second.last_error).toBe('boom 2');
    const secondDelay = Date.parse(second.run_at) - clock.now().getTime();
    expect(secondDelay).toBeGreaterThanOrEqual(96_000);
    expect(secondDelay).toBeLessThanOrEqual(144_000);

    clock.advance(144_001);
    const done = await waitFor(async () => {
      const row = await findJob();
      return row?.status === 'done' && row;
    });
    expect(done.attempts).toBe(3);
    expect(calls).toBe(3);
  });

  it('marks a job failed after its last attempt and tells the handler which attempt it is', async () => {
    const contexts: JobContext[] = [];
    const queue = createQueue();
    queue.register(
      defineJob({
        attempts: 2,
        handler: (_payload, context) => {
          contexts.push(context);
          return Promise.reject(new Error('mail server said no'));
        },
      }),
    );
    await queue.enqueue(testJob('test.count'), { count: 1 });
    await queue.start();
    const job = await waitFor(async () => {
      const row = await findJob();
      return row?.status === 'failed' && row;
    });
    expect(job).toMatchObject({ attempts: 2, last_error: 'mail server said no', locked_at: null });
    expect(job.finished_at).not.toBeNull();
    expect(contexts).toEqual([
      expect.objectContaining({ attempt: 1, maxAttempts: 2, isLastAttempt: false }),
      expect.objectContaining({ attempt: 2, maxAttempts: 2, isLastAttempt: true }),
    ]);
  });

  it('makes a second enqueue with the same dedupe key a no-op, also after the job ran', async () => {
    let calls = 0;
    const queue = createQueue();
    queue.register(
      defineJob({
        handler: () => {
          calls += 1;
          return Promise.resolve();
        },
      }),
    );
    await queue.enqueue(testJob('test.count'), { count: 1 }, { dedupeKey: 'count/1' });
    await queue.enqueue(testJob('test.count'), { count: 2 }, { dedupeKey: 'count/1' });
    expect(await findJobs()).toHaveLength(1);
    await queue.start();
    await waitFor(async () => (await findJob())?.status === 'done');
    await queue.enqueue(testJob('test.count'), { count: 3 }, { dedupeKey: 'count/1' });
    const rows = await findJobs();
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.payload)).toEqual({ count: 1 });
    expect(calls).toBe(1);
  });

  it('refuses a payload that does not fit the schema, storing nothing', async () => {
    const queue = createQueue();
    queue.register(defineJob());
    await expect(queue.enqueue(testJob('test.count'), { count: 'seven' })).rejects.toThrow(
      /Invalid payload for job test\.count/,
    );
    await expect(queue.enqueue(testJob('test.unknown'), {})).rejects.toThrow(/not registered/);
    expect(await findJobs()).toHaveLength(0);
  });
});
