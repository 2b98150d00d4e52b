import type {
  CandidateReview,
  CompareQuery,
  CompareResult,
  ListReviewsQuery,
  ReviewList,
  ReviewOrderQuery,
} from '@oneway/shared';
import { notFound, validationFailed } from '../../errors.ts';
import type { ClientInfo } from '../accounts/sessions.service.ts';
import { buildCandidateReview, toReviewAnswer, toReviewInterview } from './candidate-review.ts';
import { findDecisionDraft } from './decision-drafts.repository.ts';
import { getReviewableInterview, getReviewableInvitation } from './review-access.ts';
import { recordReviewEvent } from './review-audit.ts';
import {
  lensFor,
  loadCandidateFacts,
  selectCandidates,
  toReviewCandidate,
  type CandidateFacts,
  type ViewerLens,
} from './review-candidates.ts';
import {
  findVersionSnapshot,
  listAnswersWithMedia,
  listComments,
  listQuestionRubrics,
  listVersionSnapshots,
} from './review-data.repository.ts';
import { questionAverageOf } from './review-scores.ts';
import { canDecide, type GuestViewer, type MemberViewer, type ReviewViewer } from './review-viewer.ts';
import type { ReviewsDeps } from './reviews.context.ts';

const searchOff = () =>
  validationFailed([
    {
      field: 'q',
      message: 'Search by name or e-mail address is off while this interview is reviewed anonymously',
    },
  ]);

/** Previous and next among completed candidates, in the list's order (guests: the link's, by candidate number). */
function navigationOf(
  viewer: ReviewViewer,
  facts: CandidateFacts[],
  lens: ViewerLens,
  order: ReviewOrderQuery,
  invitationId: string,
): CandidateReview['navigation'] {
  const pool = viewer.kind === 'guest' ? facts.filter((f) => viewer.invitationIds.includes(f.row.id)) : facts;
  const listOrder: ReviewOrderQuery = viewer.kind === 'guest' ? { sort: 'completed' } : order;
  const ids = selectCandidates(pool, lens, { ...listOrder, status: 'completed' }).map((c) => c.invitationId);
  const index = ids.indexOf(invitationId);
  if (index === -1) return { previousId: null, nextId: null, position: null, count: ids.length };
  return {
    previousId: ids[index - 1] ?? null,
    nextId: ids[index + 1] ?? null,
    position: index + 1,
    count: ids.length,
  };
}

