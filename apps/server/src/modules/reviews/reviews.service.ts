import { getReviewableInvitation } from './review-access.ts';
import { createReviewActionFunctions } from './review-actions.service.ts';
import { createReviewExportFunctions } from './review-export.service.ts';
import { createReviewReadFunctions } from './review-read.service.ts';
import { createReviewScoringFunctions } from './review-scoring.service.ts';
import { createReviewerFunctions } from './reviewers.service.ts';
import type { ReviewViewer } from './review-viewer.ts';
import type { ReviewsDeps } from './reviews.context.ts';

/** Reviewing candidates: lists, one candidate, comparison, export, ratings, comments, decisions, reviewers. */
export function createReviewsService(deps: ReviewsDeps) {
  return {
    ...createReviewReadFunctions(deps),
    ...createReviewExportFunctions(deps),
    ...createReviewActionFunctions(deps),
    ...createReviewScoringFunctions(deps),
    ...createReviewerFunctions(deps),
    /** The invitation and its interview when the viewer may review it (404 another organisation's, 403 unassigned). */
    getReviewableInvitation: (viewer: ReviewViewer, invitationId: string) =>
      getReviewableInvitation(deps.db, viewer, invitationId),
  };
}

export type ReviewsService = ReturnType<typeof createReviewsService>;
