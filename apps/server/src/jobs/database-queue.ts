import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { JobName } from '@oneway/shared';
import type { Logger } from 'pino';
import type { Db, Dialect } from '../db/database.ts';
import type { JobBacklog } from '../lib/metrics.ts';
import { isoIn, isoNow, type Clock } from '../lib/time.ts';
import { JobLostError, JobTimeoutError, jobLeaseMs, startHeartbeat } from './job-lease.ts';
import { computeBackoffMs, describeError, JobRegistry, timeoutMsOf } from './job-registry.ts';
import * as jobs from './jobs.repository.ts';
import type { JobRow } from './jobs.repository.ts';
import type { EnqueueOptions, JobDefinition, JobQueue } from './queue.ts';
import { startRecurringJobs } from './recurring.ts';

export interface DatabaseJobQueueOptions {
  db: Db;
  dialect: Dialect;
  logger: Logger;
  /** Decides when a job is due, when a lease runs out and when a try is over time; timers run on real time. */
  clock: Clock;
  /** Jobs run at once by this process. */
  concurrency?: number;
  /** Wait between polls when there was nothing to do. */
  pollIntervalMs?: number;
  /** A running job whose lease was not renewed for this long has lost its worker and is queued again. */
  leaseMs?: number;
  /** How often a worker renews the lease of each job it runs (default a quarter of the lease). */
  heartbeatEveryMs?: number;
  /** How often a worker looks for jobs whose lease ran out (default half the lease, at most a minute). */
  reclaimEveryMs?: number;
  /** How long stop() waits for running handlers before giving up on them. */
  stopTimeoutMs?: number;
}

/** Jobs claimed before leases existed have none: their lock's age decides, as it did then. */
const legacyLockTimeoutMs = 5 * 60_000;

/**
 * The default queue: jobs are rows in the `jobs` table of the app's own database, so it needs nothing else and
 * survives restarts. A running job holds a lease its worker renews while the handler runs, so a job is run again
 * only when its worker died or hung, however long the work takes; each try is stopped at its timeout.
 */
export class DatabaseJobQueue implements JobQueue {
  private readonly registry = new JobRegistry();
  private readonly workerId = `${os.hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  private readonly running = new Set<Promise<void>>();
  private readonly concurrency: number;
  private readonly pollIntervalMs: number;
  private readonly leaseMs: number;
  private readonly heartbeatEveryMs: number;
  private readonly reclaimEveryMs: number;
  private readonly stopTimeoutMs: number;
  /** Stops the heartbeat of each running job and aborts it: used when stop() gives up waiting. */
  private readonly abandonRunning = new Set<() => void>();
  private loop: Promise<void> | null = null;
  private isStopping = false;
  private stopRecurring: () => void = () => {};
  private wakeSleeper: (() => void) | null = null;
  private hasPendingWake = false;
  private nextReclaimAt = 0;

  constructor(private readonly options: DatabaseJobQueueOptions) {
    this.concurrency = options.concurrency ?? 2;
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.leaseMs = options.leaseMs ?? jobLeaseMs;
    this.heartbeatEveryMs = options.heartbeatEveryMs ?? this.leaseMs / 4;
    this.reclaimEveryMs = options.reclaimEveryMs ?? Math.min(this.leaseMs / 2, 60_000);
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
      timeoutMs: await this.registry.resolveTimeoutMs(name, data),
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
      // Their leases are no longer renewed: the jobs are reclaimed once they run out, by whichever worker runs next.
      for (const abandon of this.abandonRunning) abandon();
      this.options.logger.warn(
        { running: this.running.size },
        'stopped without waiting for every running job',
      );
    }
  }

  describeBacklog(): Promise<JobBacklog[]> {
    return jobs.describeBacklog(this.options.db, isoNow(this.options.clock));
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
            leaseExpiresAt: isoIn(this.options.clock, this.leaseMs),
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
    const timeoutMs = job.timeout_ms ?? timeoutMsOf(definition);
    const lease = this.holdLease(job, timeoutMs, log);
    const context = {
      attempt: job.attempts,
      maxAttempts: job.max_attempts,
      isLastAttempt: job.attempts >= job.max_attempts,
      signal: lease.signal,
    };
    try {
      await definition.handler(payload, context);
      lease.release();
      await jobs.markJobDone(db, job, isoNow(clock));
    } catch (err) {
      lease.release();
      // An aborted try reports why it was stopped, whatever the handler threw on the way out.
      const error = describeError(lease.signal.aborted ? lease.signal.reason : err);
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

  /**
   * Renews the job's lease while its handler runs, and aborts the handler's signal once the try is past its
   * timeout (then stops renewing, so a handler that ignores the signal loses the job a lease later) or once the job
   * is no longer this worker's. Outcomes written after that change nothing (see updateClaimedJob).
   */
  private holdLease(job: JobRow, timeoutMs: number, log: Logger) {
    const { db, clock } = this.options;
    const controller = new AbortController();
    const deadline = Date.parse(job.locked_at ?? isoNow(clock)) + timeoutMs;
    const stop = () => {
      stopHeartbeat();
      this.abandonRunning.delete(abandon);
    };
    const abort = (reason: Error) => {
      stop();
      if (!controller.signal.aborted) controller.abort(reason);
    };
    const abandon = () => abort(new Error('The worker stopped before the job finished'));
    const stopHeartbeat = startHeartbeat({
      everyMs: this.heartbeatEveryMs,
      renew: async () => {
        const now = clock.now().getTime();
        if (now >= deadline) return abort(new JobTimeoutError(timeoutMs));
        const leaseExpiresAt = new Date(now + this.leaseMs).toISOString();
        if (!(await jobs.renewJobLease(db, job, leaseExpiresAt))) abort(new JobLostError());
      },
      onError: (err) => log.warn({ err }, 'job queue: could not renew a lease; will try again'),
    });
    this.abandonRunning.add(abandon);
    return { signal: controller.signal, release: stop };
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

  // Reclaiming is cheap but needless on every poll; a few times per lease is enough.
  private async reclaimStuckJobsWhenDue(): Promise<void> {
    if (Date.now() < this.nextReclaimAt) return;
    this.nextReclaimAt = Date.now() + this.reclaimEveryMs;
    const now = this.options.clock.now();
    const result = await jobs.reclaimStuckJobs(this.options.db, {
      now: now.toISOString(),
      lockedBefore: new Date(now.getTime() - legacyLockTimeoutMs).toISOString(),
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
