export interface SessionsTable {
  /** SHA-256 of the cookie value; the value itself is never stored. */
  id: string;
  user_id: string;
  organisation_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  /** When the person last re-entered their password in this session; null: only at sign-in (created_at). */
  verified_at: string | null;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}
