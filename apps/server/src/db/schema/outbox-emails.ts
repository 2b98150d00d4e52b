export interface OutboxEmailsTable {
  id: string;
  organisation_id: string | null;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  /** sent: a mail server took it; kept: no mail server is set, so it stays here, not delivered. */
  status: 'queued' | 'sent' | 'kept' | 'failed';
  transport: 'outbox' | 'smtp';
  error: string | null;
  created_at: string;
  sent_at: string | null;
}
