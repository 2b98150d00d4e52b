import {
  applyAccommodationsToQuestion,
  type Accommodations,
  type CandidateAnswer,
  type CandidateInterview,
  type CandidateInterviewQuestion,
  type CandidatePractice,
  type InterviewSnapshot,
  type SavedTake,
  type UnfinishedTake,
} from '@oneway/shared';
import type { AnswersTable } from '../../db/schema/answers.ts';
import type { InvitationsTable } from '../../db/schema/invitations.ts';
import type { QuestionRevealsTable } from '../../db/schema/question-reveals.ts';
import type { TakesTable } from '../../db/schema/takes.ts';
import type { QuestionTake } from './candidate-interview.repository.ts';

const iso = (value: string): string => new Date(value).toISOString();

export function toCandidateAnswer(row: AnswersTable): CandidateAnswer {
  if (row.kind === 'take' && row.take_id !== null) {
    return { kind: 'take', takeId: row.take_id, savedAt: iso(row.saved_at) };
  }
  return { kind: 'text', text: row.text ?? '', savedAt: iso(row.saved_at) };
}

function toSavedTake(take: QuestionTake): SavedTake {
  // Only a finished processing run's length is the length of what plays; a failed run may have measured one.
  const durationMs = take.media_status === 'ready' ? take.media_duration_ms : null;
  return {
    takeId: take.id,
    takeNumber: take.take_number,
    bytes: take.bytes ?? 0,
    sha256: take.sha256 ?? '',
    uploadedAt: iso(take.uploaded_at ?? take.created_at),
    durationSeconds: durationMs === null ? null : durationMs / 1000,
  };
}

function findUnfinishedTake(takes: TakesTable[]): UnfinishedTake | null {
  const newest = takes.at(-1);
  if (!newest || (newest.status !== 'open' && newest.status !== 'uploading')) return null;
  return { takeId: newest.id, status: newest.status, createdAt: iso(newest.created_at) };
}

/** The practice question as this candidate gets it (prompt always shown), or null when the interview has none. */
export function buildPractice(snapshot: InterviewSnapshot, a: Accommodations): CandidatePractice | null {
  const practice = snapshot.practiceQuestion;
  if (!practice.enabled) return null;
  // The practice question is a video question with the real timers, and the candidate starts recording.
  const rules = applyAccommodationsToQuestion(
    {
      id: 'practice',
      promptText: practice.promptText,
      answerType: 'video',
      think: practice.think,
      answerSeconds: practice.answerSeconds,
      textMaxChars: null,
      takes: 1,
      startMode: 'ready',
    },
    0,
    a,
  );
  return {
    prompt: practice.promptText,
    answerType: rules.answerType,
    think: rules.think,
    answerSeconds: rules.answerSeconds,
    textMaxChars: rules.textMaxChars,
    startMode: rules.startMode,
  };
}

/** Everything the candidate's pages need for the interview, with accommodations applied and unseen prompts hidden. */
export function buildCandidateInterview(options: {
  invitation: InvitationsTable;
  snapshot: InterviewSnapshot;
  accommodations: Accommodations;
  takes: QuestionTake[];
  answers: AnswersTable[];
  reveals: QuestionRevealsTable[];
  consentedAt: string | null;
  expired: boolean;
  graceUntil: string | null;
  serverTime: string;
}): CandidateInterview {
  const { invitation, snapshot, accommodations } = options;
  const questions = snapshot.questions.map((question, i): CandidateInterviewQuestion => {
    const rules = applyAccommodationsToQuestion(question, i + 1, accommodations);
    const takes = options.takes.filter((t) => t.question_id === question.id);
    const takesUsed = takes.filter((t) => t.counts_against_limit === 1).length;
    const revealedAt = options.reveals.find((r) => r.question_id === question.id)?.revealed_at ?? null;
    const answer = options.answers.find((a) => a.question_id === question.id);
    return {
      ...rules,
      id: question.id,
      prompt: revealedAt === null ? null : question.promptText,
      revealedAt: revealedAt === null ? null : iso(revealedAt),
      takesUsed,
      takesLeft: Math.max(0, rules.takes - takesUsed),
      savedTakes: takes.filter((t) => t.status === 'uploaded').map(toSavedTake),
      answer: answer ? toCandidateAnswer(answer) : null,
      unfinishedTake: findUnfinishedTake(takes),
    };
  });
  return {
    status: invitation.status,
    deadline: iso(invitation.deadline_at),
    expired: options.expired,
    serverTime: options.serverTime,
    graceUntil: options.graceUntil,
    consentedAt: options.consentedAt === null ? null : iso(options.consentedAt),
    submittedAt: invitation.completed_at === null ? null : iso(invitation.completed_at),
    practice: buildPractice(snapshot, accommodations),
    questions,
  };
}
