export type ErasureReasonValue = 'retention' | 'candidate_request' | 'employer' | 'consent_withdrawn';

/**
 * What an erasure leaves behind: which organisation and interview, why, when and how much went, never who. The
 * invitation id is kept only to make the erasure resumable and idempotent; nothing else refers to it any more.
 */
export interface CandidateErasuresTable {
  id: string;
  organisation_id: string;
  interview_id: string;
  invitation_id: string;
  reason: ErasureReasonValue;
  /** The member who erased or, for retention and requests, null. */
  actor_user_id: string | null;
  /** erasing until every store is clean, then done. */
  status: 'erasing' | 'done';
  /** The invitation's status when the erasure began (invited, completed, expired…). */
  invitation_status: string;
  invited_at: string;
  /** When the candidate asked (candidate_request), else null. */
  requested_at: string | null;
  /** The confirmation link's hash, so following it again says the data is gone rather than "unknown link". */
  request_token_hash: string | null;
  takes: number;
  files: number;
  /** bigint: a string from pg at run time; read it through Number(). */
  bytes: number;
  text_answers: number;
  ratings: number;
  comments: number;
  emails: number;
  started_at: string;
  erased_at: string | null;
}
