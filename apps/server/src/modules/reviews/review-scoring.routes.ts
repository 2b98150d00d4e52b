import {
  decisionDraftSchema,
  myRatingsSchema,
  putDecisionDraftSchema,
  putOverallRatingSchema,
  putQuestionRatingSchema,
} from '@oneway/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clientInfoOf } from '../../plugins/auth.ts';
import { idParams, requireMemberViewer, reviewTags as tags, security } from './review-routes-support.ts';

const questionParams = idParams.extend({ questionId: z.string().min(1).max(100) });
const onePart =
  'Saved on its own, the moment it is picked: my other scores of the candidate stay as they are, and two ' +
  'reviewers saving at the same moment each keep their own. Answers with all my ratings of the candidate. Only ' +
  'completed candidates (409 invitation_not_completed).';

/** Scores saved one at a time as a reviewer picks them, and a decider's draft note. */
export const reviewScoringRoutes: FastifyPluginAsyncZod = async (app) => {
  const { reviews } = app.deps.services;

  app.put(
    '/invitations/:id/ratings/questions/:questionId',
    {
      schema: {
        tags,
        security,
        summary: "Set my score of one of a candidate's answers",
        description: `${onePart} A null score takes mine back. A question the candidate was not asked is refused with validation_failed (questionId).`,
        params: questionParams,
        body: putQuestionRatingSchema,
        response: { 200: myRatingsSchema },
      },
    },
    async (request) =>
      reviews.setQuestionRating(requireMemberViewer(request), {
        invitationId: request.params.id,
        questionId: request.params.questionId,
        input: request.body,
        client: clientInfoOf(request),
      }),
  );

  app.put(
    '/invitations/:id/ratings/overall',
    {
      schema: {
        tags,
        security,
        summary: 'Set my overall score of a candidate',
        description: `${onePart} A null overall takes mine back.`,
        params: idParams,
        body: putOverallRatingSchema,
        response: { 200: myRatingsSchema },
      },
    },
    async (request) =>
      reviews.setOverallRating(requireMemberViewer(request), {
        invitationId: request.params.id,
        input: request.body,
        client: clientInfoOf(request),
      }),
  );

  app.put(
    '/invitations/:id/decision-draft',
    {
      schema: {
        tags,
        security,
        summary: 'Keep my decision note while I think (owner, admin, recruiter)',
        description:
          'Kept for me alone until I decide, then dropped; an empty note drops it at once. Answers null then. ' +
          'Reviewers do not decide (403).',
        params: idParams,
        body: putDecisionDraftSchema,
        response: { 200: decisionDraftSchema.nullable() },
      },
    },
    async (request) =>
      reviews.saveDecisionDraft(requireMemberViewer(request), {
        invitationId: request.params.id,
        input: request.body,
      }),
  );
};
