import type { QuestionSettingsColumns } from './questions.ts';

export interface QuestionBankTable extends QuestionSettingsColumns {
  id: string;
  organisation_id: string;
  /** The normalised prompt (normaliseBankPrompt), unique per organisation; null only for a duplicate kept from before. */
  prompt_key: string | null;
  /** The starter library question this item was copied from ("sales-01.es"), at most once per organisation. */
  starter_question_id: string | null;
  created_by_user_id: string | null;
  created_at: string;
  /** When the item was last edited; null when never. */
  updated_at: string | null;
}

export interface QuestionBankTagsTable {
  question_bank_id: string;
  /** Lower case, as bankTagSchema leaves it. */
  tag: string;
}
