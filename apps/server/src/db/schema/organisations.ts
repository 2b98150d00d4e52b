import type { Generated } from 'kysely';

export interface OrganisationsTable {
  id: string;
  name: string;
  created_at: string;
  /** Set while an instance administrator has suspended the organisation. */
  suspended_at: string | null;
  /** 0 or 1 (default 0): members need a second factor to sign in. */
  require_second_factor: Generated<number>;
  /** JSON QuestionDefaults; null while the built-in ones apply. */
  question_defaults: Generated<string | null>;
}
