/** A score (1-5) for one question within a rating set. */
export interface QuestionRatingsTable {
  rating_set_id: string;
  /** The question's id in the invitation's frozen version snapshot. */
  question_id: string;
  score: number;
  note: string | null;
}
