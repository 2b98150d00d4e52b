import { builtInQuestionDefaults, questionDefaultsSchema, type QuestionDefaults } from '@oneway/shared';
import type { Db } from '../../db/database.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { findQuestionDefaults, saveQuestionDefaults } from './question-defaults.repository.ts';

/** Parses what was stored; anything no longer valid (a rule tightened since) falls back to the built-in rules. */
function parseStored(json: string | null): QuestionDefaults {
  if (json === null) return builtInQuestionDefaults;
  const parsed = questionDefaultsSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : builtInQuestionDefaults;
}

/** The rules a new question starts with in the editor, for the whole organisation. */
export function createQuestionDefaultsService({ db, audit }: { db: Db; audit: AuditService }) {
  return {
    async getQuestionDefaults(organisationId: string): Promise<QuestionDefaults> {
      return parseStored(await findQuestionDefaults(db, organisationId));
    },

    /** Sets them (null: back to the built-in rules). Audited. */
    async setQuestionDefaults(options: {
      organisationId: string;
      userId: string;
      defaults: QuestionDefaults | null;
    }): Promise<QuestionDefaults> {
      const { organisationId, defaults } = options;
      await saveQuestionDefaults(db, { organisationId, json: defaults ? JSON.stringify(defaults) : null });
      await audit.recordEvent({
        organisationId,
        actorUserId: options.userId,
        action: defaults ? 'organisation.question_defaults_set' : 'organisation.question_defaults_reset',
        targetType: 'organisation',
        targetId: organisationId,
        details: defaults ? { ...defaults } : {},
      });
      return defaults ?? builtInQuestionDefaults;
    },
  };
}

export type QuestionDefaultsService = ReturnType<typeof createQuestionDefaultsService>;
