import type { JobName } from '@oneway/shared';
import type { z } from 'zod';
import type { JobBacklog } from '../lib/metrics.ts';

/** Which try this is, so a handler can record a final failure where people will see it. */
export interface JobContext {
  /** 1 on the first try. */
  attempt: number;
  maxAttempts: number;
  /** True when a failure now marks the job failed instead of retrying it. */
  isLastAttempt: boolean;
  /**
   * Aborted when this try has run past its timeout or its worker lost the job; a handler passes it to long work
   * (ffmpeg) so the work stops with the try instead of running on beside a retry.
   */
  signal: AbortSignal;
}

/** A kind of job: its payload schema, how often it is tried, and the handler that does the work. */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: JobName;
  payload: S;
  /** Total tries before the job is marked failed. */
  attempts: number;
  /** First retry delay; doubles on each further try (with jitter). */
  backoffMs: number;
  /**
   * Enqueued by every started worker with the dedupe key `<name>/<yyyy-mm-dd-hh>` (hourly) or `<name>/<yyyy-mm-dd>`
   * (daily, UTC days), so it runs about that often however many workers there are; `once`: when a worker starts,
   * with the key `<name>/once` (a one-off data migration, idempotent since it may run again after a restart once
   * the queue forgot the key). The payload is `{}`.
   */
  repeat?: 'hourly' | 'daily' | 'once';
  /** Longest one try may run (default defaultJobTimeoutMs); the try is aborted and counts as failed after it. */
  timeoutMs?: number;
  /**
   * The timeout of one job, from its work (an answer's length for take.process); asked once when the job is
   * queued, and stored with it. Falls back to timeoutMs.
   */
  resolveTimeoutMs?(payload: z.infer<S>): Promise<number>;
  // Method syntax on purpose: its parameters are checked bivariantly, so a definition with a specific payload
  // type can be registered where a JobDefinition of unknown payload is expected.
  handler(payload: z.infer<S>, context: JobContext): Promise<void>;
}

export interface EnqueueOptions {
  /** A second enqueue with the same key is a no-op (e.g. `email/<id>`). */
  dedupeKey?: string;
  runAt?: Date;
}

/** The one queue interface; drivers: database (default) and pg-boss (PostgreSQL). */
export interface JobQueue {
  /** Validates the payload against the definition's schema (throws when it does not fit) and stores the job. */
  enqueue(name: JobName, payload: unknown, options?: EnqueueOptions): Promise<void>;
  /** Register handlers before start(); only worker processes start. */
  register(definition: JobDefinition): void;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Jobs waiting (due) and running per kind, for metrics; any process can ask, worker or not. */
  describeBacklog(): Promise<JobBacklog[]>;
}
