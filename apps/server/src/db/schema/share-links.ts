/** A read-only link for guests to one candidate or a shortlist of one interview; the token is stored hashed. */
export interface ShareLinksTable {
  id: string;
  organisation_id: string;
  interview_id: string;
  /** SHA-256 of the link's token; the token itself is shown once, when the link is made. */
  token_hash: string;
  /** 0/1: names and e-mail addresses hidden from guests. */
  anonymised: number;
  /** 0/1: guests may rate. */
  allow_ratings: number;
  created_by_user_id: string | null;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  revoked_by_user_id: string | null;
  last_used_at: string | null;
  use_count: number;
}
