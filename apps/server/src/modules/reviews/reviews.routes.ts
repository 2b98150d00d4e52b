import {
  candidateReviewSchema,
  compareQuerySchema,
  compareResultSchema,
  listReviewsQuerySchema,
  reviewListSchema,
  reviewOrderQuerySchema,
} from '@oneway/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clientInfoOf } from '../../plugins/auth.ts';
import { reviewActionsRoutes } from './review-actions.routes.ts';
import {
  idParams,
  requireMemberViewer,
  reviewTags as tags,
  security,
  sendCsvFile,
} from './review-routes-support.ts';
import { reviewersRoutes } from './reviewers.routes.ts';
import { reviewScoringRoutes } from './review-scoring.routes.ts';

const whoSees =
  'Owners, admins and recruiters see every interview of the organisation; reviewers only those they are assigned ' +
  'to (403 otherwise). Reviewers of an anonymised interview see "Candidate 7" instead of names and no e-mail ' +
  "addresses. When the interview hides ratings until rated, the team's ratings of a candidate stay hidden from " +
  'a viewer who has not rated that candidate, and so do their comments, the decision and its note. A viewer has ' +
  'rated a candidate once they gave an overall score or scored every question the candidate answered.';

/** The review pages' reads: the candidates of an interview, one candidate, a comparison and the CSV results. */
export const reviewsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { reviews } = app.deps.services;

  app.get(
    '/interviews/:id/reviews',
    {
      schema: {
        tags,
        security,
        summary: "An interview's candidates with status, scores and decision",
        description:
          `${whoSees} A candidate's average is the mean of the raters' scores, a rater's score being their ` +
          'overall rating or else the mean of their question ratings. Search (q) is refused with ' +
          'validation_failed while names are hidden from the viewer.',
        params: idParams,
        querystring: listReviewsQuerySchema,
        response: { 200: reviewListSchema },
      },
    },
    async (request) =>
      reviews.listReviews(requireMemberViewer(request), {
        interviewId: request.params.id,
        query: request.query,
      }),
  );

  app.get(
    '/invitations/:id/review',
    {
      schema: {
        tags,
        security,
        summary: "One candidate's answers, ratings, comments and decision",
        description:
          `${whoSees} Pass the list's sort and filters to get previous/next in the same order. Answers appear ` +
          'once the candidate has submitted; only whether accommodations applied is shown, never which. Audited.',
        params: idParams,
        querystring: reviewOrderQuerySchema,
        response: { 200: candidateReviewSchema },
      },
    },
    async (request) =>
      reviews.getCandidateReview(requireMemberViewer(request), {
        invitationId: request.params.id,
        order: request.query,
        client: clientInfoOf(request),
      }),
  );

  app.get(
    '/interviews/:id/compare',
    {
      schema: {
        tags,
        security,
        summary: 'One question across up to 10 candidates, side by side',
        description: `${whoSees} invitationIds is a comma-separated list of the interview's invitations.`,
        params: idParams,
        querystring: compareQuerySchema,
        response: { 200: compareResultSchema },
      },
    },
    async (request) =>
      reviews.compareCandidates(requireMemberViewer(request), {
        interviewId: request.params.id,
        query: request.query,
        client: clientInfoOf(request),
      }),
  );

  app.get(
    '/interviews/:id/results.csv',
    {
      schema: {
        tags,
        security,
        summary: "Download an interview's results as CSV",
        description:
          `${whoSees} One row per candidate: number, name, e-mail, phone and external id (left out when ` +
          'anonymised), status, completion ' +
          'time, average score, ratings, average per current question, decision and note. Cells a spreadsheet ' +
          'would run as formulas start with an apostrophe.',
        params: idParams,
        produces: ['text/csv'],
        response: { 200: z.string().describe('CSV text') },
      },
    },
    async (request, reply) =>
      sendCsvFile(
        reply,
        await reviews.exportResults(requireMemberViewer(request), {
          interviewId: request.params.id,
          client: clientInfoOf(request),
        }),
      ),
  );

  app.get(
    '/interviews/:id/ratings-by-rater.csv',
    {
      schema: {
        tags,
        security,
        summary: "Download every rater's scores of an interview as CSV",
        description:
          `${whoSees} One row per rater per candidate, for calibration: number, name, e-mail, phone and external ` +
          'id (left out when anonymised), rater, rater type (member or guest), when they rated, overall rating, ' +
          "and each current question's score and note. While blind review hides the team's ratings of a " +
          "candidate from the viewer, only the viewer's own row of that candidate is included. Cells a " +
          'spreadsheet would run as formulas start with an apostrophe.',
        params: idParams,
        produces: ['text/csv'],
        response: { 200: z.string().describe('CSV text') },
      },
    },
    async (request, reply) =>
      sendCsvFile(
        reply,
        await reviews.exportRaterScores(requireMemberViewer(request), {
          interviewId: request.params.id,
          client: clientInfoOf(request),
        }),
      ),
  );

  await app.register(reviewActionsRoutes);
  await app.register(reviewScoringRoutes);
  await app.register(reviewersRoutes);
};
