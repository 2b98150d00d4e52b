/** A candidate's request to erase their data: made on "Your data", confirmed through an e-mailed link. */
export interface ErasureRequestsTable {
  id: string;
  /** Unique: a new request replaces an unconfirmed one. */
  invitation_id: string;
  organisation_id: string;
  /** SHA-256 of the confirmation link's token; the token itself is only in the e-mail. */
  token_hash: string;
  requested_at: string;
  /** The confirmation link stops working after this. */
  link_expires_at: string;
  /** Set once the candidate followed the link; the erasure is then due at due_at. */
  confirmed_at: string | null;
  due_at: string | null;
}
