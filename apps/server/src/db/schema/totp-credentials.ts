/** A user's TOTP secret (RFC 6238); confirmed once a code from it was entered. */
export interface TotpCredentialsTable {
  user_id: string;
  /** Base32. */
  secret: string;
  created_at: string;
  confirmed_at: string | null;
  /** The 30-second step of the last code accepted: a code is never accepted twice. */
  last_used_step: number | null;
}
