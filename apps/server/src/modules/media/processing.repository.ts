import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema/index.ts';
import type { TakeMediaStatusValue, TakeMediaTable } from '../../db/schema/take-media.ts';

/** A failed or stuck take with what an admin needs to find it. */
export interface ProcessingProblemRow {
  take_id: string;
  status: TakeMediaStatusValue;
  error: string | null;
  attempts: number;
  queued_at: string;
  started_at: string | null;
  lease_expires_at: string | null;
  invitation_id: string;
  candidate_name: string;
  interview_id: string;
  interview_title: string;
  question_id: string;
  /** The interview version the candidate answered (JSON), which orders its questions. */
  snapshot: string;
}

/** When a take counts as stuck (ISO strings compare in time order); the same rule as isTakeStuck. */
export interface StuckRule {
  /** Queued with no try since this time: no worker took it. */
  stuckBefore: string;
  /** Now: a try whose lease ran out before it has lost its worker, as the queue judges a running job. */
  now: string;
}

function isStuck(eb: ExpressionBuilder<Database, 'take_media'>, rule: StuckRule) {
  const waiting = eb.and([
    eb('take_media.status', '=', 'queued'),
    eb('take_media.queued_at', '<', rule.stuckBefore),
    eb.or([eb('take_media.started_at', 'is', null), eb('take_media.started_at', '<', rule.stuckBefore)]),
  ]);
  const abandoned = eb.and([
    eb('take_media.status', '=', 'processing'),
    eb.or([
      eb('take_media.lease_expires_at', '<', rule.now),
      // A try started before leases existed: its start's age decides, as it did then.
      eb.and([
        eb('take_media.lease_expires_at', 'is', null),
        eb('take_media.started_at', '<', rule.stuckBefore),
      ]),
    ]),
  ]);
  return eb.or([waiting, abandoned]);
}

/** The same rule for a row in hand. */
export function isTakeStuck(
  row: Pick<TakeMediaTable, 'status' | 'queued_at' | 'started_at' | 'lease_expires_at'>,
  rule: StuckRule,
): boolean {
  if (row.status === 'queued') {
    return row.queued_at < rule.stuckBefore && (row.started_at === null || row.started_at < rule.stuckBefore);
  }
  if (row.status !== 'processing') return false;
  if (row.lease_expires_at !== null) return row.lease_expires_at < rule.now;
  return row.started_at !== null && row.started_at < rule.stuckBefore;
}

/** The organisation's failed and stuck takes, the latest try first; `limit + 1` tells whether there are more. */
export function listProcessingProblems(
  db: Db,
  options: { organisationId: string; rule: StuckRule; limit: number },
): Promise<ProcessingProblemRow[]> {
  return db
    .selectFrom('take_media')
    .innerJoin('takes', 'takes.id', 'take_media.take_id')
    .innerJoin('invitations', 'invitations.id', 'takes.invitation_id')
    .innerJoin('interviews', 'interviews.id', 'invitations.interview_id')
    .innerJoin('interview_versions', 'interview_versions.id', 'invitations.interview_version_id')
    .select([
      'take_media.take_id',
      'take_media.status',
      'take_media.error',
      'take_media.attempts',
      'take_media.queued_at',
      'take_media.started_at',
      'take_media.lease_expires_at',
      'takes.invitation_id',
      'invitations.candidate_name',
      'invitations.interview_id',
      'interviews.title as interview_title',
      'takes.question_id',
      'interview_versions.snapshot',
    ])
    .where('take_media.organisation_id', '=', options.organisationId)
    .where((eb) => eb.or([eb('take_media.status', '=', 'failed'), isStuck(eb, options.rule)]))
    .orderBy(sql`coalesce(take_media.started_at, take_media.queued_at)`, 'desc')
    .orderBy('take_media.take_id', 'desc')
    .limit(options.limit)
    .execute();
}

/** How many of the organisation's takes are in each state, and how many of them are stuck. */
export async function countProcessingStates(
  db: Db,
  options: { organisationId: string; rule: StuckRule },
): Promise<Record<TakeMediaStatusValue | 'stuck', number>> {
  const byStatus = await db
    .selectFrom('take_media')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('count')])
    .where('organisation_id', '=', options.organisationId)
    .groupBy('status')
    .execute();
  const stuck = await db
    .selectFrom('take_media')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('organisation_id', '=', options.organisationId)
    .where((eb) => isStuck(eb, options.rule))
    .executeTakeFirstOrThrow();
  const counts = { queued: 0, processing: 0, ready: 0, failed: 0, stuck: Number(stuck.count) };
  for (const row of byStatus) counts[row.status] = Number(row.count);
  return counts;
}

/** Stuck takes of every organisation, the longest waiting first, for the sweep. */
export function findStuckTakeMedia(
  db: Db,
  options: { rule: StuckRule; limit: number },
): Promise<TakeMediaTable[]> {
  return db
    .selectFrom('take_media')
    .selectAll()
    .where((eb) => isStuck(eb, options.rule))
    .orderBy('queued_at')
    .limit(options.limit)
    .execute();
}

/** The row as it was read: a change only applies if no try, retry or sweep has touched it since. */
export interface SeenTakeMedia {
  takeId: string;
  status: TakeMediaStatusValue;
  attempts: number;
  queuedAt: string;
}

function updateIfUnchanged(db: Db, seen: SeenTakeMedia) {
  return db
    .updateTable('take_media')
    .where('take_id', '=', seen.takeId)
    .where('status', '=', seen.status)
    .where('attempts', '=', seen.attempts)
    .where('queued_at', '=', seen.queuedAt);
}

/** Shows the take queued again (its job is queued already); false when it changed since it was read. */
export async function requeueTakeMedia(
  db: Db,
  options: { seen: SeenTakeMedia; recoveries: number; now: string },
): Promise<boolean> {
  const result = await updateIfUnchanged(db, options.seen)
    .set({
      status: 'queued',
      error: null,
      recoveries: options.recoveries,
      queued_at: options.now,
      started_at: null,
      finished_at: null,
      lease_expires_at: null,
    })
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Gives up on a take that kept getting stuck: failed, with the reason. */
export async function failStuckTakeMedia(
  db: Db,
  options: { seen: SeenTakeMedia; error: string; now: string },
): Promise<boolean> {
  const result = await updateIfUnchanged(db, options.seen)
    .set({ status: 'failed', error: options.error, finished_at: options.now, lease_expires_at: null })
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
