import type { Role } from '@oneway/shared';
import type { Db } from '../../db/database.ts';
import type { CompletionEmailsValue, RequestEmailsValue } from '../../db/schema/notification-preferences.ts';

export interface Preferences {
  completionEmails: CompletionEmailsValue;
  requestEmails: RequestEmailsValue;
}

/** A member's preferences; without a row, e-mails come at once. */
export async function findPreferences(
  db: Db,
  options: { organisationId: string; userId: string },
): Promise<Preferences> {
  const row = await db
    .selectFrom('notification_preferences')
    .select(['completion_emails', 'request_emails'])
    .where('organisation_id', '=', options.organisationId)
    .where('user_id', '=', options.userId)
    .executeTakeFirst();
  return {
    completionEmails: row?.completion_emails ?? 'immediate',
    requestEmails: row?.request_emails ?? 'immediate',
  };
}

/**
 * Sets the preferences; choosing the completion e-mails (daily again, say) starts the next digest's 24 hours now,
 * while a change of request e-mails alone leaves the digest's turn where it was.
 */
export async function savePreferences(
  db: Db,
  options: { organisationId: string; userId: string; value: Preferences; resetDigest: boolean; now: string },
): Promise<void> {
  const values = {
    completion_emails: options.value.completionEmails,
    request_emails: options.value.requestEmails,
    updated_at: options.now,
  };
  await db
    .insertInto('notification_preferences')
    .values({
      organisation_id: options.organisationId,
      user_id: options.userId,
      digest_sent_at: null,
      ...values,
    })
    .onConflict((oc) =>
      oc
        .columns(['organisation_id', 'user_id'])
        .doUpdateSet(options.resetDigest ? { ...values, digest_sent_at: null } : values),
    )
    .execute();
}

/** The e-mail addresses of owners, admins and recruiters who want candidate requests e-mailed at once. */
export async function listRequestNoticeAddresses(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .leftJoin('notification_preferences as np', (join) =>
      join
        .onRef('np.organisation_id', '=', 'memberships.organisation_id')
        .onRef('np.user_id', '=', 'memberships.user_id'),
    )
    .select(['users.email', 'np.request_emails'])
    .where('memberships.organisation_id', '=', organisationId)
    .where('memberships.role', 'in', ['owner', 'admin', 'recruiter'])
    .orderBy('memberships.created_at')
    .execute();
  return rows.filter((r) => (r.request_emails ?? 'immediate') === 'immediate').map((r) => r.email);
}

export interface TeamMemberRow {
  user_id: string;
  email: string;
  role: Role;
  completion_emails: CompletionEmailsValue | null;
  is_assigned: number;
}

/** The organisation's members with their preference and whether they are assigned to the interview. */
export async function listTeamOfInterview(
  db: Db,
  options: { organisationId: string; interviewId: string },
): Promise<TeamMemberRow[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .leftJoin('notification_preferences as np', (join) =>
      join
        .onRef('np.organisation_id', '=', 'memberships.organisation_id')
        .onRef('np.user_id', '=', 'memberships.user_id'),
    )
    .leftJoin('interview_reviewers as ir', (join) =>
      join.onRef('ir.user_id', '=', 'memberships.user_id').on('ir.interview_id', '=', options.interviewId),
    )
    .select([
      'memberships.user_id',
      'users.email',
      'memberships.role',
      'np.completion_emails',
      'ir.assigned_at',
    ])
    .where('memberships.organisation_id', '=', options.organisationId)
    .orderBy('memberships.created_at')
    .execute();
  return rows.map((r) => ({
    user_id: r.user_id,
    email: r.email,
    role: r.role,
    completion_emails: r.completion_emails,
    is_assigned: r.assigned_at === null ? 0 : 1,
  }));
}

/** Members who chose the daily digest, with when their last one went out. */
export function listDailyDigestMembers(db: Db) {
  return db
    .selectFrom('notification_preferences as np')
    .innerJoin('memberships', (join) =>
      join
        .onRef('memberships.organisation_id', '=', 'np.organisation_id')
        .onRef('memberships.user_id', '=', 'np.user_id'),
    )
    .innerJoin('users', 'users.id', 'np.user_id')
    .select([
      'np.organisation_id',
      'np.user_id',
      'np.digest_sent_at',
      'np.updated_at',
      'users.email',
      'memberships.role',
    ])
    .where('np.completion_emails', '=', 'daily')
    .execute();
}

/** Takes this digest's turn: false when another run has taken it since `previous` was read. */
export async function claimDigest(
  db: Db,
  options: { organisationId: string; userId: string; previous: string | null; now: string },
): Promise<boolean> {
  const query = db
    .updateTable('notification_preferences')
    .set({ digest_sent_at: options.now })
    .where('organisation_id', '=', options.organisationId)
    .where('user_id', '=', options.userId)
    .where('completion_emails', '=', 'daily');
  const result = await (
    options.previous === null
      ? query.where('digest_sent_at', 'is', null)
      : query.where('digest_sent_at', '=', options.previous)
  ).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Candidates who completed in (since, until], on every interview or only those the member is assigned to. */
export function listCompletions(
  db: Db,
  options: { organisationId: string; since: string; until: string; assignedToUserId: string | null },
) {
  let query = db
    .selectFrom('invitations')
    .innerJoin('interviews', 'interviews.id', 'invitations.interview_id')
    .select([
      'invitations.id',
      'invitations.candidate_name',
      'invitations.completed_at',
      'interviews.id as interview_id',
      'interviews.title',
      'interviews.anonymised_review',
    ])
    .where('invitations.organisation_id', '=', options.organisationId)
    .where('invitations.status', '=', 'completed')
    .where('invitations.completed_at', '>', options.since)
    .where('invitations.completed_at', '<=', options.until);
  if (options.assignedToUserId !== null) {
    const userId = options.assignedToUserId;
    query = query.where('interviews.id', 'in', (eb) =>
      eb.selectFrom('interview_reviewers').select('interview_id').where('user_id', '=', userId),
    );
  }
  return query.orderBy('interviews.title').orderBy('invitations.completed_at').execute();
}
