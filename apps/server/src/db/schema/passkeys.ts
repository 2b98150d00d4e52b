/** A WebAuthn credential: its id and COSE public key (base64url), signature counter and transports. */
export interface PasskeysTable {
  id: string;
  user_id: string;
  public_key: string;
  counter: number;
  /** JSON array of AuthenticatorTransport, or null. */
  transports: string | null;
  name: string;
  created_at: string;
  last_used_at: string | null;
}
