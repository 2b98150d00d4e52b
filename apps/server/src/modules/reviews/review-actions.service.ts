import type {
  CreateCommentInput,
  DecisionSaved,
  FieldIssue,
  MyRatings,
  PutDecisionInput,
  PutRatingsInput,
  ReviewComment,
} from '@oneway/shared';
import { AppError, notFound, validationFailed } from '../../errors.ts';
import { isoNow } from '../../lib/time.ts';
import { newId } from '../../lib/tokens.ts';
import type { ClientInfo } from '../accounts/sessions.service.ts';
import { toReviewComment, toReviewDecision } from './candidate-review.ts';
import { deleteComment, findComment, insertComment, upsertDecision } from './review-actions.repository.ts';
import { assertCompleted, getReviewableInterview, getReviewableInvitation } from './review-access.ts';
import { recordReviewEvent } from './review-audit.ts';
import { deleteDecisionDraft } from './decision-drafts.repository.ts';
import { hasRated } from './review-candidates.ts';
import { findUserName, findVersionSnapshot, listAnswersWithMedia } from './review-data.repository.ts';
import { deleteRatingSet, listRatingSets, saveRatingSet } from './ratings.repository.ts';
import { canDecide, raterKeyOf, type MemberViewer, type ReviewViewer } from './review-viewer.ts';
import type { ReviewsDeps } from './reviews.context.ts';

/** Issues for question ids that are not the candidate's, or rated twice. */
function checkRatedQuestions(input: PutRatingsInput, questionIds: string[]): FieldIssue[] {
  const seen = new Set<string>();
  return input.questionRatings.flatMap((rating, i) => {
    const field = `questionRatings.${i}.questionId`;
    if (!questionIds.includes(rating.questionId)) {
      return [{ field, message: "Not a question of this candidate's interview" }];
    }
    if (seen.has(rating.questionId)) return [{ field, message: 'Rate each question once' }];
    seen.add(rating.questionId);
    return [];
  });
}

