import type { QuestionSettingsColumns } from './questions.ts';

export interface QuestionBankTable extends QuestionSettingsColumns {
  id: string;
  organisation_id: string;
  created_by_user_id: string | null;
  created_at: string;
}
