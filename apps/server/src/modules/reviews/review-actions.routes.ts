import {
  createCommentSchema,
  myRatingsSchema,
  putDecisionSchema,
  putRatingsSchema,
  reviewCommentSchema,
  decisionSavedSchema,
} from '@oneway/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clientInfoOf } from '../../plugins/auth.ts';
import { idParams, requireMemberViewer, reviewTags as tags, security } from './review-routes-support.ts';

/** Ratings, comments and decisions on completed candidates. */
export const reviewActionsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { reviews } = app.deps.services;

  app.put(
    '/invitations/:id/ratings',
    {
      schema: {
        tags,
        security,
        summary: 'Set my ratings of a candidate',
        description:
          'Every member who may review the interview rates (1-5 per question, and overall). Replaces my earlier ' +
          'ratings of this candidate; no question ratings and a null overall withdraws them. Only completed ' +
          'candidates (409 invitation_not_completed). A score outside 1-5 or a question the candidate was not ' +
          'asked is refused with validation_failed naming the field.',
        params: idParams,
        body: putRatingsSchema,
        response: { 200: myRatingsSchema },
      },
    },
    async (request) =>
      reviews.putRatings(requireMemberViewer(request), {
        invitationId: request.params.id,
        input: request.body,
        client: clientInfoOf(request),
      }),
  );

  app.post(
    '/invitations/:id/comments',
    {
      schema: {
        tags,
        security,
        summary: 'Comment on an answer, at a moment of it or as a whole',
        params: idParams,
        body: createCommentSchema,
        response: { 201: reviewCommentSchema },
      },
    },
    async (request, reply) => {
      const comment = await reviews.addComment(requireMemberViewer(request), {
        invitationId: request.params.id,
        input: request.body,
      });
      return reply.status(201).send(comment);
    },
  );

  app.delete(
    '/comments/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Delete a comment (its author, an owner or an admin)',
        params: idParams,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await reviews.removeComment(requireMemberViewer(request), { commentId: request.params.id });
      return reply.status(204).send();
    },
  );

  app.put(
    '/invitations/:id/decision',
    {
      schema: {
        tags,
        security,
        summary: 'Advance, hold or reject a candidate (owner, admin, recruiter)',
        description:
          'Reviewers rate and comment but do not decide (403). Only completed candidates (409). When the interview ' +
          "hides the team's view until rated, the decider must have rated the candidate first (409 " +
          'rating_required). Replaces the current decision; each one is kept in the audit log. candidateEmail says ' +
          'whether the outcome e-mail was queued now (see notifyCandidate).',
        params: idParams,
        body: putDecisionSchema,
        response: { 200: decisionSavedSchema },
      },
    },
    async (request) =>
      reviews.putDecision(requireMemberViewer(request), {
        invitationId: request.params.id,
        input: request.body,
        client: clientInfoOf(request),
      }),
  );
};
