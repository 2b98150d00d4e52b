import { z } from 'zod';
import {
  answerSecondsSchema,
  answerTypeSchema,
  startModeSchema,
  takesSchema,
  textMaxCharsSchema,
  thinkTimeSchema,
} from './interview-questions.ts';

/**
 * The rules a new question starts with in the editor, set once for the organisation by an owner or admin. The
 * answer time applies to video and audio questions, the character limit to text ones.
 */
export const questionDefaultsSchema = z.strictObject({
  answerType: answerTypeSchema,
  think: thinkTimeSchema,
  answerSeconds: answerSecondsSchema,
  textMaxChars: textMaxCharsSchema,
  takes: takesSchema,
  startMode: startModeSchema,
});
export type QuestionDefaults = z.infer<typeof questionDefaultsSchema>;

/** Until an organisation sets its own: two minutes to answer after 30 seconds to think, two takes. */
export const builtInQuestionDefaults: QuestionDefaults = {
  answerType: 'video',
  think: { mode: 'timed', seconds: 30 },
  answerSeconds: 120,
  textMaxChars: 1000,
  takes: 2,
  startMode: 'ready',
};
