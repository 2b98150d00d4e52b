import {
  hasAccommodations,
  type InvitationStatus,
  type ReviewCandidate,
  type ReviewOrderQuery,
} from '@oneway/shared';
import type { Db } from '../../db/database.ts';
import type { DecisionsTable } from '../../db/schema/decisions.ts';
import type { InterviewsTable } from '../../db/schema/interviews.ts';
import { parseAccommodations } from '../invitations/invitation-rows.ts';
import { listRatingSets } from './ratings.repository.ts';
import {
  listAnsweredQuestionIds,
  listDecisions,
  listErasedInvitationTimes,
  listInterviewCandidates,
  listVersionSnapshots,
  type CandidateRow,
} from './review-data.repository.ts';
import { candidateAverageOf, raterScoreOf, type RatingSetData } from './review-scores.ts';
import { candidateLabel, isAnonymisedFor, raterKeyOf, type ReviewViewer } from './review-viewer.ts';

/** What the review pages know of one candidate before it is shaped for a viewer. */
export interface CandidateFacts {
  row: CandidateRow;
  candidateNumber: number;
  answeredCount: number;
  /** The questions the candidate answered. */
  answeredQuestionIds: string[];
  /** The questions of the candidate's frozen version, in order. */
  questionIds: string[];
  sets: RatingSetData[];
  decision: DecisionsTable | null;
}

/**
 * "Candidate N" of an anonymised review: the candidate's place in invitation order (index among those still
 * there), counting the erased candidates invited before them, so "Candidate 4" stays the same person after an
 * erasure. Every page naming anonymised candidates numbers them with this.
 */
export function candidateNumberOf(
  index: number,
  invitedAt: string,
  erasedInvitedAt: readonly string[],
): number {
  return index + 1 + erasedInvitedAt.filter((erasedAt) => erasedAt < invitedAt).length;
}

/** Every candidate of the interview with their answers, ratings and decision, in invitation order. */
export async function loadCandidateFacts(db: Db, interview: InterviewsTable): Promise<CandidateFacts[]> {
  const ref = { organisationId: interview.organisation_id, interviewId: interview.id };
  const [rows, answered, snapshots, sets, decisions, erased] = await Promise.all([
    listInterviewCandidates(db, ref),
    listAnsweredQuestionIds(db, interview.id),
    listVersionSnapshots(db, interview.id),
    listRatingSets(db, { interviewId: interview.id }),
    listDecisions(db, { interviewId: interview.id }),
    listErasedInvitationTimes(db, interview.id),
  ]);
  return rows.map((row, index) => ({
    row,
    candidateNumber: candidateNumberOf(index, row.created_at, erased),
    answeredCount: answered.get(row.id)?.length ?? 0,
    answeredQuestionIds: answered.get(row.id) ?? [],
    questionIds: snapshots.get(row.interview_version_id)?.questions.map((q) => q.id) ?? [],
    sets: sets.filter((s) => s.invitationId === row.id),
    decision: decisions.find((d) => d.invitation_id === row.id) ?? null,
  }));
}

/**
 * Whether a rater has rated a candidate, for hiding the team's view: an overall score, or a score for every
 * question the candidate answered. One score of six would otherwise show the team's scores of the other five
 * before the reviewer has watched them.
 */
export function hasRated(
  mine: { overall: number | null; questionScores: { questionId: string }[] } | undefined,
  answeredQuestionIds: string[],
): boolean {
  if (!mine) return false;
  if (mine.overall !== null) return true;
  return (
    answeredQuestionIds.length > 0 &&
    answeredQuestionIds.every((id) => mine.questionScores.some((s) => s.questionId === id))
  );
}

/** How one viewer sees the interview's candidates. */
export interface ViewerLens {
  raterKey: string;
  anonymised: boolean;
  /**
   * Guests never see the team's ratings, comments or decision; members don't until they have rated the
   * candidate, when the interview says so.
   */
  hidesTeamViewOf: (facts: CandidateFacts) => boolean;
}

