import { validationFailed } from '../../errors.ts';
import {
  findQuestionLimitIssues,
  type QuestionSettings,
  type Rubric,
  type ThinkTime,
  type UpdateQuestionInput,
} from '@oneway/shared';
import type { QuestionSettingsColumns } from '../../db/schema/questions.ts';

/** The columns of a question's rules; fields that do not apply to the answer type are stored as null. */
export function toQuestionSettingsColumns(settings: QuestionSettings): QuestionSettingsColumns {
  const isText = settings.answerType === 'text';
  return {
    prompt_text: settings.promptText,
    answer_type: settings.answerType,
    think_mode: settings.think.mode,
    think_seconds: settings.think.mode === 'timed' ? settings.think.seconds : null,
    answer_seconds: isText ? null : settings.answerSeconds,
    text_max_chars: isText ? settings.textMaxChars : null,
    takes: settings.takes,
    start_mode: settings.startMode,
    rubric: settings.rubric ? JSON.stringify(settings.rubric) : null,
  };
}

function toThinkTime(row: QuestionSettingsColumns): ThinkTime {
  if (row.think_mode === 'timed') return { mode: 'timed', seconds: row.think_seconds ?? 0 };
  return { mode: row.think_mode };
}

export function fromQuestionSettingsColumns(row: QuestionSettingsColumns): QuestionSettings {
  return {
    promptText: row.prompt_text,
    answerType: row.answer_type,
    think: toThinkTime(row),
    answerSeconds: row.answer_seconds,
    textMaxChars: row.text_max_chars,
    takes: row.takes,
    startMode: row.start_mode,
    rubric: row.rubric === null ? null : (JSON.parse(row.rubric) as Rubric),
  };
}

/** Only the rules of a question, without its id, position or timestamps. */
export function pickQuestionSettings(question: QuestionSettings): QuestionSettings {
  return fromQuestionSettingsColumns(toQuestionSettingsColumns(question));
}

/**
 * A question's rules with the changes applied, for an interview's question and a bank item alike. Fields of the old
 * answer type are dropped when the type changes, unless the change sets them; the rules between fields are checked.
 */
export function applyQuestionChanges(
  current: QuestionSettings,
  changes: UpdateQuestionInput,
): QuestionSettings {
  const next: QuestionSettings = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined) Object.assign(next, { [key]: value });
  }
  if (next.answerType !== current.answerType) {
    if (next.answerType === 'text' && changes.answerSeconds === undefined) next.answerSeconds = null;
    if (current.answerType === 'text' && changes.textMaxChars === undefined) next.textMaxChars = null;
  }
  const issues = findQuestionLimitIssues(next);
  if (issues.length > 0) throw validationFailed(issues);
  return next;
}
