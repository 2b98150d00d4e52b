import type { Db } from '../../db/database.ts';

export function findInterviewOfOrganisation(
  db: Db,
  options: { organisationId: string; interviewId: string },
) {
  return db
    .selectFrom('interviews')
    .select(['id', 'title', 'organisation_id'])
    .where('id', '=', options.interviewId)
    .where('organisation_id', '=', options.organisationId)
    .executeTakeFirst();
}

export function listInterviewInvitationIds(db: Db, interviewId: string): Promise<{ id: string }[]> {
  return db.selectFrom('invitations').select('id').where('interview_id', '=', interviewId).execute();
}

export function findLegalHold(db: Db, invitationId: string) {
  return db
    .selectFrom('legal_holds')
    .leftJoin('users', 'users.id', 'legal_holds.placed_by_user_id')
    .select(['legal_holds.reason', 'legal_holds.placed_at', 'users.name as placed_by'])
    .where('legal_holds.invitation_id', '=', invitationId)
    .executeTakeFirst();
}

/** Places a hold; an existing one keeps its first date and gets the new reason. */
export async function upsertLegalHold(
  db: Db,
  row: { invitationId: string; organisationId: string; reason: string | null; userId: string; now: string },
): Promise<void> {
  await db
    .insertInto('legal_holds')
    .values({
      invitation_id: row.invitationId,
      organisation_id: row.organisationId,
      reason: row.reason,
      placed_by_user_id: row.userId,
      placed_at: row.now,
    })
    .onConflict((oc) => oc.column('invitation_id').doUpdateSet({ reason: row.reason }))
    .execute();
}

export async function deleteLegalHold(db: Db, invitationId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('legal_holds')
    .where('invitation_id', '=', invitationId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export function findErasureRequest(db: Db, invitationId: string) {
  return db
    .selectFrom('erasure_requests')
    .selectAll()
    .where('invitation_id', '=', invitationId)
    .executeTakeFirst();
}

export function findErasureRequestByTokenHash(db: Db, tokenHash: string) {
  return db.selectFrom('erasure_requests').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** A new request replaces an unconfirmed one (a new link, the old one stops working). */
export async function replaceErasureRequest(
  db: Db,
  row: {
    id: string;
    invitation_id: string;
    organisation_id: string;
    token_hash: string;
    requested_at: string;
    link_expires_at: string;
  },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('erasure_requests')
      .where('invitation_id', '=', row.invitation_id)
      .where('confirmed_at', 'is', null)
      .execute();
    await trx
      .insertInto('erasure_requests')
      .values({ ...row, confirmed_at: null, due_at: null })
      .execute();
  });
}

/** Confirms a request once: false when it was confirmed meanwhile. */
export async function confirmErasureRequest(
  db: Db,
  options: { id: string; confirmedAt: string; dueAt: string },
): Promise<boolean> {
  const result = await db
    .updateTable('erasure_requests')
    .set({ confirmed_at: options.confirmedAt, due_at: options.dueAt })
    .where('id', '=', options.id)
    .where('confirmed_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** E-mail addresses of the organisation's owners and admins: those who can act on an erasure request. */
export async function listPrivacyManagerEmails(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('users.email')
    .where('memberships.organisation_id', '=', organisationId)
    .where('memberships.role', 'in', ['owner', 'admin'])
    .execute();
  return rows.map((r) => r.email);
}
