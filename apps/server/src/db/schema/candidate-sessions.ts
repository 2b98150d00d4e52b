/** A candidate's browser session for one invitation, made by a POST with the link token. */
export interface CandidateSessionsTable {
  /** SHA-256 of the cookie value. */
  id: string;
  invitation_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}
