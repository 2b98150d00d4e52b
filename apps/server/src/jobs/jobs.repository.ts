import type { JobName } from '@oneway/shared';
import type { Selectable } from 'kysely';
import type { Db, Dialect } from '../db/database.ts';
import type { JobsTable } from '../db/schema/jobs.ts';
import type { JobBacklog } from '../lib/metrics.ts';
import { newId } from '../lib/tokens.ts';

export type JobRow = Selectable<JobsTable>;

/** Stores a queued job; with a dedupe key already taken it stores nothing (and says so). */
export async function insertJob(
  db: Db,
  job: {
    name: JobName;
    payload: unknown;
    dedupeKey: string | null;
    maxAttempts: number;
    timeoutMs: number;
    runAt: string;
    now: string;
  },
): Promise<boolean> {
  const result = await db
    .insertInto('jobs')
    .values({
      id: newId(),
      name: job.name,
      payload: JSON.stringify(job.payload),
      dedupe_key: job.dedupeKey,
      status: 'queued',
      attempts: 0,
      max_attempts: job.maxAttempts,
      timeout_ms: job.timeoutMs,
      run_at: job.runAt,
      created_at: job.now,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * Takes the oldest due job of the given kinds in one statement, so two workers never take the same job: the
 * `status = 'queued'` guard makes the loser's update touch no row. SQLite runs writes one at a time; on
 * PostgreSQL `skip locked` lets concurrent workers pass over a row another is taking instead of queueing behind it.
 * The try is counted here rather than on failure, so a job that kills its worker still uses up its attempts.
 */
export async function claimNextJob(
  db: Db,
  options: { dialect: Dialect; names: JobName[]; now: string; leaseExpiresAt: string; workerId: string },
): Promise<JobRow | undefined> {
  if (options.names.length === 0) return undefined;
  let next = db
    .selectFrom('jobs')
    .select('id')
    .where('status', '=', 'queued')
    .where('run_at', '<=', options.now)
    .where('name', 'in', options.names)
    .orderBy('run_at')
    .limit(1);
  if (options.dialect === 'postgres') next = next.forUpdate().skipLocked();
  return db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'running',
      locked_at: options.now,
      locked_by: options.workerId,
      lease_expires_at: options.leaseExpiresAt,
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', '=', next)
    .where('status', '=', 'queued')
    .returningAll()
    .executeTakeFirst();
}

// Every outcome is written only while the job is still this claim's: a job reclaimed after a timeout and taken by
// another worker must not be overwritten by the late first one.
function updateClaimedJob(db: Db, job: JobRow) {
  return db
    .updateTable('jobs')
    .where('id', '=', job.id)
    .where('status', '=', 'running')
    .where('locked_by', '=', job.locked_by)
    .where('locked_at', '=', job.locked_at);
}

/** Extends a running job's lease; false when the job is no longer this claim's (it was reclaimed). */
export async function renewJobLease(db: Db, job: JobRow, leaseExpiresAt: string): Promise<boolean> {
  const result = await updateClaimedJob(db, job).set({ lease_expires_at: leaseExpiresAt }).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function markJobDone(db: Db, job: JobRow, now: string): Promise<void> {
  await updateClaimedJob(db, job)
    .set({
      status: 'done',
      finished_at: now,
      locked_at: null,
      locked_by: null,
      lease_expires_at: null,
      last_error: null,
    })
    .execute();
}

export async function markJobFailed(
  db: Db,
  job: JobRow,
  options: { error: string; now: string },
): Promise<void> {
  await updateClaimedJob(db, job)
    .set({
      status: 'failed',
      finished_at: options.now,
      locked_at: null,
      locked_by: null,
      lease_expires_at: null,
      last_error: options.error,
    })
    .execute();
}

export async function requeueJob(
  db: Db,
  job: JobRow,
  options: { error: string; runAt: string },
): Promise<void> {
  await updateClaimedJob(db, job)
    .set({
      status: 'queued',
      run_at: options.runAt,
      locked_at: null,
      locked_by: null,
      lease_expires_at: null,
      last_error: options.error,
    })
    .execute();
}

/**
 * Returns jobs whose worker went away (crash, kill, lost connection, hang) to the queue: they are `running` and
 * their lease ran out, as a working worker renews it. Those already out of attempts are marked failed instead.
 * Jobs claimed before leases existed have none; their lock's age stands in for it (`lockedBefore`).
 */
export async function reclaimStuckJobs(
  db: Db,
  options: { now: string; lockedBefore: string },
): Promise<{ requeued: number; failed: number }> {
  const stuck = db
    .updateTable('jobs')
    .where('status', '=', 'running')
    .where((eb) =>
      eb.or([
        eb('lease_expires_at', '<', options.now),
        eb.and([eb('lease_expires_at', 'is', null), eb('locked_at', '<', options.lockedBefore)]),
      ]),
    );
  const failed = await stuck
    .whereRef('attempts', '>=', 'max_attempts')
    .set({
      status: 'failed',
      finished_at: options.now,
      locked_at: null,
      locked_by: null,
      lease_expires_at: null,
      last_error: 'The worker running this job stopped responding',
    })
    .executeTakeFirst();
  const requeued = await stuck
    .set({ status: 'queued', run_at: options.now, locked_at: null, locked_by: null, lease_expires_at: null })
    .executeTakeFirst();
  return { requeued: Number(requeued.numUpdatedRows), failed: Number(failed.numUpdatedRows) };
}

/** Due waiting jobs and running ones per kind, with the oldest due time of those waiting. */
export async function describeBacklog(db: Db, now: string): Promise<JobBacklog[]> {
  const rows = await db
    .selectFrom('jobs')
    .select(['name', 'status'])
    .select((eb) => [eb.fn.countAll<number | string>().as('count'), eb.fn.min('run_at').as('oldest')])
    .where((eb) =>
      eb.or([eb('status', '=', 'running'), eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', now)])]),
    )
    .groupBy(['name', 'status'])
    .execute();
  const byName = new Map<string, JobBacklog>();
  for (const row of rows) {
    const entry = byName.get(row.name) ?? { name: row.name, waiting: 0, running: 0, oldestDueAt: null };
    if (row.status === 'running') entry.running = Number(row.count);
    else {
      entry.waiting = Number(row.count);
      entry.oldestDueAt = row.oldest;
    }
    byName.set(row.name, entry);
  }
  return [...byName.values()];
}
