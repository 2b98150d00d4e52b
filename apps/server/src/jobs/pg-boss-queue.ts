import { createHash } from 'node:crypto';
import type { JobName } from '@oneway/shared';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { JobBacklog } from '../lib/metrics.ts';
import type { Clock } from '../lib/time.ts';
import { JobTimeoutError } from './job-lease.ts';
import { JobRegistry } from './job-registry.ts';
import type { EnqueueOptions, JobDefinition, JobQueue } from './queue.ts';
import { startRecurringJobs } from './recurring.ts';
import { retryOnDeadlock } from './retry-on-deadlock.ts';

export interface PgBossJobQueueOptions {
  connectionString: string;
  logger: Logger;
  /** Only used to name the hour of recurring jobs; pg-boss keeps its own time in PostgreSQL. */
  clock: Clock;
  /** pg-boss workers per job kind in this process; each takes one job at a time. */
  workersPerQueue?: number;
  /** How often an idle worker asks for work (pg-boss allows 0.5 s at least). */
  pollingIntervalSeconds?: number;
  /** How long stop() waits for running handlers. */
  stopTimeoutMs?: number;
}

/**
 * A stable job id for a dedupe key. pg-boss inserts jobs with `on conflict do nothing`, so a second send with the
 * same id is a no-op for as long as the first job is in pg-boss's job table: while it waits, runs or retries, and
 * after it ends until pg-boss archives it (12 hours by default). pg-boss's own `singletonKey` is weaker (on a
 * standard queue it only throttles with singletonSeconds; the `short` policy dedupes only while a job waits), and
 * our key means "this work once". Past the archive window a repeat is possible, which idempotent handlers absorb.
 */
