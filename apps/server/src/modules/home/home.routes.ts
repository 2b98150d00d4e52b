import { homeSchema } from '@oneway/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireMemberViewer } from '../reviews/review-routes-support.ts';

/** The signed-in landing page's data. */
export const homeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { home } = app.deps.services;

  app.get(
    '/home',
    {
      schema: {
        tags: ['home'],
        security: [{ session: [] }],
        summary: "The day's work: answers waiting for my review, requests, invitations about to expire",
        description:
          'Answers waiting for my review count completed candidates of the interviews I may review (reviewers: ' +
          'those assigned) that I have not rated, per interview. requests and expiringSoon (within 48 hours) are ' +
          'for owners, admins and recruiters; processing problems for owners and admins; null for everyone else.',
        response: { 200: homeSchema },
      },
    },
    async (request) => home.getHome(requireMemberViewer(request)),
  );
};
