export interface InterviewVersionsTable {
  id: string;
  interview_id: string;
  /** 1, 2, 3… per interview. */
  version: number;
  /** Canonical JSON of the InterviewSnapshot a candidate sees. */
  snapshot: string;
  /** SHA-256 of snapshot, to tell cheaply whether anything changed. */
  snapshot_hash: string;
  created_at: string;
}
