import { z } from 'zod';

/** Where processing of a saved take stands; not_queued: saved but never queued (an admin's retry queues it). */
export const processingStatusSchema = z.enum(['queued', 'processing', 'ready', 'failed', 'not_queued']);
export type ProcessingStatus = z.infer<typeof processingStatusSchema>;

/** A take whose processing failed, or that has waited or run far longer than processing takes. */
export const processingProblemSchema = z.object({
  takeId: z.string(),
  invitationId: z.string(),
  candidateName: z.string(),
  interviewId: z.string(),
  interviewTitle: z.string(),
  /** The question's place in the interview (1-based); null when the question has since been removed. */
  questionPosition: z.number().int().nullable(),
  status: z.enum(['queued', 'processing', 'failed']),
  /**
   * Queued for longer than `stuckAfterMinutes` with no try, or processing with a worker that stopped renewing its
   * lease (it died or hung), as the job queue judges a running job.
   */
  isStuck: z.boolean(),
  /** Tries so far, retries included. */
  attempts: z.number().int(),
  /** What went wrong and what to do about it, in plain words. */
  reason: z.string(),
  /** ffmpeg's or the storage's own words, for the server's admin; null when there are none. */
  detail: z.string().nullable(),
  /** When the last try started, or when it was queued if none has. */
  lastAttemptAt: z.string(),
});
export type ProcessingProblem = z.infer<typeof processingProblemSchema>;

const countSchema = z.number().int().nonnegative();

/** Media storage failing while candidates of the organisation uploaded (disk full, read-only, S3 down…). */
export const storageProblemSchema = z.object({
  id: z.string(),
  kind: z.enum(['disk_full', 'quota', 'read_only', 'io_error', 'permission', 's3_unavailable']),
  /** When the first upload failed because of it. */
  startedAt: z.string(),
  lastFailedAt: z.string(),
  /** Candidates' requests refused because of it so far. */
  failedRequests: z.number().int().nonnegative(),
  /** What is wrong and what to do about it, in plain words. */
  reason: z.string(),
  /** The system's own message for the latest failure. */
  detail: z.string(),
  /** When uploads worked again; null while it lasts. */
  resolvedAt: z.string().nullable(),
});
export type StorageProblem = z.infer<typeof storageProblemSchema>;

export const processingOverviewSchema = z.object({
  /** Every processed take of the organisation by state; stuck ones are counted in their state and in `stuck`. */
  counts: z.object({
    queued: countSchema,
    processing: countSchema,
    ready: countSchema,
    failed: countSchema,
    stuck: countSchema,
  }),
  /** Failed and stuck takes, newest first. */
  problems: z.array(processingProblemSchema),
  /** More problems exist than `problems` holds (raise `limit`). */
  hasMore: z.boolean(),
  stuckAfterMinutes: z.number().int(),
  /** Storage failures candidates' uploads ran into: going on, or seen in the last 7 days; the latest first. */
  storageProblems: z.array(storageProblemSchema),
});
export type ProcessingOverview = z.infer<typeof processingOverviewSchema>;

/** One take's processing, for the admin controls of a failed answer on the candidate page. */
export const takeProcessingStateSchema = z.object({
  takeId: z.string(),
  status: processingStatusSchema,
  isStuck: z.boolean(),
  attempts: z.number().int(),
  /** Null while nothing is wrong. */
  reason: z.string().nullable(),
  detail: z.string().nullable(),
  /** Failed, stuck or never queued: an admin's retry queues it again. */
  canRetry: z.boolean(),
  lastAttemptAt: z.string().nullable(),
});
export type TakeProcessingState = z.infer<typeof takeProcessingStateSchema>;
