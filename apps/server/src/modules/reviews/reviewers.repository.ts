import type { Role } from '@oneway/shared';
import type { Db } from '../../db/database.ts';
import type { InterviewReviewersTable } from '../../db/schema/interview-reviewers.ts';

export interface ReviewerRow {
  user_id: string;
  name: string;
  email: string;
  role: Role;
  assigned_at: string;
}

/** The members assigned to the interview (a member who left the organisation is not listed). */
export function listInterviewReviewers(
  db: Db,
  options: { organisationId: string; interviewId: string },
): Promise<ReviewerRow[]> {
  return db
    .selectFrom('interview_reviewers')
    .innerJoin('users', 'users.id', 'interview_reviewers.user_id')
    .innerJoin('memberships', (join) =>
      join
        .onRef('memberships.user_id', '=', 'interview_reviewers.user_id')
        .onRef('memberships.organisation_id', '=', 'interview_reviewers.organisation_id'),
    )
    .select([
      'interview_reviewers.user_id',
      'users.name',
      'users.email',
      'memberships.role',
      'interview_reviewers.assigned_at',
    ])
    .where('interview_reviewers.interview_id', '=', options.interviewId)
    .where('interview_reviewers.organisation_id', '=', options.organisationId)
    .orderBy('users.name')
    .orderBy('interview_reviewers.user_id')
    .execute();
}

/** Which of these users are members of the organisation. */
export async function findMemberIds(
  db: Db,
  options: { organisationId: string; userIds: string[] },
): Promise<Set<string>> {
  if (options.userIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('organisation_id', '=', options.organisationId)
    .where('user_id', 'in', options.userIds)
    .execute();
  return new Set(rows.map((r) => r.user_id));
}

/** Replaces the interview's assignments in one transaction; members kept keep their first assignment time. */
export async function replaceInterviewReviewers(
  db: Db,
  options: { interviewId: string; rows: InterviewReviewersTable[] },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const keep = options.rows.map((r) => r.user_id);
    let removal = trx.deleteFrom('interview_reviewers').where('interview_id', '=', options.interviewId);
    if (keep.length > 0) removal = removal.where('user_id', 'not in', keep);
    await removal.execute();
    if (options.rows.length > 0) {
      await trx
        .insertInto('interview_reviewers')
        .values(options.rows)
        .onConflict((oc) => oc.columns(['interview_id', 'user_id']).doNothing())
        .execute();
    }
  });
}
