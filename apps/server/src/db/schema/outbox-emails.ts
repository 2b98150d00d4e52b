export interface OutboxEmailsTable {
  id: string;
  organisation_id: string | null;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  status: 'queued' | 'sent' | 'failed';
  transport: 'outbox' | 'smtp';
  error: string | null;
  created_at: string;
  sent_at: string | null;
}
