import type {
  CandidateReview,
  InterviewSnapshot,
  Rater,
  ReviewAnswer,
  ReviewComment,
  ReviewDecision,
  ReviewInterview,
  Rubric,
} from '@oneway/shared';
import type { DecisionDraftsTable } from '../../db/schema/decision-drafts.ts';
import type { DecisionsTable } from '../../db/schema/decisions.ts';
import type { InterviewsTable } from '../../db/schema/interviews.ts';
import type { InvitationsTable } from '../../db/schema/invitations.ts';
import type { ReviewCommentsTable } from '../../db/schema/review-comments.ts';
import { lensFor, toReviewCandidate, visibleDecisionOf, type CandidateFacts } from './review-candidates.ts';
import type { AnswerWithMedia } from './review-data.repository.ts';
import { questionAverageOf, type RatingSetData } from './review-scores.ts';
import { canDecide, type ReviewViewer } from './review-viewer.ts';

export const raterOf = (set: RatingSetData): Rater => ({
  kind: set.shareLinkId ? 'guest' : 'member',
  userId: set.raterUserId,
  name: set.raterName,
});

/** The interview as the review pages show it to this viewer. */
export function toReviewInterview(viewer: ReviewViewer, interview: InterviewsTable): ReviewInterview {
  return {
    id: interview.id,
    title: interview.title,
    roleTitle: interview.role_title,
    anonymised: lensFor(viewer, interview).anonymised,
    ratingsHiddenUntilRated: interview.ratings_hidden_until_rated === 1,
    canDecide: canDecide(viewer),
    canManage: canDecide(viewer),
    outcomeEmails: canDecide(viewer)
      ? {
          advance: interview.outcome_email_advance === 1,
          hold: interview.outcome_email_hold === 1,
          reject: interview.outcome_email_reject === 1,
        }
      : null,
  };
}

/** A take shows its processing state; duration and type only once it can be played. */
export function toReviewAnswer(answer: AnswerWithMedia | undefined): ReviewAnswer | null {
  if (!answer) return null;
  if (answer.kind === 'text') return { kind: 'text', text: answer.text ?? '' };
  const ready = answer.media_status === 'ready';
  return {
    kind: 'take',
    takeId: answer.take_id ?? '',
    media: {
      status: answer.media_status ?? 'missing',
      durationSeconds: ready && answer.duration_ms !== null ? answer.duration_ms / 1000 : null,
      mime: ready ? answer.playback_mime : null,
      hasPoster: ready && answer.poster_key !== null,
    },
  };
}

export function toReviewComment(row: ReviewCommentsTable, viewer: ReviewViewer): ReviewComment {
  const isAuthor = viewer.kind === 'member' && row.author_user_id === viewer.userId;
  const isAdmin = viewer.kind === 'member' && (viewer.role === 'owner' || viewer.role === 'admin');
  return {
    id: row.id,
    questionId: row.question_id,
    atSeconds: row.at_ms === null ? null : row.at_ms / 1000,
    body: row.body,
    author: { kind: 'member', userId: row.author_user_id, name: row.author_name },
    createdAt: row.created_at,
    canDelete: isAuthor || isAdmin,
  };
}

export function toReviewDecision(row: DecisionsTable): ReviewDecision {
  return {
    decision: row.decision,
    note: row.note,
    decidedBy: { kind: 'member', userId: row.decided_by_user_id, name: row.decided_by_name },
    decidedAt: row.decided_at,
  };
}

export interface CandidateReviewParts {
  viewer: ReviewViewer;
  interview: InterviewsTable;
  invitation: InvitationsTable;
  facts: CandidateFacts;
  snapshot: InterviewSnapshot;
  rubrics: Map<string, Rubric | null>;
  answers: AnswerWithMedia[];
  comments: ReviewCommentsTable[];
  /** The viewer's own unsent decision note, when they decide. */
  decisionDraft: DecisionDraftsTable | null;
  navigation: CandidateReview['navigation'];
}

/** The comments the viewer may read: none for guests; only their own while the team's view is hidden. */
function visibleComments(parts: CandidateReviewParts, hidden: boolean): ReviewCommentsTable[] {
  const { viewer } = parts;
  if (viewer.kind === 'guest') return [];
  return hidden ? parts.comments.filter((c) => c.author_user_id === viewer.userId) : parts.comments;
}

/**
 * One candidate as the viewer may see them: answers only once submitted; the team's ratings, comments, decision
 * and note hidden until the viewer rates (when the interview says so); guests never see any of them.
 */
export function buildCandidateReview(parts: CandidateReviewParts): CandidateReview {
  const { viewer, interview, invitation, facts } = parts;
  const lens = lensFor(viewer, interview);
  const card = toReviewCandidate(facts, lens);
  const mine = facts.sets.find((s) => s.raterKey === lens.raterKey);
  const others = card.ratingsHidden ? [] : facts.sets.filter((s) => s !== mine);
  const isCompleted = invitation.status === 'completed';
  const comments = visibleComments(parts, card.ratingsHidden);
  const decision = visibleDecisionOf(facts, lens);
  const questions = parts.snapshot.questions.map((q, index) => {
    const myScore = mine?.questionScores.find((s) => s.questionId === q.id);
    return {
      questionId: q.id,
      position: index + 1,
      promptText: q.promptText,
      answerType: q.answerType,
      rubric: parts.rubrics.get(q.id) ?? null,
      answer: isCompleted ? toReviewAnswer(parts.answers.find((a) => a.question_id === q.id)) : null,
      myRating: myScore ? { score: myScore.score, note: myScore.note } : null,
      otherRatings: others.flatMap((set) =>
        set.questionScores
          .filter((s) => s.questionId === q.id)
          .map((s) => ({ rater: raterOf(set), score: s.score, note: s.note })),
      ),
      averageScore: card.ratingsHidden ? null : questionAverageOf(facts.sets, q.id),
      comments: comments.filter((c) => c.question_id === q.id).map((c) => toReviewComment(c, viewer)),
    };
  });
  return {
    invitationId: invitation.id,
    interview: toReviewInterview(viewer, interview),
    candidate: {
      candidateNumber: facts.candidateNumber,
      name: card.name,
      email: card.email,
      anonymised: lens.anonymised,
    },
    status: invitation.status,
    completedAt: invitation.completed_at,
    accommodationsApplied: card.accommodationsApplied,
    ratingsHidden: card.ratingsHidden,
    questions,
    myOverall: mine?.overall ?? null,
    myRatedAt: mine?.updatedAt ?? null,
    otherOverall: others
      .filter((s) => s.overall !== null)
      .map((s) => ({ rater: raterOf(s), overall: s.overall ?? 0 })),
    averageScore: card.averageScore,
    decision: decision ? toReviewDecision(decision) : null,
    myDecisionDraft: parts.decisionDraft
      ? { note: parts.decisionDraft.note, updatedAt: parts.decisionDraft.updated_at }
      : null,
    permissions: {
      canRate: isCompleted && (viewer.kind === 'member' || viewer.allowRatings),
      canComment: isCompleted && viewer.kind === 'member',
      canDecide: isCompleted && canDecide(viewer),
    },
    navigation: parts.navigation,
  };
}
