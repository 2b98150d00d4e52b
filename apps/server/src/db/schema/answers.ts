export type AnswerKindValue = 'take' | 'text';

/** The answer one question of one invitation has now: a saved take, or a text. One per question. */
export interface AnswersTable {
  id: string;
  invitation_id: string;
  organisation_id: string;
  /** The question's id in the invitation's frozen version snapshot (never 'practice'). */
  question_id: string;
  kind: AnswerKindValue;
  /** kind 'take': an uploaded take of this invitation and question; null for text. */
  take_id: string | null;
  /** kind 'text': the candidate's answer; null for a take. */
  text: string | null;
  saved_at: string;
}
