import {
  defaultErasureWindowDays,
  interviewRetentionChoiceSchema,
  retentionChoiceSchema,
  retentionDaysOf,
  type InterviewRetentionChoice,
  type PrivacySettings,
} from '@oneway/shared';
import type { Db } from '../../db/database.ts';

// Read by the candidate landing and the consent notice as well, so nothing here depends on another module.

const defaults: PrivacySettings = { retention: 'keep', erasureWindowDays: defaultErasureWindowDays };

/** The organisation's retention default and erasure window (the defaults when never set). */
export async function findPrivacySettings(db: Db, organisationId: string): Promise<PrivacySettings> {
  const row = await db
    .selectFrom('privacy_settings')
    .select(['retention', 'erasure_window_days'])
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (!row) return defaults;
  const retention = retentionChoiceSchema.safeParse(row.retention);
  return {
    retention: retention.success ? retention.data : defaults.retention,
    erasureWindowDays: row.erasure_window_days,
  };
}

export async function upsertPrivacySettings(
  db: Db,
  options: { organisationId: string; settings: PrivacySettings; userId: string | null; now: string },
): Promise<void> {
  const values = {
    retention: options.settings.retention,
    erasure_window_days: options.settings.erasureWindowDays,
    updated_by_user_id: options.userId,
    updated_at: options.now,
  };
  await db
    .insertInto('privacy_settings')
    .values({ organisation_id: options.organisationId, ...values })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet(values))
    .execute();
}

/** The interview's own choice; `organisation` when it never chose. */
export async function findInterviewRetentionChoice(
  db: Db,
  interviewId: string,
): Promise<InterviewRetentionChoice> {
  const row = await db
    .selectFrom('interview_retention')
    .select('retention')
    .where('interview_id', '=', interviewId)
    .executeTakeFirst();
  const parsed = interviewRetentionChoiceSchema.safeParse(row?.retention);
  return parsed.success ? parsed.data : 'organisation';
}

/** Every interview choice of an organisation that is not the default, by interview id. */
export async function listInterviewRetentionChoices(
  db: Db,
  organisationId: string,
): Promise<Map<string, InterviewRetentionChoice>> {
  const rows = await db
    .selectFrom('interview_retention')
    .select(['interview_id', 'retention'])
    .where('organisation_id', '=', organisationId)
    .execute();
  const choices = new Map<string, InterviewRetentionChoice>();
  for (const row of rows) {
    const parsed = interviewRetentionChoiceSchema.safeParse(row.retention);
    if (parsed.success) choices.set(row.interview_id, parsed.data);
  }
  return choices;
}

export async function upsertInterviewRetentionChoice(
  db: Db,
  options: { organisationId: string; interviewId: string; choice: InterviewRetentionChoice; now: string },
): Promise<void> {
  const values = { retention: options.choice, updated_at: options.now };
  await db
    .insertInto('interview_retention')
    .values({ interview_id: options.interviewId, organisation_id: options.organisationId, ...values })
    .onConflict((oc) => oc.column('interview_id').doUpdateSet(values))
    .execute();
}

/** The retention days an interview's candidates are told (its own choice, else the organisation's); null keeps. */
export async function findEffectiveRetentionDays(
  db: Db,
  invitation: { organisation_id: string; interview_id: string },
): Promise<number | null> {
  const [settings, choice] = await Promise.all([
    findPrivacySettings(db, invitation.organisation_id),
    findInterviewRetentionChoice(db, invitation.interview_id),
  ]);
  return retentionDaysOf(choice === 'organisation' ? settings.retention : choice);
}
