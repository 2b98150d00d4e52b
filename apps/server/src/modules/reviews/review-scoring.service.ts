import type {
  DecisionDraft,
  MyRatings,
  PutDecisionDraftInput,
  PutOverallRatingInput,
  PutQuestionRatingInput,
} from '@oneway/shared';
import { AppError, validationFailed } from '../../errors.ts';
import { isoNow } from '../../lib/time.ts';
import { newId } from '../../lib/tokens.ts';
import type { ClientInfo } from '../accounts/sessions.service.ts';
import { deleteDecisionDraft, upsertDecisionDraft } from './decision-drafts.repository.ts';
import { listRatingSets, saveRatingPart, type RatingPart } from './ratings.repository.ts';
import { assertCompleted, getReviewableInvitation } from './review-access.ts';
import { recordReviewEvent } from './review-audit.ts';
import { findUserName, findVersionSnapshot } from './review-data.repository.ts';
import { canDecide, raterKeyOf, type MemberViewer, type ReviewViewer } from './review-viewer.ts';
import type { ReviewsDeps } from './reviews.context.ts';

/**
 * Scores saved the moment they are picked, one at a time (a question's or the overall), and a decider's draft
 * note: nothing a reviewer picks or types waits for a "save" button.
 */
export function createReviewScoringFunctions({ db, clock, audit }: ReviewsDeps) {
  async function myRatingsOf(invitationId: string, raterKey: string): Promise<MyRatings> {
    const sets = await listRatingSets(db, { invitationId });
    const mine = sets.find((s) => s.raterKey === raterKey);
    if (!mine) return { questionRatings: [], overall: null, updatedAt: null };
    return { questionRatings: mine.questionScores, overall: mine.overall, updatedAt: mine.updatedAt };
  }

  async function saveScore(
    viewer: ReviewViewer,
    options: { invitationId: string; part: RatingPart; client: ClientInfo },
  ): Promise<MyRatings> {
    const { invitation } = await getReviewableInvitation(db, viewer, options.invitationId);
    if (viewer.kind === 'guest' && !viewer.allowRatings) {
      throw new AppError('forbidden', { message: 'This share link does not allow ratings.' });
    }
    assertCompleted(invitation);
    const { part } = options;
    if (part.kind === 'question') {
      const snapshot = await findVersionSnapshot(db, invitation.interview_version_id);
      if (!snapshot.questions.some((q) => q.id === part.questionId)) {
        throw validationFailed([
          { field: 'questionId', message: "Not a question of this candidate's interview" },
        ]);
      }
    }
    const raterKey = raterKeyOf(viewer);
    const now = isoNow(clock);
    await saveRatingPart(
      db,
      {
        id: newId(),
        organisation_id: invitation.organisation_id,
        interview_id: invitation.interview_id,
        invitation_id: invitation.id,
        rater_key: raterKey,
        rater_user_id: viewer.kind === 'member' ? viewer.userId : null,
        share_link_id: viewer.kind === 'guest' ? viewer.shareLinkId : null,
        rater_name:
          viewer.kind === 'member' ? await findUserName(db, viewer.userId) : (viewer.guestName ?? 'Guest'),
        overall: null,
        created_at: now,
        updated_at: now,
      },
      part,
    );
    await recordReviewEvent(audit, viewer, {
      action: 'review.scored',
      targetType: 'invitation',
      targetId: invitation.id,
      client: options.client,
      details:
        part.kind === 'question'
          ? { questionId: part.questionId, score: part.score }
          : { overall: part.overall },
    });
    return myRatingsOf(invitation.id, raterKey);
  }

  return {
    /** Sets (or with null takes back) my score of one question of a completed candidate; the others stay. */
    setQuestionRating: (
      viewer: ReviewViewer,
      options: {
        invitationId: string;
        questionId: string;
        input: PutQuestionRatingInput;
        client: ClientInfo;
      },
    ): Promise<MyRatings> =>
      saveScore(viewer, {
        invitationId: options.invitationId,
        client: options.client,
        part: {
          kind: 'question',
          questionId: options.questionId,
          score: options.input.score,
          note: options.input.note || null,
        },
      }),

    /** Sets (or with null takes back) my overall score of a completed candidate; question scores stay. */
    setOverallRating: (
      viewer: ReviewViewer,
      options: { invitationId: string; input: PutOverallRatingInput; client: ClientInfo },
    ): Promise<MyRatings> =>
      saveScore(viewer, {
        invitationId: options.invitationId,
        client: options.client,
        part: { kind: 'overall', overall: options.input.overall },
      }),

    /** Keeps a decider's note as they type it, for them alone, until they decide; an empty note drops it. */
    async saveDecisionDraft(
      viewer: MemberViewer,
      options: { invitationId: string; input: PutDecisionDraftInput },
    ): Promise<DecisionDraft | null> {
      const { invitation } = await getReviewableInvitation(db, viewer, options.invitationId);
      if (!canDecide(viewer)) {
        throw new AppError('forbidden', {
          message:
            'Only owners, admins and recruiters decide on candidates, so only they keep decision notes.',
        });
      }
      assertCompleted(invitation);
      const ref = { invitationId: invitation.id, userId: viewer.userId };
      if (options.input.note.trim() === '') {
        await deleteDecisionDraft(db, ref);
        return null;
      }
      const updatedAt = isoNow(clock);
      await upsertDecisionDraft(db, {
        invitation_id: invitation.id,
        user_id: viewer.userId,
        organisation_id: invitation.organisation_id,
        note: options.input.note,
        updated_at: updatedAt,
      });
      return { note: options.input.note, updatedAt };
    },
  };
}
