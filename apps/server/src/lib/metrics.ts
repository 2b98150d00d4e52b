import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** What waits and runs in the job queue, per kind of job (both drivers answer it). */
export interface JobBacklog {
  name: string;
  waiting: number;
  running: number;
  /** When the job that has waited longest became due; null when none waits. */
  oldestDueAt: string | null;
}

/**
 * This process's Prometheus metrics, in a registry of its own (tests build many runtimes in one process). Counters
 * count what this process did; the queue's depth and age and the workers' last heartbeat are read from the database
 * when scraped, so any node reports them for the whole installation.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'oneway_' });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({
      name: 'oneway_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status (chunk PATCHes are counted as upload bytes)',
      labelNames: ['method', 'route', 'status'] as const,
      registers,
    }),
    uploadBytes: new Counter({
      name: 'oneway_upload_bytes_total',
      help: 'Bytes of recordings accepted by tus PATCH requests',
      registers,
    }),
    uploadsActive: new Gauge({
      name: 'oneway_uploads_active',
      help: 'tus PATCH requests streaming into this process now',
      registers,
    }),
    jobFailures: new Counter({
      name: 'oneway_job_failures_total',
      help: 'Job tries that failed in this process, by job kind; final="true" when no try is left',
      labelNames: ['job', 'final'] as const,
      registers,
    }),
    processingSecondsPerAnswerSecond: new Histogram({
      name: 'oneway_processing_seconds_per_answer_second',
      help: 'Wall-clock seconds take.process spent per second of processed answer',
      buckets: [0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 2, 5],
      registers,
    }),
    mail: new Counter({
      name: 'oneway_mail_total',
      help: 'E-mails handed to the mail transport (smtp or outbox), by outcome: sent or failed (after the last try)',
      labelNames: ['transport', 'outcome'] as const,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** Gauges read from the database at each scrape: the queue per job kind, and the last worker heartbeat. */
export function registerDatabaseGauges(
  metrics: Metrics,
  sources: {
    describeBacklog(): Promise<JobBacklog[]>;
    findLastWorkerSeenAt(): Promise<string | null>;
    now(): Date;
  },
): void {
  const registers = [metrics.registry];
  // One read per scrape serves all three queue gauges.
  let pending: Promise<JobBacklog[]> | null = null;
  const backlog = () => {
    pending ??= sources.describeBacklog().finally(() => setImmediate(() => (pending = null)));
    return pending;
  };
  new Gauge({
    name: 'oneway_jobs_waiting',
    help: 'Jobs due and waiting for a worker, by job kind',
    labelNames: ['job'] as const,
    registers,
    async collect() {
      this.reset();
      for (const row of await backlog()) this.set({ job: row.name }, row.waiting);
    },
  });
  new Gauge({
    name: 'oneway_jobs_running',
    help: 'Jobs being worked on now, by job kind',
    labelNames: ['job'] as const,
    registers,
    async collect() {
      this.reset();
      for (const row of await backlog()) this.set({ job: row.name }, row.running);
    },
  });
  new Gauge({
    name: 'oneway_jobs_oldest_waiting_seconds',
    help: 'How long the job that has waited longest has been due, by job kind (0 when none waits)',
    labelNames: ['job'] as const,
    registers,
    async collect() {
      this.reset();
      const now = sources.now().getTime();
      for (const row of await backlog()) {
        const age = row.oldestDueAt ? Math.max(0, (now - Date.parse(row.oldestDueAt)) / 1000) : 0;
        this.set({ job: row.name }, age);
      }
    },
  });
  new Gauge({
    name: 'oneway_worker_last_seen_seconds',
    help: 'Seconds since any worker process last said it was alive (-1 when none ever did)',
    registers,
    async collect() {
      const seenAt = await sources.findLastWorkerSeenAt();
      this.set(seenAt ? Math.max(0, (sources.now().getTime() - Date.parse(seenAt)) / 1000) : -1);
    },
  });
}
