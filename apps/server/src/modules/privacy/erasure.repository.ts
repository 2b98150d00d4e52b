import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { CandidateErasuresTable } from '../../db/schema/candidate-erasures.ts';
import type { InvitationsTable } from '../../db/schema/invitations.ts';

export type ErasableInvitation = Pick<
  InvitationsTable,
  'id' | 'organisation_id' | 'interview_id' | 'status' | 'created_at' | 'candidate_email'
>;

export async function findErasableInvitation(
  db: Db,
  options: { invitationId: string; organisationId?: string },
): Promise<ErasableInvitation | undefined> {
  let query = db
    .selectFrom('invitations')
    .select(['id', 'organisation_id', 'interview_id', 'status', 'created_at', 'candidate_email'])
    .where('id', '=', options.invitationId);
  if (options.organisationId) query = query.where('organisation_id', '=', options.organisationId);
  return query.executeTakeFirst();
}

const countOf = async (query: Promise<{ n: string | number | bigint } | undefined>): Promise<number> =>
  Number((await query)?.n ?? 0);

/** What an erasure is about to remove, for its record (counts only). */
export async function countCandidateData(db: Db, invitationId: string) {
  const [takes, textAnswers, ratings, comments] = await Promise.all([
    countOf(
      db
        .selectFrom('takes')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('invitation_id', '=', invitationId)
        .executeTakeFirst(),
    ),
    countOf(
      db
        .selectFrom('answers')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('invitation_id', '=', invitationId)
        .where('kind', '=', 'text')
        .executeTakeFirst(),
    ),
    countOf(
      db
        .selectFrom('rating_sets')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('invitation_id', '=', invitationId)
        .executeTakeFirst(),
    ),
    countOf(
      db
        .selectFrom('review_comments')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('invitation_id', '=', invitationId)
        .executeTakeFirst(),
    ),
  ]);
  return { takes, textAnswers, ratings, comments };
}

export type ErasureRecord = Selectable<CandidateErasuresTable>;

const withNumbers = (row: ErasureRecord): ErasureRecord => ({ ...row, bytes: Number(row.bytes) });

export async function findErasureRecord(db: Db, invitationId: string): Promise<ErasureRecord | undefined> {
  const row = await db
    .selectFrom('candidate_erasures')
    .selectAll()
    .where('invitation_id', '=', invitationId)
    .executeTakeFirst();
  return row && withNumbers(row);
}

export async function findErasureRecordById(db: Db, id: string): Promise<ErasureRecord | undefined> {
  const row = await db.selectFrom('candidate_erasures').selectAll().where('id', '=', id).executeTakeFirst();
  return row && withNumbers(row);
}

export async function findErasureByRequestTokenHash(
  db: Db,
  tokenHash: string,
): Promise<ErasureRecord | undefined> {
  const row = await db
    .selectFrom('candidate_erasures')
    .selectAll()
    .where('request_token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row && withNumbers(row);
}

/** The record of a new erasure; a second insert for the same invitation (a racing erasure) does nothing. */
export async function insertErasureRecord(db: Db, row: CandidateErasuresTable): Promise<void> {
  await db
    .insertInto('candidate_erasures')
    .values(row)
    .onConflict((oc) => oc.column('invitation_id').doNothing())
    .execute();
}

/** Erasures that began and did not finish (a worker that died half-way), oldest first. */
export function listUnfinishedErasures(db: Db): Promise<{ id: string }[]> {
  return db
    .selectFrom('candidate_erasures')
    .select('id')
    .where('status', '=', 'erasing')
    .orderBy('started_at')
    .execute();
}

export async function markErasureDone(
  db: Db,
  options: { id: string; files: number; bytes: number; erasedAt: string },
): Promise<void> {
  await db
    .updateTable('candidate_erasures')
    .set({
      status: 'done',
      files: options.files,
      bytes: options.bytes,
      erased_at: options.erasedAt,
    })
    .where('id', '=', options.id)
    .execute();
}

/** Upload ids of the invitation's takes that never became a saved file: their tus leftovers must go too. */
export async function listUnsavedUploadIds(db: Db, invitationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('takes')
    .select('upload_id')
    .where('invitation_id', '=', invitationId)
    .where('upload_id', 'is not', null)
    .where('status', '!=', 'uploaded')
    .execute();
  return rows.map((r) => r.upload_id).filter((id): id is string => id !== null);
}

/**
 * Ends every take of the invitation still open or uploading, before anything is deleted: a PATCH or a finishing
 * upload then finds a closed take and stores nothing (take-uploads.service), whatever arrives after this.
 */
export async function closeUnfinishedTakes(db: Db, invitationId: string): Promise<void> {
  await db
    .updateTable('takes')
    .set({ status: 'abandoned' })
    .where('invitation_id', '=', invitationId)
    .where('status', 'in', ['open', 'uploading'])
    .execute();
}

/**
 * Deletes every row about the candidate in one transaction: the copies of e-mails to them or about them, then the
 * invitation, whose foreign keys take everything else with it (timeline, requests, sessions, links, consents,
 * takes and their media rows, answers, reveals, codes, ratings, comments, decision, legal hold, erasure request,
 * share-link entries). A share link left with no candidate is revoked, so it stops working rather than showing an
 * empty page. Returns how many e-mail copies went.
 */
export async function deleteCandidateRows(
  db: Db,
  options: { invitation: ErasableInvitation; now: string },
): Promise<number> {
  const { invitation } = options;
  return db.transaction().execute(async (trx) => {
    const linked = await trx
      .selectFrom('outbox_emails')
      .select('id')
      .where((eb) =>
        eb.or([
          eb(
            'id',
            'in',
            eb
              .selectFrom('invitation_emails')
              .select('message_id')
              .where('invitation_id', '=', invitation.id),
          ),
          eb(
            'id',
            'in',
            eb
              .selectFrom('outbox_email_invitations')
              .select('message_id')
              .where('invitation_id', '=', invitation.id),
          ),
          eb.and([
            eb('organisation_id', '=', invitation.organisation_id),
            eb('to_address', '=', invitation.candidate_email),
          ]),
        ]),
      )
      .execute();
    const emailIds = linked.map((r) => r.id);
    if (emailIds.length > 0) await trx.deleteFrom('outbox_emails').where('id', 'in', emailIds).execute();
    const shareLinks = await trx
      .selectFrom('share_link_invitations')
      .select('share_link_id')
      .where('invitation_id', '=', invitation.id)
      .execute();
    await trx.deleteFrom('invitations').where('id', '=', invitation.id).execute();
    for (const { share_link_id: shareLinkId } of shareLinks) {
      const left = await trx
        .selectFrom('share_link_invitations')
        .select('invitation_id')
        .where('share_link_id', '=', shareLinkId)
        .executeTakeFirst();
      if (left) continue;
      await trx
        .updateTable('share_links')
        .set({ revoked_at: options.now })
        .where('id', '=', shareLinkId)
        .where('revoked_at', 'is', null)
        .execute();
      await trx.deleteFrom('guest_sessions').where('share_link_id', '=', shareLinkId).execute();
    }
    return emailIds.length;
  });
}
