import type { JobName } from '@oneway/shared';
import type { z } from 'zod';

/** A kind of job: its payload schema, how often it is tried, and the handler that does the work. */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: JobName;
  payload: S;
  /** Total tries before the job is marked failed. */
  attempts: number;
  /** First retry delay; doubles on each further try (with jitter). */
  backoffMs: number;
  handler: (payload: z.infer<S>) => Promise<void>;
}

export interface EnqueueOptions {
  /** A second enqueue with the same key is a no-op (e.g. `email/<id>`). */
  dedupeKey?: string;
  runAt?: Date;
}

/** The one queue interface; drivers: database (default) and pg-boss (PostgreSQL). */
export interface JobQueue {
  enqueue(name: JobName, payload: unknown, options?: EnqueueOptions): Promise<void>;
  /** Register handlers before start(); only worker processes start. */
  register(definition: JobDefinition): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}
