/** When a candidate first saw a question's prompt; written once, so a reload cannot restart its think time. */
export interface QuestionRevealsTable {
  invitation_id: string;
  organisation_id: string;
  question_id: string;
  revealed_at: string;
}
