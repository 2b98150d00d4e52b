/** One rater's ratings of one candidate: an optional overall score, with question scores in question_ratings. */
export interface RatingSetsTable {
  id: string;
  organisation_id: string;
  interview_id: string;
  invitation_id: string;
  /** `user:<id>` for a member, `guest:<guest session id>` for a guest; unique per invitation. */
  rater_key: string;
  rater_user_id: string | null;
  share_link_id: string | null;
  /** The guest's name, or the member's name when they rated. */
  rater_name: string;
  /** 1-5, or null when only questions were rated. */
  overall: number | null;
  created_at: string;
  updated_at: string;
}
