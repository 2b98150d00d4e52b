import type { Db } from '../../db/database.ts';

// Everything the product holds about one candidate, read for "Your data" and its ZIP.

export function findCompanyAndInterview(db: Db, invitationId: string) {
  return db
    .selectFrom('invitations')
    .innerJoin('interview_versions', 'interview_versions.id', 'invitations.interview_version_id')
    .innerJoin('organisations', 'organisations.id', 'invitations.organisation_id')
    .select(['organisations.name as company_name', 'interview_versions.snapshot'])
    .where('invitations.id', '=', invitationId)
    .executeTakeFirstOrThrow();
}

/** Saved (uploaded) takes with what processing made of them, oldest first. */
export function listSavedTakes(db: Db, invitationId: string) {
  return db
    .selectFrom('takes')
    .leftJoin('take_media', 'take_media.take_id', 'takes.id')
    .select([
      'takes.id',
      'takes.question_id',
      'takes.take_number',
      'takes.storage_key',
      'takes.mime',
      'takes.uploaded_at',
      'take_media.status as media_status',
      'take_media.playback_key',
      'take_media.playback_mime',
    ])
    .where('takes.invitation_id', '=', invitationId)
    .where('takes.status', '=', 'uploaded')
    .orderBy('takes.question_id')
    .orderBy('takes.take_number')
    .execute();
}

export function listAnswers(db: Db, invitationId: string) {
  return db
    .selectFrom('answers')
    .select(['question_id', 'kind', 'take_id', 'text', 'saved_at'])
    .where('invitation_id', '=', invitationId)
    .execute();
}

export function listConsents(db: Db, invitationId: string) {
  return db
    .selectFrom('consents')
    .select([
      'notice_version',
      'notice_hash',
      'notice_text',
      'ip',
      'user_agent',
      'created_at',
      'withdrawn_at',
    ])
    .where('invitation_id', '=', invitationId)
    .orderBy('created_at')
    .execute();
}

export function listTimeline(db: Db, invitationId: string) {
  return db
    .selectFrom('invitation_events')
    .select(['type', 'details', 'created_at'])
    .where('invitation_id', '=', invitationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function listRequests(db: Db, invitationId: string) {
  return db
    .selectFrom('invitation_requests')
    .select(['kind', 'reason', 'requested', 'status', 'created_at', 'decided_at', 'outcome'])
    .where('invitation_id', '=', invitationId)
    .orderBy('created_at')
    .execute();
}

export function listSessions(db: Db, invitationId: string) {
  return db
    .selectFrom('candidate_sessions')
    .select(['created_at', 'last_seen_at', 'ip', 'user_agent'])
    .where('invitation_id', '=', invitationId)
    .orderBy('created_at')
    .execute();
}

/** Withdraws every consent in force; returns how many there were. */
export async function markConsentsWithdrawn(
  db: Db,
  options: { invitationId: string; now: string },
): Promise<number> {
  const result = await db
    .updateTable('consents')
    .set({ withdrawn_at: options.now })
    .where('invitation_id', '=', options.invitationId)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