export function jobIdForDedupeKey(name: JobName, dedupeKey: string): string {
  const bytes = createHash('sha256').update(`${name}\n${dedupeKey}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80; // UUID version 8: "custom", which is what this is
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Time between our abort of a try at its timeout and pg-boss's own expiry of the job. */
const pgBossExpiryGraceSeconds = 60;

/** The queue on PostgreSQL: pg-boss in the app's database (its own `pgboss` schema), for many workers. */
export class PgBossJobQueue implements JobQueue {
  private readonly registry = new JobRegistry();
  private boss: PgBoss;
  private starting: Promise<void> | null = null;
  /** Each kind's queue, created once per started pg-boss, one after the other on `queueChain` (ensureQueues). */
  private readonly queuesCreated = new Map<JobName, Promise<void>>();
  private queueChain: Promise<void> = Promise.resolve();
  private workerIds: string[] = [];
  private isWorking = false;
  private stopRecurring: () => void = () => {};

  constructor(private readonly options: PgBossJobQueueOptions) {
    this.boss = this.createBoss();
  }

  register(definition: JobDefinition): void {
    this.registry.register(definition);
  }

  async enqueue(name: JobName, payload: unknown, options: EnqueueOptions = {}): Promise<void> {
    const definition = this.registry.getDefinition(name);
    const data = this.registry.parsePayload(name, payload);
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw new Error(`Invalid payload for job ${name}: pg-boss stores objects only`);
    }
    await this.ensureQueues();
    const timeoutMs = await this.registry.resolveTimeoutMs(name, data);
    // Another process creating a queue can still deadlock with this insert: PostgreSQL aborts one, which retries.
    const id = await this.retryDeadlock(() =>
      this.boss.send(name, data, {
        // pg-boss 10 has no heartbeat: an active job is failed (and retried) once it is older than this, so it is
        // the try's own timeout plus a minute, in which our abort (below) has stopped the work.
        expireInSeconds: Math.ceil(timeoutMs / 1000) + pgBossExpiryGraceSeconds,
        id: options.dedupeKey ? jobIdForDedupeKey(name, options.dedupeKey) : undefined,
        // Not what dedupes (see jobIdForDedupeKey); kept so the key shows next to the job in pg-boss's tables.
        singletonKey: options.dedupeKey,
        retryLimit: definition.attempts - 1,
        // pg-boss counts whole seconds and, with backoff, waits retryDelay * 2^(n-1) * (1 + random) before retry n.
        retryDelay: Math.max(1, Math.round(definition.backoffMs / 1000)),
        retryBackoff: true,
        startAfter: options.runAt,
      }),
    );
    // A worker in this process need not wait for its next poll.
    if (id && !options.runAt) for (const workerId of this.workerIds) this.boss.notifyWorker(workerId);
  }

  async start(): Promise<void> {
    if (this.isWorking) return;
    this.isWorking = true;
    const { logger, workersPerQueue = 2, pollingIntervalSeconds = 2 } = this.options;
    await this.ensureQueues();
    for (const definition of this.registry.listDefinitions()) {
      for (let i = 0; i < workersPerQueue; i += 1) {
        const workerId = await this.boss.work<Record<string, unknown>>(
          definition.name,
          { includeMetadata: true, batchSize: 1, pollingIntervalSeconds },
          (batch) => this.runBatch(definition, batch),
        );
        this.workerIds.push(workerId);
      }
    }
    this.stopRecurring = startRecurringJobs({
      definitions: this.registry.listDefinitions(),
      enqueue: (name, payload, options) => this.enqueue(name, payload, options),
      clock: this.options.clock,
      logger,
    });
  }

  async stop(): Promise<void> {
    this.stopRecurring();
    this.stopRecurring = () => {};
    const starting = this.starting;
    if (!starting) return;
    this.starting = null;
    this.queuesCreated.clear();
    this.queueChain = Promise.resolve();
    this.workerIds = [];
    this.isWorking = false;
    const boss = this.boss;
    this.boss = this.createBoss();
    try {
      await starting;
    } catch {
      return; // never started, nothing to stop
    }
    await boss.stop({ graceful: true, wait: true, timeout: this.options.stopTimeoutMs ?? 30_000 });
  }

  /** From pg-boss's job table: waiting means created or retry and due; running means active. */
  async describeBacklog(): Promise<JobBacklog[]> {
    await this.ensureStarted();
    const { rows } = await this.boss.getDb().executeSql(
      `select name,
         count(*) filter (where state in ('created', 'retry') and start_after <= now()) as waiting,
         count(*) filter (where state = 'active') as running,
         min(start_after) filter (where state in ('created', 'retry') and start_after <= now()) as oldest
       from pgboss.job where state in ('created', 'retry', 'active') group by name`,
      [],
    );
    // count() comes back as text through pg; timestamptz as a Date.
    const backlog = rows as { name: string; waiting: string; running: string; oldest: Date | null }[];
    return backlog.map((row) => ({
      name: row.name,
      waiting: Number(row.waiting),
      running: Number(row.running),
      oldestDueAt: row.oldest ? new Date(row.oldest).toISOString() : null,
    }));
  }

  private createBoss(): PgBoss {
    const boss = new PgBoss({
      connectionString: this.options.connectionString,
      application_name: 'oneway-jobs',
      max: 4,
      // Recurring jobs come from startRecurringJobs, the same for both drivers; pg-boss's cron is not needed.
      schedule: false,
    });
    // pg-boss reports background failures (maintenance, polling) as events; unhandled, they would crash the process.
    boss.on('error', (err) => this.options.logger.error({ err }, 'pg-boss reported an error'));
    return boss;
  }

  // Sending needs a started boss too, so an API-only process starts it on its first enqueue; a worker in start().
  private ensureStarted(): Promise<void> {
    this.starting ??= this.boss.start().then(
      () => undefined,
      (err: unknown) => {
        // A failed start leaves pg-boss half-initialised; the next call begins again with a fresh instance.
        this.starting = null;
        this.boss = this.createBoss();
        throw err;
      },
    );
    return this.starting;
  }

  /**
   * Creates the queue of every registered kind, once per started pg-boss and serially: pg-boss creates a queue by
   * attaching a partition to its job table, and two creations (or a creation and a send) at once deadlocked
   * (40P01), failing the request that enqueued. A worker does it in start(); an API-only process on its first
   * enqueue, so concurrent requests all wait on this one chain. A deadlock with another process is retried.
   */
  private async ensureQueues(): Promise<void> {
    const created: Promise<void>[] = [];
    for (const { name } of this.registry.listDefinitions()) {
      let queue = this.queuesCreated.get(name);
      if (!queue) {
        // Each creation waits for the one before it, whether that one worked or not.
        queue = this.queueChain
          .catch(() => undefined)
          .then(() => this.ensureStarted())
          .then(() => this.retryDeadlock(() => this.boss.createQueue(name)));
        const mine = queue;
        // A failed creation is tried again by the next enqueue rather than failing every later one.
        mine.catch(() => {
          if (this.queuesCreated.get(name) === mine) this.queuesCreated.delete(name);
        });
        this.queuesCreated.set(name, queue);
        this.queueChain = queue;
      }
      created.push(queue);
    }
    await Promise.all(created);
  }

  private retryDeadlock<T>(work: () => Promise<T>): Promise<T> {
    return retryOnDeadlock(work, {
      onRetry: (err, attempt) =>
        this.options.logger.warn(
          { err, attempt },
          'PostgreSQL chose this job-queue query as a deadlock victim; trying again',
        ),
    });
  }

  private async runBatch(
    definition: JobDefinition,
    batch: PgBoss.JobWithMetadata<Record<string, unknown>>[],
  ): Promise<{ error: string } | undefined> {
    for (const job of batch) {
      const log = this.options.logger.child({
        job: definition.name,
        jobId: job.id,
        attempt: job.retryCount + 1,
      });
      const parsed = definition.payload.safeParse(job.data);
      if (!parsed.success) {
        // Stored by an older version; retrying cannot help. The returned output is kept on the finished job.
        log.error({ issues: parsed.error.issues }, 'job payload no longer fits its schema; dropped');
        return { error: `Invalid payload: ${parsed.error.message}` };
      }
      // The try's timeout as queued (see enqueue): the handler is told to stop then, before pg-boss expires it.
      // (PostgreSQL's numeric comes as text through pg, whatever pg-boss's types say.)
      const timeoutMs = Math.max(1, Number(job.expireInSeconds) - pgBossExpiryGraceSeconds) * 1000;
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(new JobTimeoutError(timeoutMs)), timeoutMs);
      const context = {
        attempt: job.retryCount + 1,
        maxAttempts: job.retryLimit + 1,
        isLastAttempt: job.retryCount >= job.retryLimit,
        signal: controller.signal,
      };
      try {
        await definition.handler(parsed.data, context);
      } catch (thrown) {
        // An aborted try reports why it was stopped, whatever the handler threw on the way out.
        const err: unknown = controller.signal.aborted ? controller.signal.reason : thrown;
        // pg-boss stores the error as the job's output and schedules the retry; the log is for people.
        if (context.isLastAttempt) log.error({ err }, 'job failed for the last time');
        else log.warn({ err }, 'job failed; will retry');
        throw err;
      } finally {
        clearTimeout(timer);
      }
    }
    return undefined;
  }
}
