import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestRuntime } from '../../test/runtime.ts';
import { waitFor } from '../../test/smtp.ts';
import type { Runtime } from '../runtime.ts';
import { DatabaseJobQueue, type DatabaseJobQueueOptions } from './database-queue.ts';
import { createTestClock, defineCountJob, testJobName } from './testing.ts';

// Leases on the database queue: the clock is a test clock, so "ten minutes" pass in milliseconds; heartbeats and
// polls run on short real timers.
describe('job leases on the database queue', () => {
  let runtime: Runtime;
  const clock = createTestClock();
  const queues: DatabaseJobQueue[] = [];
  const createQueue = (options: Partial<DatabaseJobQueueOptions> = {}) => {
    const queue = new DatabaseJobQueue({
      db: runtime.db,
      dialect: runtime.dialect,
      logger: pino({ level: 'silent' }),
      clock,
      pollIntervalMs: 10,
      leaseMs: 60_000,
      heartbeatEveryMs: 10,
      reclaimEveryMs: 10,
      ...options,
    });
    queues.push(queue);
    return queue;
  };
  const findJob = () => runtime.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();

  beforeEach(async () => {
    runtime = await createTestRuntime();
  });
  afterEach(async () => {
    for (const queue of queues.splice(0)) await queue.stop();
    await runtime.close();
  });

  it('runs a job that works longer than the old five-minute reclaim once, with another worker polling', async () => {
    let runs = 0;
    let finish: () => void = () => {};
    const slowJob = defineCountJob({
      timeoutMs: 60 * 60_000,
      handler: () => {
        runs += 1;
        return new Promise<void>((resolve) => (finish = resolve));
      },
    });
    const first = createQueue();
    first.register(slowJob);
    await first.enqueue(testJobName('test.count'), { count: 1 });
    await first.start();
    await waitFor(() => runs === 1);

    // Ten minutes pass while the handler works, 40 s at a time: after each step the worker's heartbeat pushes the
    // lease a minute past the new time, as it would every 30 s of a real run.
    const second = createQueue();
    second.register(slowJob);
    for (let step = 1; step <= 15; step += 1) {
      clock.advance(40_000);
      const renewedPast = clock.now().getTime() + 30_000;
      await waitFor(async () => Date.parse((await findJob()).lease_expires_at ?? '') > renewedPast);
      // A second worker starts once the job is older than the old reclaim time, and polls from then on.
      if (step === 8) await second.start();
    }
    const running = await findJob();
    expect(running).toMatchObject({ status: 'running', attempts: 1 });

    finish();
    await waitFor(async () => (await findJob()).status === 'done');
    expect(runs).toBe(1);
    expect(await findJob()).toMatchObject({ attempts: 1, lease_expires_at: null });
  });

  it('stops a try at its timeout through its signal and retries it with the reason', async () => {
    const signals: AbortSignal[] = [];
    const queue = createQueue();
    queue.register(
      defineCountJob({
        // Shorter than the lease, so the job is stopped by its timeout and never reclaimed as lost.
        timeoutMs: 45_000,
        backoffMs: 60_000,
        handler: (_payload, { signal }) => {
          signals.push(signal);
          return new Promise<void>((_resolve, reject) =>
            signal.addEventListener('abort', () => reject(new Error('ffmpeg was killed'))),
          );
        },
      }),
    );
    await queue.enqueue(testJobName('test.count'), { count: 1 });
    await queue.start();
    await waitFor(() => signals.length === 1);
    clock.advance(45_000);
    const requeued = await waitFor(async () => {
      const row = await findJob();
      return row.status === 'queued' && row;
    });
    expect(signals[0]?.aborted).toBe(true);
    expect(requeued.last_error).toBe('The job took longer than its time limit (45 s) and was stopped');
    expect(requeued.lease_expires_at).toBeNull();
  });

  it('stores the timeout a job kind derives from the payload when it is queued', async () => {
    const queue = createQueue();
    queue.register(defineCountJob({ resolveTimeoutMs: ({ count }) => Promise.resolve(count * 60_000) }));
    await queue.enqueue(testJobName('test.count'), { count: 7 });
    expect(await findJob()).toMatchObject({ timeout_ms: 420_000, status: 'queued' });
  });

  it('takes a job back from a worker that stopped renewing its lease, and runs it again', async () => {
    const signals: AbortSignal[] = [];
    let runs = 0;
    const job = defineCountJob({
      handler: (_payload, { signal }) => {
        runs += 1;
        signals.push(signal);
        // The first run hangs (as on a stalled worker) until that worker is stopped; the second finishes.
        if (runs > 1) return Promise.resolve();
        return new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
      },
    });
    // The first worker's heartbeat is too slow to keep its lease while the clock jumps: its job is reclaimed.
    const stalled = createQueue({ heartbeatEveryMs: 60 * 60_000, stopTimeoutMs: 10 });
    stalled.register(job);
    await stalled.enqueue(testJobName('test.count'), { count: 1 });
    await stalled.start();
    await waitFor(() => runs === 1);
    clock.advance(61_000);
    const other = createQueue();
    other.register(job);
    await other.start();
    await waitFor(async () => (await findJob()).status === 'done');
    expect(runs).toBe(2);
    expect(await findJob()).toMatchObject({ attempts: 2 });
  });
});