export function lensFor(viewer: ReviewViewer, interview: InterviewsTable): ViewerLens {
  const hideUntilRated = interview.ratings_hidden_until_rated === 1;
  const raterKey = raterKeyOf(viewer);
  return {
    raterKey,
    anonymised: isAnonymisedFor(viewer, interview),
    hidesTeamViewOf: (facts) =>
      viewer.kind === 'guest' ||
      (hideUntilRated &&
        !hasRated(
          facts.sets.find((s) => s.raterKey === raterKey),
          facts.answeredQuestionIds,
        )),
  };
}

/** The decision as the viewer may see it: hidden with the team's view, unless they made it themselves. */
export function visibleDecisionOf(facts: CandidateFacts, lens: ViewerLens): DecisionsTable | null {
  const decision = facts.decision;
  if (!decision) return null;
  const isOwn = `user:${decision.decided_by_user_id}` === lens.raterKey;
  return lens.hidesTeamViewOf(facts) && !isOwn ? null : decision;
}

export function toReviewCandidate(facts: CandidateFacts, lens: ViewerLens): ReviewCandidate {
  const { row } = facts;
  const mine = facts.sets.find((s) => s.raterKey === lens.raterKey);
  const hidden = lens.hidesTeamViewOf(facts);
  return {
    invitationId: row.id,
    candidateNumber: facts.candidateNumber,
    name: lens.anonymised ? candidateLabel(facts.candidateNumber) : row.candidate_name,
    email: lens.anonymised ? null : row.candidate_email,
    status: row.status,
    completedAt: row.completed_at,
    answeredCount: facts.answeredCount,
    questionCount: facts.questionIds.length,
    averageScore: hidden ? null : candidateAverageOf(facts.sets),
    // While the team's ratings are hidden, not even how many there are: only the viewer's own counts.
    ratingCount: hidden ? (mine ? 1 : 0) : facts.sets.length,
    ratingsHidden: hidden,
    myScore: mine ? raterScoreOf(mine) : null,
    decision: visibleDecisionOf(facts, lens)?.decision ?? null,
    accommodationsApplied: hasAccommodations(parseAccommodations(row.accommodations)),
  };
}

// LIKE-free search in memory: the whole interview is loaded anyway for the scores.
const matchesSearch = (row: CandidateRow, q: string): boolean => {
  const needle = q.toLowerCase();
  return row.candidate_name.toLowerCase().includes(needle) || row.candidate_email.includes(needle);
};

const nullsLast = <T>(a: T | null, b: T | null, compare: (x: T, y: T) => number): number => {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return compare(a, b);
};

/**
 * The candidates matching the filters, in the order asked for. Candidates without a completion time or a visible
 * score come last whatever the direction; ties keep invitation order. Anonymised, "name" orders by candidate number
 * so the order says nothing about the names.
 */
export function selectCandidates(
  facts: CandidateFacts[],
  lens: ViewerLens,
  query: ReviewOrderQuery & { status?: InvitationStatus },
): ReviewCandidate[] {
  const q = lens.anonymised ? undefined : query.q;
  const selected = facts
    .filter((f) => !q || matchesSearch(f.row, q))
    .map((f) => toReviewCandidate(f, lens))
    .filter((c) => !query.status || c.status === query.status)
    .filter((c) => !query.decision || (c.decision ?? 'none') === query.decision)
    .filter((c) => query.minScore === undefined || (c.averageScore ?? 0) >= query.minScore);
  const descending = query.sort.startsWith('-');
  const direction = descending ? -1 : 1;
  const key = query.sort.replace(/^-/, '');
  const compare = (a: ReviewCandidate, b: ReviewCandidate): number => {
    if (key === 'completed') {
      return nullsLast(a.completedAt, b.completedAt, (x, y) => direction * x.localeCompare(y));
    }
    if (key === 'score') return nullsLast(a.averageScore, b.averageScore, (x, y) => direction * (x - y));
    if (lens.anonymised) return direction * (a.candidateNumber - b.candidateNumber);
    return direction * a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });
  };
  return selected.sort((a, b) => compare(a, b) || a.candidateNumber - b.candidateNumber);
}
