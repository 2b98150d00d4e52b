import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { JobName } from '@oneway/shared';
import type { Logger } from 'pino';
import type { Db, Dialect } from '../db/database.ts';
import { isoIn, isoNow, type Clock } from '../lib/time.ts';
import { computeBackoffMs, describeError, JobRegistry } from './job-registry.ts';
import * as jobs from './jobs.repository.ts';
import type { JobRow } from './jobs.repository.ts';
import type { EnqueueOptions, JobDefinition, JobQueue } from './queue.ts';
import { startRecurringJobs } from './recurring.ts';

export interface DatabaseJobQueueOptions {
  db: Db;
  dialect: Dialect;
  logger: Logger;
  /** Decides when a job is due and when a lock is stale; the polling itself runs on real timers. */
  clock: Clock;
  /** Jobs run at once by this process. */
  concurrency?: number;
  /** Wait between polls when there was nothing to do. */
  pollIntervalMs?: number;
  /** A job locked longer than this is taken to have lost its worker and is queued again. */
  visibilityTimeoutMs?: number;
  /** How long stop() waits for running handlers before giving up on them. */
  stopTimeoutMs?: number;
}

/**
 * The default queue: jobs are rows in the `jobs` table of the app's own database, so it needs nothing else and
 * survives restarts. Handlers must finish within the visibility timeout or their job may run a second time (they
 * are idempotent, so that costs work, not correctness).
 */
