/** A team member's comment on one answer, optionally at a moment of it. */
export interface ReviewCommentsTable {
  id: string;
  organisation_id: string;
  interview_id: string;
  invitation_id: string;
  question_id: string;
  /** Milliseconds into the answer; null for the answer as a whole. */
  at_ms: number | null;
  body: string;
  author_user_id: string | null;
  author_name: string;
  created_at: string;
}
