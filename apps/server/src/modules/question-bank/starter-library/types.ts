import type { AnswerType, StartMode, StarterRole, ThinkTime } from '@oneway/shared';

/** A rubric criterion as the library writes it: its name and what a 1, a 3 and a 5 answer look like. */
export type StarterCriterion = readonly [name: string, one: string, three: string, five: string];

/** One language's wording of a starter question. */
export interface StarterWording {
  prompt: string;
  rubric: readonly StarterCriterion[];
}

export interface StarterRules {
  answerType: AnswerType;
  think: ThinkTime;
  answerSeconds: number | null;
  textMaxChars: number | null;
  takes: number;
  startMode: StartMode;
}

/** A starter question in English and Spanish, written for each language rather than translated word for word. */
export interface StarterEntry {
  /** "<role>-<two digits>", unique in the library; a language is added to it when copied ("sales-01.es"). */
  id: string;
  role: StarterRole;
  /** Lower case, in English whatever the language (a team renames them in its bank if it likes). */
  tags: readonly string[];
  rules: StarterRules;
  en: StarterWording;
  es: StarterWording;
}

/** A recorded video answer: 30 seconds to think, two takes, recording when the candidate is ready. */
export function video(answerSeconds: number, thinkSeconds = 30): StarterRules {
  return {
    answerType: 'video',
    think: { mode: 'timed', seconds: thinkSeconds },
    answerSeconds,
    textMaxChars: null,
    takes: 2,
    startMode: 'ready',
  };
}

/** A written answer without a clock on thinking; one take. */
export function text(textMaxChars: number): StarterRules {
  return {
    answerType: 'text',
    think: { mode: 'unlimited' },
    answerSeconds: null,
    textMaxChars,
    takes: 1,
    startMode: 'ready',
  };
}
