export type CompletionEmailsValue = 'immediate' | 'daily' | 'off';
export type RequestEmailsValue = 'immediate' | 'off';

/** How a member hears that candidates completed; no row means immediate. */
export interface NotificationPreferencesTable {
  organisation_id: string;
  user_id: string;
  completion_emails: CompletionEmailsValue;
  /** Whether a candidate's request for more time or an accommodation e-mails this member at once. */
  request_emails: RequestEmailsValue;
  /** When the last daily digest went out (or was due with nothing to say). */
  digest_sent_at: string | null;
  updated_at: string;
}
