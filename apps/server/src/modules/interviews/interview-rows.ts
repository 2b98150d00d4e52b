import type { DeadlinePolicy, Interview, PracticeQuestion } from '@oneway/shared';
import type { InterviewsTable } from '../../db/schema/interviews.ts';
import { promptVideoOf, type PromptVideosById } from '../prompt-videos/prompt-video-rows.ts';

/** Everything an employer sets on an interview, without its questions. */
export type InterviewSettings = Omit<
  Interview,
  'id' | 'questions' | 'logoUrl' | 'introVideo' | 'archivedAt' | 'createdAt' | 'updatedAt'
>;

export type InterviewSettingsColumns = Omit<
  InterviewsTable,
  | 'id'
  | 'organisation_id'
  | 'logo_key'
  | 'logo_mime'
  | 'logo_updated_at'
  | 'intro_video_id'
  | 'created_by_user_id'
  | 'archived_at'
  | 'created_at'
  | 'updated_at'
>;

export function toInterviewSettingsColumns(settings: InterviewSettings): InterviewSettingsColumns {
  const deadline = settings.deadlinePolicy;
  return {
    title: settings.title,
    role_title: settings.roleTitle,
    intro_text: settings.introText,
    instructions: settings.instructions,
    language: settings.language,
    accent_colour: settings.accentColour,
    deadline_mode: deadline.mode,
    deadline_days: deadline.mode === 'relative' ? deadline.days : null,
    deadline_at: deadline.mode === 'fixed' ? deadline.at : null,
    deadline_time_zone: deadline.mode === 'fixed' ? deadline.timeZone : null,
    time_zone: settings.timeZone,
    outcome_email_advance: settings.outcomeEmails.advance ? 1 : 0,
    outcome_email_hold: settings.outcomeEmails.hold ? 1 : 0,
    outcome_email_reject: settings.outcomeEmails.reject ? 1 : 0,
    reminder_hours: JSON.stringify(settings.reminderHours),
    practice_question: JSON.stringify(settings.practiceQuestion),
    auto_extension_max_days: settings.autoExtension.maxDays,
    auto_extension_max_times: settings.autoExtension.maxTimes,
    ratings_hidden_until_rated: settings.ratingsHiddenUntilRated ? 1 : 0,
    anonymised_review: settings.anonymisedReview ? 1 : 0,
  };
}

function toDeadlinePolicy(row: InterviewSettingsColumns): DeadlinePolicy {
  if (row.deadline_mode === 'fixed') {
    return { mode: 'fixed', at: row.deadline_at ?? '', timeZone: row.deadline_time_zone ?? 'UTC' };
  }
  return { mode: 'relative', days: row.deadline_days ?? 0 };
}

export function fromInterviewSettingsColumns(row: InterviewSettingsColumns): InterviewSettings {
  return {
    title: row.title,
    roleTitle: row.role_title,
    introText: row.intro_text,
    instructions: row.instructions,
    language: row.language,
    accentColour: row.accent_colour,
    deadlinePolicy: toDeadlinePolicy(row),
    timeZone: row.time_zone,
    reminderHours: JSON.parse(row.reminder_hours) as number[],
    practiceQuestion: JSON.parse(row.practice_question) as PracticeQuestion,
    autoExtension: { maxDays: row.auto_extension_max_days, maxTimes: row.auto_extension_max_times },
    ratingsHiddenUntilRated: row.ratings_hidden_until_rated === 1,
    anonymisedReview: row.anonymised_review === 1,
    outcomeEmails: {
      advance: row.outcome_email_advance === 1,
      hold: row.outcome_email_hold === 1,
      reject: row.outcome_email_reject === 1,
    },
  };
}

/** The interview as the API shows it, questions excluded; `videos` holds its intro video. */
export function fromInterviewRow(
  row: InterviewsTable,
  videos: PromptVideosById,
): Omit<Interview, 'questions'> {
  return {
    id: row.id,
    ...fromInterviewSettingsColumns(row),
    logoUrl: interviewLogoUrlOf(row),
    introVideo: promptVideoOf(videos, row.intro_video_id),
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The member-facing logo address, versioned by its change time so a replaced logo is fetched again. */
export function interviewLogoUrlOf(
  row: Pick<InterviewsTable, 'id' | 'logo_key' | 'logo_updated_at'>,
): string | null {
  if (row.logo_key === null || row.logo_updated_at === null) return null;
  return `/api/v1/interviews/${row.id}/logo?v=${encodeURIComponent(row.logo_updated_at)}`;
}
