import {
  applyAnswerFormat,
  applyTimeMultiplier,
  maxFreeTakesPerQuestion,
  type Accommodations,
  type InterviewSnapshot,
} from '@oneway/shared';
import type { Upload } from '@tus/server';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { findInvitationSnapshot } from '../../db/shared-queries.ts';
import type { InvitationsTable } from '../../db/schema/invitations.ts';
import { AppError } from '../../errors.ts';
import { parseAccommodations } from '../invitations/invitation-rows.ts';

// What one candidate link may store (docs/decisions.md, 2026-12-07): takes as the rules allow plus the free
// retakes after technical failures, each at most a generous bitrate times the answer's time.

/** 8 Mbit/s: far above what browsers record (1-2.5 Mbit/s at 720p), so no real answer comes near it. */
export const allowanceBytesPerSecond = 1_000_000;
/** Head-room for a recorder that stops late and containers' overhead. */
export const allowanceFactor = 1.5;
export const allowanceExtraBytes = 10 * 1024 * 1024;

type SnapshotQuestion = InterviewSnapshot['questions'][number];

/** The most one take of the question may hold: 8 Mbit/s × answer seconds × 1.5 + 10 MB, at most MEDIA_MAX_BYTES. */
export function decideTakeByteCap(options: {
  answerSeconds: number | null;
  accommodations: Accommodations;
  mediaMaxSeconds: number;
  mediaMaxBytes: number;
}): number {
  const seconds =
    applyTimeMultiplier(options.answerSeconds, options.accommodations) ?? options.mediaMaxSeconds;
  const bytes =
    Math.ceil(Math.min(seconds, options.mediaMaxSeconds) * allowanceBytesPerSecond * allowanceFactor) +
    allowanceExtraBytes;
  return Math.min(bytes, options.mediaMaxBytes);
}

/** Takes a question allows one candidate to store: its takes, their extra takes and the free retakes. */
const takesAllowed = (question: SnapshotQuestion, accommodations: Accommodations): number =>
  applyAnswerFormat(question.answerType, accommodations) === 'text'
    ? 0
    : question.takes + accommodations.extraTakes + maxFreeTakesPerQuestion;

export interface InvitationAllowance {
  /** Takes the link may hold in all. */
  takes: number;
  /** Bytes the link may hold in all. */
  bytes: number;
  capOf(questionId: string): number | null;
}

export function decideInvitationAllowance(options: {
  snapshot: InterviewSnapshot;
  accommodations: Accommodations;
  config: Pick<Config, 'mediaMaxSeconds' | 'mediaMaxBytes'>;
}): InvitationAllowance {
  const { snapshot, accommodations, config } = options;
  const capOf = (questionId: string): number | null => {
    const question = snapshot.questions.find((q) => q.id === questionId);
    if (!question) return null;
    return decideTakeByteCap({
      answerSeconds: question.answerSeconds,
      accommodations,
      mediaMaxSeconds: config.mediaMaxSeconds,
      mediaMaxBytes: config.mediaMaxBytes,
    });
  };
  let takes = 0;
  let bytes = 0;
  for (const question of snapshot.questions) {
    const allowed = takesAllowed(question, accommodations);
    takes += allowed;
    bytes += allowed * (capOf(question.id) ?? 0);
  }
  return { takes, bytes, capOf };
}

async function loadAllowance(
  db: Db,
  config: Config,
  invitation: InvitationsTable,
): Promise<InvitationAllowance> {
  const json = await findInvitationSnapshot(db, { interviewVersionId: invitation.interview_version_id });
  const snapshot = (json ? JSON.parse(json) : { questions: [] }) as InterviewSnapshot;
  return decideInvitationAllowance({
    snapshot,
    accommodations: parseAccommodations(invitation.accommodations),
    config,
  });
}

const overAllowance = (details: Record<string, number>) =>
  new AppError('storage_allowance_exceeded', {
    message:
      'This interview link has stored as many recordings as its questions allow. ' +
      'Contact the employer if you need to record again.',
    details,
  });

/**
 * Open-take: refused once the link holds as many takes as its questions allow in all, or when this take could
 * take it past its bytes (saved takes count their size, unsaved ones the most they may hold).
 */
export async function assertTakeWithinAllowance(
  db: Db,
  config: Config,
  options: { invitation: InvitationsTable; questionId: string },
): Promise<void> {
  const allowance = await loadAllowance(db, config, options.invitation);
  const cap = allowance.capOf(options.questionId) ?? 0;
  const takes = await db
    .selectFrom('takes')
    .select(['question_id', 'status', 'bytes'])
    .where('invitation_id', '=', options.invitation.id)
    .where('is_practice', '=', 0)
    .execute();
  if (takes.length >= allowance.takes) throw overAllowance({ takes: allowance.takes });
  const stored = takes.reduce(
    (sum, take) =>
      sum + (take.status === 'uploaded' ? Number(take.bytes ?? 0) : (allowance.capOf(take.question_id) ?? 0)),
    0,
  );
  if (stored + cap > allowance.bytes) throw overAllowance({ bytes: allowance.bytes });
}

export const uploadTooLarge = (maxBytes: number) =>
  new AppError('upload_too_large', {
    message:
      'This recording is larger than an answer to this question can be. Record the answer again; it will not ' +
      'cost a take.',
    details: { maxBytes },
  });

/**
 * The most the take's upload may hold, for its creation: refused at once when it declares more. Stored in the
 * upload's metadata (`maxBytes`), so every PATCH checks it without asking the database.
 */
export async function decideUploadCap(
  db: Db,
  config: Config,
  options: { invitation: InvitationsTable; takeId: string; declaredLength: number | undefined },
): Promise<number> {
  const take = await db
    .selectFrom('takes')
    .select('question_id')
    .where('id', '=', options.takeId)
    .where('invitation_id', '=', options.invitation.id)
    .executeTakeFirst();
  const allowance = await loadAllowance(db, config, options.invitation);
  const cap = (take && allowance.capOf(take.question_id)) ?? config.mediaMaxBytes;
  if (options.declaredLength !== undefined && options.declaredLength > cap) throw uploadTooLarge(cap);
  return cap;
}

/** The cap an upload was created with; uploads older than the cap fall back to MEDIA_MAX_BYTES. */
export function uploadCapOf(upload: Pick<Upload, 'metadata'>, fallback: number): number {
  const stored = Number(upload.metadata?.maxBytes);
  return Number.isSafeInteger(stored) && stored > 0 ? Math.min(stored, fallback) : fallback;
}

/** The refusal body tus answers with when a PATCH would pass the cap (our JSON error shape, status 413). */
export function uploadTooLargeRefusal(maxBytes: number): { status_code: number; body: string } {
  const error = uploadTooLarge(maxBytes);
  return {
    status_code: error.status,
    body: JSON.stringify({ code: error.code, message: error.message, details: error.details }),
  };
}
