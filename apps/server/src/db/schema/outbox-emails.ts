export interface OutboxEmailsTable {
  id: string;
  organisation_id: string | null;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  /**
   * sent: a mail server took it; kept: no mail server is set, so it stays here, not delivered; held: waiting for
   * the organisation's daily limit or its restoring (held_reason).
   */
  status: 'queued' | 'sent' | 'kept' | 'failed' | 'held';
  transport: 'outbox' | 'smtp';
  error: string | null;
  held_reason: 'daily_limit' | 'suspended' | null;
  created_at: string;
  sent_at: string | null;
}
