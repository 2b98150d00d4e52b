/** Which candidate an outbox e-mail is about (to them, or to the team about them): its copy goes with them. */
export interface OutboxEmailInvitationsTable {
  message_id: string;
  invitation_id: string;
}
