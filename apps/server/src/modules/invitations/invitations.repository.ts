import type { ListInvitationsQuery } from '@oneway/shared';
import { sql, type Updateable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { InvitationsTable, InvitationStatus } from '../../db/schema/invitations.ts';

export type InvitationRow = InvitationsTable;
export type InvitationListRow = InvitationRow & { pending_request_count: number };

interface InvitationKey {
  organisationId: string;
  invitationId: string;
}

// Small enough for SQLite's bound-parameter limit with every column of a row, large enough to be quick.
const insertChunkSize = 200;
const lookupChunkSize = 500;

/** Inserts in chunks; in a transaction either every row is stored or none. */
export async function insertInvitations(db: Db, rows: InvitationRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += insertChunkSize) {
    await db
      .insertInto('invitations')
      .values(rows.slice(i, i + insertChunkSize))
      .execute();
  }
}

/** The organisation's invitation; another organisation's is not found. */
export function findInvitation(db: Db, key: InvitationKey): Promise<InvitationRow | undefined> {
  return db
    .selectFrom('invitations')
    .selectAll()
    .where('id', '=', key.invitationId)
    .where('organisation_id', '=', key.organisationId)
    .executeTakeFirst();
}

/** For jobs, which carry only the id. */
export function findInvitationById(db: Db, invitationId: string): Promise<InvitationRow | undefined> {
  return db.selectFrom('invitations').selectAll().where('id', '=', invitationId).executeTakeFirst();
}

/** The invitation a link token opens: the invitation e-mail's token or one sent with a later e-mail. */
export function findInvitationByAnyTokenHash(db: Db, tokenHash: string): Promise<InvitationRow | undefined> {
  return db
    .selectFrom('invitations')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('token_hash', '=', tokenHash),
        eb(
          'id',
          'in',
          eb.selectFrom('invitation_links').select('invitation_id').where('token_hash', '=', tokenHash),
        ),
      ]),
    )
    .executeTakeFirst();
}

/** For jobs: the invitations among the ids given, whatever their organisation. */
export async function findInvitationsByIds(db: Db, invitationIds: string[]): Promise<InvitationRow[]> {
  if (invitationIds.length === 0) return [];
  return db
    .selectFrom('invitations')
    .selectAll()
    .where('id', 'in', invitationIds)
    .orderBy('created_at')
    .execute();
}

/** Invitations of one interview among the ids given; ids of other interviews or organisations are left out. */
export async function findInterviewInvitations(
  db: Db,
  options: { organisationId: string; interviewId: string; invitationIds: string[] },
): Promise<InvitationRow[]> {
  const found: InvitationRow[] = [];
  for (let i = 0; i < options.invitationIds.length; i += lookupChunkSize) {
    found.push(
      ...(await db
        .selectFrom('invitations')
        .selectAll()
        .where('organisation_id', '=', options.organisationId)
        .where('interview_id', '=', options.interviewId)
        .where('id', 'in', options.invitationIds.slice(i, i + lookupChunkSize))
        .execute()),
    );
  }
  return found;
}

/** The invitations of an interview a candidate can still work on (invited, opened or started). */
export function findOpenInterviewInvitations(
  db: Db,
  options: { organisationId: string; interviewId: string },
): Promise<Pick<InvitationRow, 'id' | 'deadline_at'>[]> {
  return db
    .selectFrom('invitations')
    .select(['id', 'deadline_at'])
    .where('organisation_id', '=', options.organisationId)
    .where('interview_id', '=', options.interviewId)
    .where('status', 'in', ['invited', 'opened', 'started'])
    .execute();
}

/** Which of these (lower-cased) addresses already have an invitation to the interview that is not withdrawn. */
export async function findInvitedEmails(
  db: Db,
  options: { interviewId: string; emails: string[] },
): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let i = 0; i < options.emails.length; i += lookupChunkSize) {
    const rows = await db
      .selectFrom('invitations')
      .select('candidate_email')
      .where('interview_id', '=', options.interviewId)
      .where('status', '<>', 'withdrawn')
      .where('candidate_email', 'in', options.emails.slice(i, i + lookupChunkSize))
      .execute();
    for (const row of rows) taken.add(row.candidate_email);
  }
  return taken;
}

const sortColumns = {
  invited: 'created_at',
  name: 'candidate_name',
  deadline: 'deadline_at',
  last_activity: 'last_activity_at',
  status: 'status',
} as const;

// LIKE treats % and _ as wildcards; a search for "a_b" means those characters.
const likePattern = (q: string) => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** An interview's invitations with their pending request counts, filtered and sorted. */
export async function listInvitations(
  db: Db,
  options: { organisationId: string; interviewId: string } & ListInvitationsQuery,
): Promise<InvitationListRow[]> {
  let query = db
    .selectFrom('invitations')
    .selectAll('invitations')
    .select((eb) =>
      eb
        .selectFrom('invitation_requests')
        .select(eb.fn.countAll().as('n'))
        .whereRef('invitation_requests.invitation_id', '=', 'invitations.id')
        .where('invitation_requests.status', '=', 'pending')
        .as('pending_request_count'),
    )
    .where('organisation_id', '=', options.organisationId)
    .where('interview_id', '=', options.interviewId);
  if (options.status) query = query.where('status', '=', options.status);
  if (options.q) {
    const pattern = likePattern(options.q);
    query = query.where(
      sql<boolean>`(lower(candidate_name) like ${pattern} escape '\\' or candidate_email like ${pattern} escape '\\')`,
    );
  }
  const descending = options.sort.startsWith('-');
  const column = sortColumns[options.sort.replace(/^-/, '') as keyof typeof sortColumns];
  const rows = await query
    .orderBy(column, descending ? 'desc' : 'asc')
    .orderBy('id')
    .execute();
  // PostgreSQL counts are bigint, which pg returns as strings.
  return rows.map((row) => ({ ...row, pending_request_count: Number(row.pending_request_count ?? 0) }));
}

/** Changes an invitation, if still in the status (and deadline) given. Returns whether a row changed. */
export async function updateInvitation(
  db: Db,
  options: { invitationId: string; onlyIfStatus?: readonly InvitationStatus[]; onlyIfDeadline?: string },
  values: Updateable<InvitationsTable>,
): Promise<boolean> {
  let query = db.updateTable('invitations').set(values).where('id', '=', options.invitationId);
  if (options.onlyIfStatus) query = query.where('status', 'in', options.onlyIfStatus);
  if (options.onlyIfDeadline) query = query.where('deadline_at', '=', options.onlyIfDeadline);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Open invitations whose deadline has passed become expired; returns whether this one did. */
export async function expireInvitationIfDue(
  db: Db,
  options: { invitationId: string; now: string },
): Promise<boolean> {
  const result = await db
    .updateTable('invitations')
    .set({ status: 'expired', expired_at: options.now })
    .where('id', '=', options.invitationId)
    .where('status', 'in', ['invited', 'opened', 'started'])
    .where('deadline_at', '<=', options.now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