export class DatabaseJobQueue implements JobQueue {
  private readonly registry = new JobRegistry();
  private readonly workerId = `${os.hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  private readonly running = new Set<Promise<void>>();
  private readonly concurrency: number;
  private readonly pollIntervalMs: number;
  private readonly visibilityTimeoutMs: number;
  private readonly stopTimeoutMs: number;
  private loop: Promise<void> | null = null;
  private isStopping = false;
  private stopRecurring: () => void = () => {};
  private wakeSleeper: (() => void) | null = null;
  private hasPendingWake = false;
  private nextReclaimAt = 0;

  constructor(private readonly options: DatabaseJobQueueOptions) {
    this.concurrency = options.concurrency ?? 2;
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.visibilityTimeoutMs = options.visibilityTimeoutMs ?? 5 * 60_000;
    this.stopTimeoutMs = options.stopTimeoutMs ?? 30_000;
  }

  register(definition: JobDefinition): void {
    this.registry.register(definition);
  }

  async enqueue(name: JobName, payload: unknown, options: EnqueueOptions = {}): Promise<void> {
    const definition = this.registry.getDefinition(name);
    const data = this.registry.parsePayload(name, payload);
    const now = isoNow(this.options.clock);
    const runAt = options.runAt ? options.runAt.toISOString() : now;
    const isInserted = await jobs.insertJob(this.options.db, {
      name,
      payload: data,
      dedupeKey: options.dedupeKey ?? null,
      maxAttempts: definition.attempts,
      runAt,
      now,
    });
    if (isInserted && runAt <= now) this.wake();
  }

  start(): Promise<void> {
    if (this.loop) return Promise.resolve();
    this.isStopping = false;
    this.nextReclaimAt = 0;
    this.loop = this.runLoop();
    this.stopRecurring = startRecurringJobs({
      definitions: this.registry.listDefinitions(),
      enqueue: (name, payload, options) => this.enqueue(name, payload, options),
      clock: this.options.clock,
      logger: this.options.logger,
    });
    return Promise.resolve();
  }

  async stop(): Promise<void> {
    if (!this.loop) return;
    this.isStopping = true;
    this.stopRecurring();
    this.wake();
    await this.loop;
    this.loop = null;
    let timer: NodeJS.Timeout | undefined;
    const isDrained = await Promise.race([
      Promise.allSettled(this.running).then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), this.stopTimeoutMs))),
    ]);
    clearTimeout(timer);
    if (!isDrained) {
      // Their jobs stay `running` and are reclaimed after the visibility timeout by whichever worker runs next.
      this.options.logger.warn(
        { running: this.running.size },
        'stopped without waiting for every running job',
      );
    }
  }

  private async runLoop(): Promise<void> {
    let failedPolls = 0;
    while (!this.isStopping) {
      let hasClaimed = false;
      let restMs = this.pollIntervalMs;
      try {
        await this.reclaimStuckJobsWhenDue();
        if (this.running.size < this.concurrency) {
          const job = await jobs.claimNextJob(this.options.db, {
            dialect: this.options.dialect,
            names: this.registry.listDefinitions().map((d) => d.name),
            now: isoNow(this.options.clock),
            workerId: this.workerId,
          });
          if (job) {
            hasClaimed = true;
            this.track(this.runJob(job));
          }
        }
        failedPolls = 0;
      } catch (err) {
        // A database that is away should not fill the log twice a second: rest longer after each failure.
        failedPolls += 1;
        restMs = Math.min(this.pollIntervalMs * 2 ** failedPolls, 30_000);
        this.options.logger.error({ err, retryInMs: restMs }, 'job queue: polling failed');
      }
      // Found work: look again at once, there may be more. Otherwise rest until a poll is due or someone wakes us.
      if (!hasClaimed) await this.sleep(restMs);
    }
  }

  private async runJob(job: JobRow): Promise<void> {
    const { db, clock, logger } = this.options;
    const definition = this.registry.getDefinition(job.name as JobName);
    const log = logger.child({ job: job.name, jobId: job.id, attempt: job.attempts });
    let payload: unknown;
    try {
      payload = definition.payload.parse(JSON.parse(job.payload));
    } catch (err) {
      // Payloads are checked at enqueue; this is a job stored by an older version. Retrying cannot help.
      log.error({ err }, 'job payload no longer fits its schema; marked failed');
      await jobs.markJobFailed(db, job, {
        error: `Invalid payload: ${describeError(err)}`,
        now: isoNow(clock),
      });
      return;
    }
    const context = {
      attempt: job.attempts,
      maxAttempts: job.max_attempts,
      isLastAttempt: job.attempts >= job.max_attempts,
    };
    try {
      await definition.handler(payload, context);
      await jobs.markJobDone(db, job, isoNow(clock));
    } catch (err) {
      const error = describeError(err);
      if (context.isLastAttempt) {
        log.error({ err }, 'job failed for the last time');
        await jobs.markJobFailed(db, job, { error, now: isoNow(clock) });
      } else {
        const delayMs = computeBackoffMs(definition.backoffMs, job.attempts);
        log.warn({ err, retryInMs: delayMs }, 'job failed; will retry');
        await jobs.requeueJob(db, job, { error, runAt: isoIn(clock, delayMs) });
      }
    }
  }

  private track(run: Promise<void>): void {
    const tracked = run
      .catch((err: unknown) =>
        this.options.logger.error({ err }, 'job queue: could not record a job outcome'),
      )
      .finally(() => {
        this.running.delete(tracked);
        this.wake();
      });
    this.running.add(tracked);
  }

  // Reclaiming is cheap but needless on every poll; a few times per visibility timeout is enough.
  private async reclaimStuckJobsWhenDue(): Promise<void> {
    if (Date.now() < this.nextReclaimAt) return;
    this.nextReclaimAt = Date.now() + Math.min(this.visibilityTimeoutMs / 2, 60_000);
    const now = this.options.clock.now();
    const result = await jobs.reclaimStuckJobs(this.options.db, {
      lockedBefore: new Date(now.getTime() - this.visibilityTimeoutMs).toISOString(),
      now: now.toISOString(),
    });
    if (result.requeued + result.failed > 0)
      this.options.logger.warn(result, 'reclaimed jobs of a lost worker');
  }

  private sleep(ms: number): Promise<void> {
    if (this.hasPendingWake || this.isStopping) {
      this.hasPendingWake = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wakeSleeper = null;
        resolve();
      }, ms);
      this.wakeSleeper = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  // Wakes the loop early: after an enqueue of due work in this process, or when a slot frees up.
  private wake(): void {
    const wakeSleeper = this.wakeSleeper;
    this.wakeSleeper = null;
    if (wakeSleeper) wakeSleeper();
    else this.hasPendingWake = true;
  }
}
