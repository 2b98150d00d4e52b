import type { Db } from '../../db/database.ts';
import { findInvitationSnapshot, takeWithNumbers } from '../../db/shared-queries.ts';
import type { TakesTable, TakeStatusValue } from '../../db/schema/takes.ts';

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
  options: { takeId: string; uploadId: string },
): Promise<boolean> {
  const result = await db
    .updateTable('takes')
    .set({ upload_id: options.uploadId, status: 'uploading' })
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
