import type { InterviewLanguage } from '@oneway/shared';

export interface InterviewsTable {
  id: string;
  organisation_id: string;
  title: string;
  role_title: string;
  intro_text: string;
  instructions: string;
  language: InterviewLanguage;
  accent_colour: string | null;
  /** relative: deadline_days after the invitation; fixed: deadline_at (UTC) shown in deadline_time_zone. */
  deadline_mode: 'relative' | 'fixed';
  deadline_days: number | null;
  deadline_at: string | null;
  deadline_time_zone: string | null;
  /** The IANA zone every deadline typed for this interview is read in (the form's and the CSV's alike). */
  time_zone: string;
  /** 0 or 1 each: whether deciding advance / hold / reject e-mails the candidate without being asked. */
  outcome_email_advance: number;
  outcome_email_hold: number;
  outcome_email_reject: number;
  /** JSON array of hours before the deadline, largest first. */
  reminder_hours: string;
  /** JSON PracticeQuestion. */
  practice_question: string;
  auto_extension_max_days: number;
  auto_extension_max_times: number;
  /** 0 or 1: integers keep booleans portable between SQLite and PostgreSQL. */
  ratings_hidden_until_rated: number;
  anonymised_review: number;
  /** The logo's media storage key, its Content-Type and when it last changed; all null when there is none. */
  logo_key: string | null;
  logo_mime: string | null;
  logo_updated_at: string | null;
  /** The current intro video (prompt_videos.id); null when there is none. */
  intro_video_id: string | null;
  created_by_user_id: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}
