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
  countAnswersByInvitation,
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
  /** The questions of the candidate's frozen version, in order. */
  questionIds: string[];
  sets: RatingSetData[];
  decision: DecisionsTable | null;
}

/** Every candidate of the interview with their answers, ratings and decision, in invitation order. */
export async function loadCandidateFacts(db: Db, interview: InterviewsTable): Promise<CandidateFacts[]> {
  const ref = { organisationId: interview.organisation_id, interviewId: interview.id };
  const [rows, answered, snapshots, sets, decisions, erased] = await Promise.all([
    listInterviewCandidates(db, ref),
    countAnswersByInvitation(db, interview.id),
    listVersionSnapshots(db, interview.id),
    listRatingSets(db, { interviewId: interview.id }),
    listDecisions(db, { interviewId: interview.id }),
    listErasedInvitationTimes(db, interview.id),
  ]);
  return rows.map((row, index) => ({
    row,
    // Erased candidates keep their place, so "Candidate 4" stays the same person after an erasure.
    candidateNumber: index + 1 + erased.filter((invitedAt) => invitedAt < row.created_at).length,
    answeredCount: answered.get(row.id) ?? 0,
    questionIds: snapshots.get(row.interview_version_id)?.questions.map((q) => q.id) ?? [],
    sets: sets.filter((s) => s.invitationId === row.id),
    decision: decisions.find((d) => d.invitation_id === row.id) ?? null,
  }));
}

/** How one viewer sees the interview's candidates. */
export interface ViewerLens {
  raterKey: string;
  anonymised: boolean;
  /** Guests never see the team's ratings; members don't until they rate, when the interview says so. */
  hideTeamRatings: (mine: RatingSetData | undefined) => boolean;
}

export function lensFor(viewer: ReviewViewer, interview: InterviewsTable): ViewerLens {
  const hideUntilRated = interview.ratings_hidden_until_rated === 1;
  return {
    raterKey: raterKeyOf(viewer),
    anonymised: isAnonymisedFor(viewer, interview),
    hideTeamRatings: (mine) => viewer.kind === 'guest' || (hideUntilRated && mine === undefined),
  };
}

export function toReviewCandidate(facts: CandidateFacts, lens: ViewerLens): ReviewCandidate {
  const { row } = facts;
  const mine = facts.sets.find((s) => s.raterKey === lens.raterKey);
  const hidden = lens.hideTeamRatings(mine);
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
    decision: facts.decision?.decision ?? null,
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
