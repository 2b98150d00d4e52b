/** An e-mail about an invitation (outbox_emails.id), so its delivery can be put on the invitation's timeline. */
export interface InvitationEmailsTable {
  message_id: string;
  invitation_id: string;
  organisation_id: string;
  /** An EmailTemplateKind. */
  kind: string;
  created_at: string;
  /** When the mail server took it; null until then. */
  delivered_at: string | null;
}
