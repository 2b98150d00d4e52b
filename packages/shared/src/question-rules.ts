import * as z from 'zod/mini';

// zod/mini: the candidate's pages import these shapes, and the candidate route's JavaScript is kept small. The
// interview and question schemas (interviews.ts, interview-questions.ts) build on them.

export const answerTypeSchema = z.enum(['video', 'audio', 'text'], { error: 'Use video, audio or text' });
export type AnswerType = z.infer<typeof answerTypeSchema>;

/** auto: recording starts when think time ends; ready: the candidate starts it. */
export const startModeSchema = z.enum(['auto', 'ready'], { error: 'Use auto or ready' });
export type StartMode = z.infer<typeof startModeSchema>;

/** The languages an interview, and the candidate pages' own text, can be in. */
export const interviewLanguages = ['en', 'es'] as const;
export const interviewLanguageSchema = z.enum(interviewLanguages, { error: 'Use en or es' });
export type InterviewLanguage = z.infer<typeof interviewLanguageSchema>;

/** True when the name is an IANA time zone this runtime knows (Europe/Madrid, America/New_York, UTC…). */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string()
  .check(z.maxLength(100), z.refine(isTimeZone, { error: 'Use a time zone name such as Europe/Madrid' }));
