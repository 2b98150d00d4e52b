/** A message ready to leave: the mail service builds it, the transport sends it. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
}

/** Sends mail. SMTP when configured; otherwise the outbox transport keeps it in the database only. */
export interface Mailer {
  readonly transport: 'smtp' | 'outbox';
  send(message: MailMessage): Promise<void>;
  close(): Promise<void>;
}
