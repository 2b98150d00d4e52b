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
import type { CandidateQuestionVideo } from '../prompt-video/useCandidatePromptVideos.ts';

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
  /** The video that asks the question, if any: think time starts once its length has passed. */
  video: CandidateQuestionVideo | null;
}

export function flowQuestionOf(
  question: CandidateInterviewQuestion,
  video: CandidateQuestionVideo | null = null,
): FlowQuestion {
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
    video,
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
    video: null,
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

/** Where the question's timers stand: think time starts after its video, and ends its think seconds later. */
export interface ThinkTimes {
  /** When think time proper starts (epoch ms, server time): after the video prompt; null without one. */
  thinkStartsAt: number | null;
  /** When think time ends (epoch ms, server time); null: as long as the candidate needs. */
  thinkEndsAt: number | null;
}

/**
 * The think times of a question revealed at `revealedAt`: the video's length first (watching the question never
 * eats thinking time), then the think seconds. With no think time the think step lasts only as long as the video.
 */
export function thinkTimesOf(q: FlowQuestion, revealedAt: number): ThinkTimes {
  const videoMs = (q.video?.durationSeconds ?? 0) * 1000;
  const thinkStartsAt = videoMs > 0 ? revealedAt + videoMs : null;
  const start = revealedAt + videoMs;
  if (q.think === null) return { thinkStartsAt, thinkEndsAt: null };
  return { thinkStartsAt, thinkEndsAt: start + (q.think === 'none' ? 0 : q.think * 1000) };
}

/** Where a question starts when the page opens (`now` on the server's clock): never recording after a reload. */
export function initialStep(q: FlowQuestion, now: number): { step: FlowStep } & ThinkTimes {
  const none = { thinkStartsAt: null, thinkEndsAt: null };
  if (q.answer !== null) return { step: 'answered', ...none };
  // Practice starts as a question does: its rules first, its timers only once the candidate starts it.
  if (q.isPractice) return { step: 'intro', ...none };
  if (q.prompt === null || q.revealedAt === null) return { step: 'intro', ...none };
  // `now` is an estimate of the server's clock; a reveal it places in the future starts now, never later.
  const times = thinkTimesOf(q, Math.min(Date.parse(q.revealedAt), now));
  if (times.thinkEndsAt === null) return { step: 'thinking', ...times };
  if (times.thinkEndsAt > now) return { step: 'thinking', ...times };
  return { step: q.answerType === 'text' ? 'writing' : 'ready', ...none };
}
