import type { Db } from '../../db/database.ts';
import { findInvitationSnapshot, takeWithNumbers } from '../../db/shared-queries.ts';
import type { TakesTable, TakeStatusValue } from '../../db/schema/takes.ts';
import { takenOverReason } from './take-handover.ts';

export { findInvitationSnapshot };

/** Every take of one question of one invitation, oldest first. */
export async function listTakesOfQuestion(
  db: Db,
  options: { invitationId: string; questionId: string },
): Promise<TakesTable[]> {
  const rows = await db
    .selectFrom('takes')
    .selectAll()
    .where('invitation_id', '=', options.invitationId)
    .where('question_id', '=', options.questionId)
    .orderBy('take_number')
    .execute();
  return rows.map(takeWithNumbers);
}

export async function insertTake(db: Db, row: TakesTable): Promise<void> {
  await db.insertInto('takes').values(row).execute();
}

/** Earlier takes still open or uploading end when a new take of the same question opens. */
export async function abandonUnfinishedTakes(
  db: Db,
  options: { invitationId: string; questionId: string },
): Promise<void> {
  await db
    .updateTable('takes')
    .set({ status: 'abandoned' })
    .where('invitation_id', '=', options.invitationId)
    .where('question_id', '=', options.questionId)
    .where('status', 'in', ['open', 'uploading'])
    .execute();
}

export async function findTakeOfInvitation(
  db: Db,
  options: { takeId: string; invitationId: string },
): Promise<TakesTable | undefined> {
  const row = await db
    .selectFrom('takes')
    .selectAll()
    .where('id', '=', options.takeId)
    .where('invitation_id', '=', options.invitationId)
    .executeTakeFirst();
  return row && takeWithNumbers(row);
}

export async function findTakeByUploadId(db: Db, uploadId: string): Promise<TakesTable | undefined> {
  const row = await db.selectFrom('takes').selectAll().where('upload_id', '=', uploadId).executeTakeFirst();
  return row && takeWithNumbers(row);
}

/** Ties an upload to an open take, once: false when the take already has an upload or is no longer open. */
export async function claimTakeForUpload(
  db: Db,
  options: { takeId: string; uploadId: string; now: string },
): Promise<boolean> {
  const result = await db
    .updateTable('takes')
    .set({ upload_id: options.uploadId, status: 'uploading', last_bytes_at: options.now })
    .where('id', '=', options.takeId)
    .where('status', '=', 'open')
    .where('upload_id', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Moves an uploading take on; false when it was no longer uploading (abandoned meanwhile). */
export async function finishTakeUpload(
  db: Db,
  options: {
    takeId: string;
    status: Extract<TakeStatusValue, 'uploaded' | 'failed'>;
    values: Partial<Pick<TakesTable, 'mime' | 'bytes' | 'sha256' | 'failure_reason' | 'uploaded_at'>>;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('takes')
    .set({ ...options.values, status: options.status })
    .where('id', '=', options.takeId)
    .where('status', '=', 'uploading')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Bytes of the upload arrived at `at` (only while its take is uploading). */
export async function recordTakeBytesArrived(
  db: Db,
  options: { uploadId: string; at: string },
): Promise<void> {
  await db
    .updateTable('takes')
    .set({ last_bytes_at: options.at })
    .where('upload_id', '=', options.uploadId)
    .where('status', '=', 'uploading')
    .execute();
}

/**
 * Ends a take still open or uploading because the candidate continued on another device: abandoned, failure_reason
 * `taken_over`, and no longer counted against the take limit. False when it had ended already.
 */
export async function endTakeTakenOver(db: Db, takeId: string): Promise<boolean> {
  const result = await db
    .updateTable('takes')
    .set({ status: 'abandoned', failure_reason: takenOverReason, counts_against_limit: 0 })
    .where('id', '=', takeId)
    .where('status', 'in', ['open', 'uploading'])
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Unties an upload that was never made from its take, which is open again for a new one. */
export async function releaseTakeUpload(
  db: Db,
  options: { takeId: string; uploadId: string },
): Promise<boolean> {
  const result = await db
    .updateTable('takes')
    .set({ upload_id: null, status: 'open', last_bytes_at: null })
    .where('id', '=', options.takeId)
    .where('upload_id', '=', options.uploadId)
    .where('status', '=', 'uploading')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
