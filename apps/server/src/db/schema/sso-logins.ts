/** A single sign-on under way (id: hash of its state), bound to the browser that started it. */
export interface SsoLoginsTable {
  id: string;
  organisation_id: string;
  browser_hash: string;
  code_verifier: string;
  nonce: string;
  created_at: string;
  expires_at: string;
}
