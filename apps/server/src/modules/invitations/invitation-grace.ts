import { applyAccommodationsToQuestion, type Accommodations, type InterviewSnapshot } from '@oneway/shared';
import type { QuestionRevealsTable } from '../../db/schema/question-reveals.ts';
import type { TakesTable } from '../../db/schema/takes.ts';

/** Time after an answer's own limits for its last bytes to arrive and for the candidate to submit. */
export const graceMarginMs = 15 * 60_000;
/** How long an untimed written answer is given. */
export const untimedTextAnswerMs = 30 * 60_000;

/** Takes that may still become an answer: the others need no time after the deadline. */
const liveStatuses: ReadonlySet<string> = new Set(['open', 'uploading', 'uploaded']);

/**
 * Until when submitting and choosing answers still work after the deadline, because an answer was started before
 * it; null when nothing started before the deadline runs past it. For each video or audio take opened before the
 * deadline: its opening + the question's answer limit after accommodations (MEDIA_MAX_SECONDS when untimed); for
 * each written question revealed before the deadline: its reveal + think time + answer limit (30 minutes when
 * untimed); each plus 15 minutes. The latest of these, when it is later than the deadline.
 */
export function computeGraceUntil(options: {
  deadline: string;
  snapshot: InterviewSnapshot;
  accommodations: Accommodations;
  takes: Pick<TakesTable, 'question_id' | 'created_at' | 'status' | 'is_practice'>[];
  reveals: Pick<QuestionRevealsTable, 'question_id' | 'revealed_at'>[];
  mediaMaxSeconds: number;
}): string | null {
  const deadline = Date.parse(options.deadline);
  const rules = new Map(
    options.snapshot.questions.map((q, i) => [
      q.id,
      applyAccommodationsToQuestion(q, i + 1, options.accommodations),
    ]),
  );
  let latest = deadline;
  for (const take of options.takes) {
    const started = Date.parse(take.created_at);
    const question = rules.get(take.question_id);
    if (take.is_practice === 1 || !question || !liveStatuses.has(take.status) || started >= deadline)
      continue;
    const answerMs = (question.answerSeconds ?? options.mediaMaxSeconds) * 1000;
    latest = Math.max(latest, started + answerMs + graceMarginMs);
  }
  for (const reveal of options.reveals) {
    const revealed = Date.parse(reveal.revealed_at);
    const question = rules.get(reveal.question_id);
    if (!question || question.answerType !== 'text' || revealed >= deadline) continue;
    const thinkMs = typeof question.think === 'number' ? question.think * 1000 : 0;
    const answerMs = question.answerSeconds === null ? untimedTextAnswerMs : question.answerSeconds * 1000;
    latest = Math.max(latest, revealed + thinkMs + answerMs + graceMarginMs);
  }
  return latest > deadline ? new Date(latest).toISOString() : null;
}
