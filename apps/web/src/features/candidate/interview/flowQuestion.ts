import {
  practiceQuestionId,
  type AnswerType,
  type CandidateAnswer,
  type CandidateInterviewQuestion,
  type CandidatePractice,
  type CandidateThink,
  type SavedTake,
  type StartMode,
  type UnfinishedTake,
} from '@oneway/shared';

/** One question as the flow needs it: a real question or the practice one. */
export interface FlowQuestion {
  questionId: string;
  isPractice: boolean;
  answerType: AnswerType;
  think: CandidateThink;
  answerSeconds: number | null;
  textMaxChars: number | null;
  startMode: StartMode;
  /** null until revealed. */
  prompt: string | null;
  revealedAt: string | null;
  /** Takes that still count; null for practice (unlimited). */
  takesLeft: number | null;
  answer: CandidateAnswer | null;
  savedTakes: SavedTake[];
  unfinishedTake: UnfinishedTake | null;
}

export function flowQuestionOf(question: CandidateInterviewQuestion): FlowQuestion {
  return {
    questionId: question.id,
    isPractice: false,
    answerType: question.answerType,
    think: question.think,
    answerSeconds: question.answerSeconds,
    textMaxChars: question.textMaxChars,
    startMode: question.startMode,
    prompt: question.prompt,
    revealedAt: question.revealedAt,
    takesLeft: question.takesLeft,
    answer: question.answer,
    savedTakes: question.savedTakes,
    unfinishedTake: question.unfinishedTake,
  };
}

/** The practice question: its prompt is known from the start, it has no takes limit and is never an answer. */
export function flowPracticeOf(practice: CandidatePractice): FlowQuestion {
  return {
    ...practice,
    questionId: practiceQuestionId,
    isPractice: true,
    revealedAt: null,
    takesLeft: null,
    answer: null,
    savedTakes: [],
    unfinishedTake: null,
  };
}

export type FlowStep =
  /** Looking for a recording kept on this device from an earlier visit. */
  | 'checking'
  | 'recovery'
  /** The rules, before the prompt is shown. */
  | 'intro'
  | 'thinking'
  /** Think time is over; recording starts when the candidate says so. */
  | 'ready'
  | 'recording'
  /** Stopped: saving, then saved; play it back, record again or go on. */
  | 'recorded'
  | 'writing'
  /** The question has an answer already. */
  | 'answered';

/** Where a question starts when the page opens: never recording by itself after a reload. */
export function initialStep(q: FlowQuestion, now: number): { step: FlowStep; thinkEndsAt: number | null } {
  if (q.answer !== null) return { step: 'answered', thinkEndsAt: null };
  // Practice shows its prompt and runs its timers at once; without think time it waits for "Start recording".
  if (q.isPractice) {
    if (q.think === 'none') return { step: q.answerType === 'text' ? 'writing' : 'ready', thinkEndsAt: null };
    return { step: 'thinking', thinkEndsAt: q.think === null ? null : now + q.think * 1000 };
  }
  if (q.prompt === null || q.revealedAt === null) return { step: 'intro', thinkEndsAt: null };
  if (q.think === null) return { step: 'thinking', thinkEndsAt: null };
  const endsAt = typeof q.think === 'number' ? Date.parse(q.revealedAt) + q.think * 1000 : now;
  // The server's clock may differ a little from this one; never more than the whole think time.
  const clamped = Math.min(endsAt, now + (typeof q.think === 'number' ? q.think * 1000 : 0));
  if (clamped > now) return { step: 'thinking', thinkEndsAt: clamped };
  return { step: q.answerType === 'text' ? 'writing' : 'ready', thinkEndsAt: null };
}