export function createReviewReadFunctions({ db, audit }: ReviewsDeps) {
  return {
    /**
     * An interview's candidates with status, answers, team and own scores and the decision; filtered, sorted and
     * paged. Search is refused while names are hidden from the viewer.
     */
    async listReviews(
      viewer: MemberViewer,
      options: { interviewId: string; query: ListReviewsQuery },
    ): Promise<ReviewList> {
      const { query } = options;
      const interview = await getReviewableInterview(db, viewer, options.interviewId);
      const lens = lensFor(viewer, interview);
      if (lens.anonymised && query.q) throw searchOff();
      const selected = selectCandidates(await loadCandidateFacts(db, interview), lens, query);
      const start = (query.page - 1) * query.pageSize;
      return {
        interview: toReviewInterview(viewer, interview),
        candidates: selected.slice(start, start + query.pageSize),
        total: selected.length,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    /** One candidate's answers, ratings, comments and decision, with previous/next in the list's order. Audited. */
    async getCandidateReview(
      viewer: ReviewViewer,
      options: { invitationId: string; order: ReviewOrderQuery; client: ClientInfo },
    ): Promise<CandidateReview> {
      const { invitation, interview } = await getReviewableInvitation(db, viewer, options.invitationId);
      const lens = lensFor(viewer, interview);
      const [facts, snapshot, rubrics, answers, comments, decisionDraft] = await Promise.all([
        loadCandidateFacts(db, interview),
        findVersionSnapshot(db, invitation.interview_version_id),
        listQuestionRubrics(db, interview.id),
        listAnswersWithMedia(db, [invitation.id]),
        listComments(db, invitation.id),
        viewer.kind === 'member' && canDecide(viewer)
          ? findDecisionDraft(db, { invitationId: invitation.id, userId: viewer.userId })
          : undefined,
      ]);
      const own = facts.find((f) => f.row.id === invitation.id);
      if (!own) throw notFound('Invitation');
      const review = buildCandidateReview({
        viewer,
        interview,
        invitation,
        facts: own,
        snapshot,
        rubrics,
        answers,
        comments,
        decisionDraft: decisionDraft ?? null,
        navigation: navigationOf(viewer, facts, lens, options.order, invitation.id),
      });
      await recordReviewEvent(audit, viewer, {
        action: 'review.viewed',
        targetType: 'invitation',
        targetId: invitation.id,
        client: options.client,
        details: { interviewId: interview.id },
      });
      return review;
    },

    /** The candidates of a guest's share link, in invitation order, as the guest may see them. */
    async listSharedCandidates(viewer: GuestViewer) {
      const interview = await getReviewableInterview(db, viewer, viewer.interviewId);
      const lens = lensFor(viewer, interview);
      const facts = await loadCandidateFacts(db, interview);
      const candidates = facts
        .filter((f) => viewer.invitationIds.includes(f.row.id))
        .map((f) => toReviewCandidate(f, lens));
      return { interview, candidates, anonymised: lens.anonymised };
    },

    /** One question's answers and scores across up to 10 candidates of the interview, side by side. */
    async compareCandidates(
      viewer: MemberViewer,
      options: { interviewId: string; query: CompareQuery; client: ClientInfo },
    ): Promise<CompareResult> {
      const { questionId, invitationIds } = options.query;
      const interview = await getReviewableInterview(db, viewer, options.interviewId);
      const lens = lensFor(viewer, interview);
      const [facts, snapshots, rubrics] = await Promise.all([
        loadCandidateFacts(db, interview),
        listVersionSnapshots(db, interview.id),
        listQuestionRubrics(db, interview.id),
      ]);
      // Ids of other interviews or organisations are not found, before anything of theirs is read.
      const chosen = invitationIds.map((id) => {
        const found = facts.find((f) => f.row.id === id);
        if (!found) throw notFound('Invitation');
        return found;
      });
      const answers = await listAnswersWithMedia(db, invitationIds);
      const question = chosen
        .map((f) => snapshots.get(f.row.interview_version_id)?.questions.find((q) => q.id === questionId))
        .find((q) => q !== undefined);
      if (!question) throw notFound('Question');
      await recordReviewEvent(audit, viewer, {
        action: 'review.compared',
        targetType: 'interview',
        targetId: interview.id,
        client: options.client,
        details: { questionId, invitationIds },
      });
      return {
        question: {
          questionId,
          promptText: question.promptText,
          answerType: question.answerType,
          rubric: rubrics.get(questionId) ?? null,
        },
        interview: toReviewInterview(viewer, interview),
        candidates: chosen.map((f) => {
          const card = toReviewCandidate(f, lens);
          const mine = f.sets.find((s) => s.raterKey === lens.raterKey);
          const asked = f.questionIds.includes(questionId);
          const answer = answers.find((a) => a.invitation_id === f.row.id && a.question_id === questionId);
          return {
            invitationId: f.row.id,
            candidateNumber: f.candidateNumber,
            name: card.name,
            email: card.email,
            status: card.status,
            asked,
            answer: asked && card.status === 'completed' ? toReviewAnswer(answer) : null,
            myScore: mine?.questionScores.find((s) => s.questionId === questionId)?.score ?? null,
            averageScore: card.ratingsHidden ? null : questionAverageOf(f.sets, questionId),
            ratingsHidden: card.ratingsHidden,
            decision: card.decision,
          };
        }),
      };
    },
  };
}
