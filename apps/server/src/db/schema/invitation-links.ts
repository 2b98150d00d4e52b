/** A further link token for an invitation (sent with a reminder or extension e-mail); valid like the first one. */
export interface InvitationLinksTable {
  /** SHA-256 of the token; the token itself is only ever in the e-mail. */
  token_hash: string;
  invitation_id: string;
  organisation_id: string;
  created_at: string;
}
