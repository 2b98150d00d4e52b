import type { Db } from '../../db/database.ts';
import type { GuestSessionsTable } from '../../db/schema/guest-sessions.ts';
import type { InvitationsTable } from '../../db/schema/invitations.ts';
import type { ShareLinksTable } from '../../db/schema/share-links.ts';

export type ShareLinkRow = ShareLinksTable & { created_by_name: string | null };

function selectShareLinks(db: Db) {
  return db
    .selectFrom('share_links')
    .leftJoin('users', 'users.id', 'share_links.created_by_user_id')
    .selectAll('share_links')
    .select('users.name as created_by_name');
}

/** The organisation's invitations among these ids (others are left out). */
export function findInvitationsOfOrganisation(
  db: Db,
  options: { organisationId: string; invitationIds: string[] },
): Promise<Pick<InvitationsTable, 'id' | 'interview_id' | 'status'>[]> {
  return db
    .selectFrom('invitations')
    .select(['id', 'interview_id', 'status'])
    .where('organisation_id', '=', options.organisationId)
    .where('id', 'in', options.invitationIds)
    .execute();
}

/** Stores the link and the candidates it shows, together or not at all. */
export async function insertShareLink(
  db: Db,
  options: { row: ShareLinksTable; invitationIds: string[] },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('share_links').values(options.row).execute();
    await trx
      .insertInto('share_link_invitations')
      .values(options.invitationIds.map((id) => ({ share_link_id: options.row.id, invitation_id: id })))
      .execute();
  });
}

export function listShareLinks(
  db: Db,
  options: { organisationId: string; interviewId: string },
): Promise<ShareLinkRow[]> {
  return selectShareLinks(db)
    .where('share_links.organisation_id', '=', options.organisationId)
    .where('share_links.interview_id', '=', options.interviewId)
    .orderBy('share_links.created_at', 'desc')
    .orderBy('share_links.id')
    .execute();
}

/** The organisation's share link; another organisation's is not found. */
export function findShareLink(
  db: Db,
  options: { organisationId: string; shareLinkId: string },
): Promise<ShareLinkRow | undefined> {
  return selectShareLinks(db)
    .where('share_links.id', '=', options.shareLinkId)
    .where('share_links.organisation_id', '=', options.organisationId)
    .executeTakeFirst();
}

export function findShareLinkByTokenHash(db: Db, tokenHash: string): Promise<ShareLinksTable | undefined> {
  return db.selectFrom('share_links').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** The candidates of each link, in no particular order. */
export async function listShareLinkInvitationIds(
  db: Db,
  shareLinkIds: string[],
): Promise<Map<string, string[]>> {
  const byLink = new Map<string, string[]>(shareLinkIds.map((id) => [id, []]));
  if (shareLinkIds.length === 0) return byLink;
  const rows = await db
    .selectFrom('share_link_invitations')
    .select(['share_link_id', 'invitation_id'])
    .where('share_link_id', 'in', shareLinkIds)
    .execute();
  for (const row of rows) byLink.get(row.share_link_id)?.push(row.invitation_id);
  return byLink;
}

export async function revokeShareLink(
  db: Db,
  options: { shareLinkId: string; userId: string; now: string },
): Promise<boolean> {
  const result = await db
    .updateTable('share_links')
    .set({ revoked_at: options.now, revoked_by_user_id: options.userId })
    .where('id', '=', options.shareLinkId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function recordShareLinkUse(
  db: Db,
  options: { shareLinkId: string; now: string },
): Promise<void> {
  await db
    .updateTable('share_links')
    .set((eb) => ({ last_used_at: options.now, use_count: eb('use_count', '+', 1) }))
    .where('id', '=', options.shareLinkId)
    .execute();
}

export async function insertGuestSession(db: Db, row: GuestSessionsTable): Promise<void> {
  await db.insertInto('guest_sessions').values(row).execute();
}

/** A guest session with the state of its link. */
export function findGuestSession(db: Db, tokenHash: string) {
  return db
    .selectFrom('guest_sessions')
    .innerJoin('share_links', 'share_links.id', 'guest_sessions.share_link_id')
    .selectAll('guest_sessions')
    .select([
      'share_links.interview_id',
      'share_links.anonymised',
      'share_links.allow_ratings',
      'share_links.revoked_at',
      'share_links.expires_at as link_expires_at',
    ])
    .where('guest_sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function setGuestName(db: Db, options: { guestSessionId: string; name: string }): Promise<void> {
  await db
    .updateTable('guest_sessions')
    .set({ guest_name: options.name })
    .where('id', '=', options.guestSessionId)
    .execute();
}

export async function deleteGuestSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('guest_sessions').where('token_hash', '=', tokenHash).execute();
}

/** Deletes guest sessions past their own end or their link's; returns how many. */
export async function deleteEndedGuestSessions(db: Db, options: { now: string }): Promise<number> {
  const result = await db
    .deleteFrom('guest_sessions')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<=', options.now),
        eb(
          'share_link_id',
          'in',
          eb
            .selectFrom('share_links')
            .select('id')
            .where((l) => l.or([l('expires_at', '<=', options.now), l('revoked_at', 'is not', null)])),
        ),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