export function createReviewActionFunctions({ db, clock, audit, outcomeMail }: ReviewsDeps) {
  /** On an interview that hides the team's view until rated, a decider rates first: the decision is part of it. */
  async function assertMayDecideBlind(viewer: MemberViewer, invitationId: string): Promise<void> {
    const [sets, answers] = await Promise.all([
      listRatingSets(db, { invitationId }),
      listAnswersWithMedia(db, [invitationId]),
    ]);
    const mine = sets.find((s) => s.raterKey === raterKeyOf(viewer));
    if (
      hasRated(
        mine,
        answers.map((a) => a.question_id),
      )
    )
      return;
    throw new AppError('rating_required', {
      message:
        "Rate this candidate before deciding: this interview hides the team's ratings, notes and decision until " +
        'you have rated (an overall score, or a score for every answer).',
    });
  }

  return {
    /**
     * Replaces the viewer's ratings of a completed candidate (one set per rater); nothing rated withdraws them.
     * A guest rates only when the link allows it, under the name they give. Audited.
     */
    async putRatings(
      viewer: ReviewViewer,
      options: { invitationId: string; input: PutRatingsInput; client: ClientInfo },
    ): Promise<MyRatings> {
      const { input } = options;
      const { invitation } = await getReviewableInvitation(db, viewer, options.invitationId);
      if (viewer.kind === 'guest' && !viewer.allowRatings) {
        throw new AppError('forbidden', { message: 'This share link does not allow ratings.' });
      }
      assertCompleted(invitation);
      const snapshot = await findVersionSnapshot(db, invitation.interview_version_id);
      const issues = checkRatedQuestions(
        input,
        snapshot.questions.map((q) => q.id),
      );
      if (issues.length > 0) throw validationFailed(issues);
      const raterKey = raterKeyOf(viewer);
      const now = isoNow(clock);
      const questionRatings = input.questionRatings.map((q) => ({
        questionId: q.questionId,
        score: q.score,
        note: q.note || null,
      }));
      const isEmpty = questionRatings.length === 0 && input.overall === null;
      if (isEmpty) {
        await deleteRatingSet(db, { invitationId: invitation.id, raterKey });
      } else {
        const raterName =
          viewer.kind === 'member' ? await findUserName(db, viewer.userId) : (viewer.guestName ?? 'Guest');
        await saveRatingSet(
          db,
          {
            id: newId(),
            organisation_id: invitation.organisation_id,
            interview_id: invitation.interview_id,
            invitation_id: invitation.id,
            rater_key: raterKey,
            rater_user_id: viewer.kind === 'member' ? viewer.userId : null,
            share_link_id: viewer.kind === 'guest' ? viewer.shareLinkId : null,
            rater_name: raterName,
            overall: input.overall,
            created_at: now,
            updated_at: now,
          },
          questionRatings,
        );
      }
      await recordReviewEvent(audit, viewer, {
        action: isEmpty ? 'review.ratings_withdrawn' : 'review.rated',
        targetType: 'invitation',
        targetId: invitation.id,
        client: options.client,
        details: { questions: questionRatings.length, overall: input.overall },
      });
      return { questionRatings, overall: input.overall, updatedAt: isEmpty ? null : now };
    },

    /** A comment on one answer of a completed candidate, at a moment of it or about all of it. */
    async addComment(
      viewer: MemberViewer,
      options: { invitationId: string; input: CreateCommentInput },
    ): Promise<ReviewComment> {
      const { input } = options;
      const { invitation } = await getReviewableInvitation(db, viewer, options.invitationId);
      assertCompleted(invitation);
      const snapshot = await findVersionSnapshot(db, invitation.interview_version_id);
      if (!snapshot.questions.some((q) => q.id === input.questionId)) {
        throw validationFailed([
          { field: 'questionId', message: "Not a question of this candidate's interview" },
        ]);
      }
      const row = {
        id: newId(),
        organisation_id: invitation.organisation_id,
        interview_id: invitation.interview_id,
        invitation_id: invitation.id,
        question_id: input.questionId,
        at_ms: input.atSeconds === null ? null : Math.round(input.atSeconds * 1000),
        body: input.body,
        author_user_id: viewer.userId,
        author_name: await findUserName(db, viewer.userId),
        created_at: isoNow(clock),
      };
      await insertComment(db, row);
      return toReviewComment(row, viewer);
    },

    /** Deletes a comment: its author, an owner or an admin (of an interview they may review). */
    async removeComment(viewer: MemberViewer, options: { commentId: string }): Promise<void> {
      const comment = await findComment(db, {
        organisationId: viewer.organisationId,
        commentId: options.commentId,
      });
      if (!comment) throw notFound('Comment');
      await getReviewableInterview(db, viewer, comment.interview_id);
      if (!toReviewComment(comment, viewer).canDelete) {
        throw new AppError('forbidden', {
          message: 'Only the author of a comment, an owner or an admin can delete it.',
        });
      }
      await deleteComment(db, comment.id);
      await recordReviewEvent(audit, viewer, {
        action: 'review.comment_deleted',
        targetType: 'invitation',
        targetId: comment.invitation_id,
        details: { commentId: comment.id },
      });
    },

    /**
     * Advance, hold or reject a completed candidate, with an optional note; owners, admins and recruiters. On a
     * blind interview the decider must have rated first. Sends the outcome e-mail when asked, or when the interview
     * turns it on for this outcome, and never the same outcome twice. The decider's draft note is dropped.
     */
    async putDecision(
      viewer: MemberViewer,
      options: { invitationId: string; input: PutDecisionInput; client: ClientInfo },
    ): Promise<DecisionSaved> {
      const { invitation, interview } = await getReviewableInvitation(db, viewer, options.invitationId);
      if (!canDecide(viewer)) {
        throw new AppError('forbidden', {
          message: 'Only owners, admins and recruiters decide on candidates; reviewers rate and comment.',
        });
      }
      assertCompleted(invitation);
      if (interview.ratings_hidden_until_rated === 1) await assertMayDecideBlind(viewer, invitation.id);
      const row = {
        invitation_id: invitation.id,
        organisation_id: invitation.organisation_id,
        interview_id: invitation.interview_id,
        decision: options.input.decision,
        note: options.input.note || null,
        decided_by_user_id: viewer.userId,
        decided_by_name: await findUserName(db, viewer.userId),
        decided_at: isoNow(clock),
      };
      await upsertDecision(db, row);
      await deleteDecisionDraft(db, { invitationId: invitation.id, userId: viewer.userId });
      const wanted = options.input.notifyCandidate ?? interview[`outcome_email_${row.decision}`] === 1;
      const emailed = wanted
        ? await outcomeMail.sendOutcomeEmail({
            organisationId: invitation.organisation_id,
            invitationId: invitation.id,
            decision: row.decision,
          })
        : false;
      await recordReviewEvent(audit, viewer, {
        action: 'review.decided',
        targetType: 'invitation',
        targetId: invitation.id,
        client: options.client,
        details: { decision: row.decision, candidateEmailed: emailed },
      });
      return { ...toReviewDecision(row), candidateEmail: emailed ? 'queued' : 'none' };
    },
  };
}
