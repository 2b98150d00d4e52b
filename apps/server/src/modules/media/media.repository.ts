import type { Db } from '../../db/database.ts';
import type { TakeMediaTable } from '../../db/schema/take-media.ts';
import type { TakesTable } from '../../db/schema/takes.ts';

/** A take with what decides how long its processed media may be. */
export interface TakeToProcess extends TakesTable {
  /** The invitation's accommodations (JSON). */
  accommodations: string;
  /** The invitation's frozen interview version (JSON). */
  snapshot: string;
}

/** pg returns bigint columns as strings; both dialects come out as numbers here. */
const withNumbers = (row: TakeMediaTable): TakeMediaTable => {
  const toNumber = (value: number | null) => (value === null ? null : Number(value));
  return {
    ...row,
    playback_bytes: toNumber(row.playback_bytes),
    poster_bytes: toNumber(row.poster_bytes),
    transcript_audio_bytes: toNumber(row.transcript_audio_bytes),
  };
};

export async function findTakeToProcess(db: Db, takeId: string): Promise<TakeToProcess | undefined> {
  const row = await db
    .selectFrom('takes')
    .innerJoin('invitations', 'invitations.id', 'takes.invitation_id')
    .innerJoin('interview_versions', 'interview_versions.id', 'invitations.interview_version_id')
    .selectAll('takes')
    .select(['invitations.accommodations', 'interview_versions.snapshot'])
    .where('takes.id', '=', takeId)
    .executeTakeFirst();
  return row && { ...row, bytes: row.bytes === null ? null : Number(row.bytes) };
}

export async function findTakeOfOrganisation(
  db: Db,
  options: { takeId: string; organisationId: string },
): Promise<TakesTable | undefined> {
  return db
    .selectFrom('takes')
    .selectAll()
    .where('id', '=', options.takeId)
    .where('organisation_id', '=', options.organisationId)
    .executeTakeFirst();
}

export async function findTakeMedia(db: Db, takeId: string): Promise<TakeMediaTable | undefined> {
  const row = await db.selectFrom('take_media').selectAll().where('take_id', '=', takeId).executeTakeFirst();
  return row && withNumbers(row);
}

/** A queued row for a take that has none yet; an existing row is left as it is. */
export async function insertQueuedTakeMedia(
  db: Db,
  options: { takeId: string; organisationId: string; now: string },
): Promise<void> {
  await db
    .insertInto('take_media')
    .values({
      take_id: options.takeId,
      organisation_id: options.organisationId,
      status: 'queued',
      error: null,
      attempts: 0,
      recoveries: 0,
      source_duration_ms: null,
      duration_ms: null,
      is_trimmed: 0,
      playback_key: null,
      playback_mime: null,
      playback_bytes: null,
      poster_key: null,
      poster_mime: null,
      poster_bytes: null,
      transcript_audio_key: null,
      transcript_audio_mime: null,
      transcript_audio_bytes: null,
      queued_at: options.now,
      started_at: null,
      finished_at: null,
      lease_expires_at: null,
    })
    .onConflict((oc) => oc.column('take_id').doNothing())
    .execute();
}

/**
 * A try begins and holds the take's lease: counted here, so a try that kills its worker still shows. False (and
 * nothing changed) while another try holds a lease that has not run out, or once the take is ready: two jobs for
 * one take (a retry or sweep beside a slow try) never process it at once.
 */
export async function claimTakeProcessing(
  db: Db,
  options: { takeId: string; organisationId: string; now: string; leaseExpiresAt: string },
): Promise<boolean> {
  await insertQueuedTakeMedia(db, options);
  const result = await db
    .updateTable('take_media')
    .set((eb) => ({
      status: 'processing',
      attempts: eb('attempts', '+', 1),
      started_at: options.now,
      finished_at: null,
      lease_expires_at: options.leaseExpiresAt,
    }))
    .where('take_id', '=', options.takeId)
    .where('status', '!=', 'ready')
    .where((eb) =>
      eb.or([
        eb('status', '!=', 'processing'),
        eb('lease_expires_at', 'is', null),
        eb('lease_expires_at', '<=', options.now),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The running try is alive: its lease goes on (only while the try is still the take's). */
export async function renewTakeLease(
  db: Db,
  options: { takeId: string; startedAt: string; leaseExpiresAt: string },
): Promise<void> {
  await db
    .updateTable('take_media')
    .set({ lease_expires_at: options.leaseExpiresAt })
    .where('take_id', '=', options.takeId)
    .where('status', '=', 'processing')
    .where('started_at', '=', options.startedAt)
    .execute();
}

export type ProcessedValues = Pick<
  TakeMediaTable,
  | 'source_duration_ms'
  | 'duration_ms'
  | 'is_trimmed'
  | 'playback_key'
  | 'playback_mime'
  | 'playback_bytes'
  | 'poster_key'
  | 'poster_mime'
  | 'poster_bytes'
>;

export async function markProcessingReady(
  db: Db,
  options: { takeId: string; values: ProcessedValues; now: string },
): Promise<void> {
  await db
    .updateTable('take_media')
    .set({
      ...options.values,
      status: 'ready',
      error: null,
      finished_at: options.now,
      lease_expires_at: null,
    })
    .where('take_id', '=', options.takeId)
    .execute();
}

/** A try failed: queued again while the job has tries left, failed after the last one. */
export async function markProcessingFailed(
  db: Db,
  options: { takeId: string; error: string; isFinal: boolean; now: string },
): Promise<void> {
  await db
    .updateTable('take_media')
    .set({
      status: options.isFinal ? 'failed' : 'queued',
      error: options.error,
      finished_at: options.isFinal ? options.now : null,
      lease_expires_at: null,
    })
    .where('take_id', '=', options.takeId)
    .execute();
}
