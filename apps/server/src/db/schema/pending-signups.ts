/** A sign-up waiting for its e-mail address to be confirmed; the organisation exists only once it is. */
export interface PendingSignupsTable {
  id: string;
  token_hash: string;
  email: string;
  name: string;
  organisation_name: string;
  password_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}
