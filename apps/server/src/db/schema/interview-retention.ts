/** An interview's own retention choice; no row (or `organisation`) means the organisation's default. */
export interface InterviewRetentionTable {
  interview_id: string;
  organisation_id: string;
  /** InterviewRetentionChoice: organisation | keep | 30 | 90 | 180 | 365. */
  retention: string;
  updated_at: string;
}
