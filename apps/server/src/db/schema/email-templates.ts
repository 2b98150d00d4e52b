import type { InterviewLanguage } from '@oneway/shared';

export type EmailTemplateKind =
  | 'invitation'
  | 'reminder'
  | 'deadline_extended'
  | 'completion_candidate'
  | 'completion_team'
  | 'outcome_advance'
  | 'outcome_hold'
  | 'outcome_reject';

/** An interview's own wording for one kind of e-mail; absent rows fall back to the built-in text. */
export interface EmailTemplatesTable {
  interview_id: string;
  organisation_id: string;
  kind: EmailTemplateKind;
  subject: string;
  text_body: string;
  html_body: string | null;
  updated_at: string;
}

/** An organisation's own wording for one kind of e-mail in one language, used by interviews without their own. */
export interface OrganisationEmailTemplatesTable {
  organisation_id: string;
  language: InterviewLanguage;
  kind: EmailTemplateKind;
  subject: string;
  text_body: string;
  html_body: string | null;
  updated_at: string;
}
