export type InvitationStatus = 'invited' | 'opened' | 'started' | 'completed' | 'expired' | 'withdrawn';

export interface InvitationsTable {
  id: string;
  organisation_id: string;
  interview_id: string;
  /** The frozen interview the candidate sees (interview_versions.id). */
  interview_version_id: string;
  candidate_name: string;
  /** Lower-cased; unique per interview among invitations that are not withdrawn. */
  candidate_email: string;
  candidate_phone: string | null;
  external_id: string | null;
  /** SHA-256 of the link token; the token itself is only ever in the e-mail. */
  token_hash: string;
  deadline_at: string;
  /** The candidate's IANA time zone once their browser told us; null until then. */
  candidate_time_zone: string | null;
  status: InvitationStatus;
  /** JSON Accommodations: { timeMultiplier: 1|1.5|2|3|null(untimed), extraTakes, answerFormat } */
  accommodations: string;
  extensions_granted: number;
  created_by_user_id: string | null;
  created_at: string;
  opened_at: string | null;
  started_at: string | null;
  completed_at: string | null;
  withdrawn_at: string | null;
  expired_at: string | null;
  last_activity_at: string;
}
