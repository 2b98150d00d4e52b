/** A member assigned to review an interview; members with the reviewer role see only interviews they are assigned to. */
export interface InterviewReviewersTable {
  interview_id: string;
  organisation_id: string;
  user_id: string;
  assigned_by_user_id: string | null;
  assigned_at: string;
}
