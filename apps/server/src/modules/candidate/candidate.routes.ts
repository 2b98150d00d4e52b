import {
  candidateLandingSchema,
  candidateRequestInputSchema,
  candidateRequestSchema,
  candidateTimeZoneInputSchema,
  startCandidateSessionSchema,
} from '@oneway/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clientInfoOf } from '../../plugins/auth.ts';
import { candidateLogoRoutes } from '../interviews/interview-logo.routes.ts';
import { assertCandidateCsrfHeader, readCandidateCookie, setCandidateCookie } from './candidate-cookie.ts';
import type { CandidateContext } from './candidate.service.ts';
import { requireCandidate as requireCandidateOf } from './require-candidate.ts';
import { candidateRouteConfig, createWrongGuessLimit, sessionStartConfig } from './candidate-rate-limit.ts';

const tags = ['candidate'];

/** The candidate's entry: the link's token for a session, the landing page and requests for time or help. */
export const candidateRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app.deps;
  const { candidate } = app.deps.services;

  app.addHook('onRequest', async (request) => {
    assertCandidateCsrfHeader(request);
    await Promise.resolve();
  });

  const wrongGuesses = createWrongGuessLimit(app);
  const requireCandidate = (request: FastifyRequest, reply: FastifyReply): Promise<CandidateContext> =>
    requireCandidateOf(request, reply, { config, candidate });

  app.post(
    '/candidate/session',
    {
      // Per link: a room of candidates behind one address all open theirs; unknown tokens count per address.
      config: sessionStartConfig(20, (body) => (body as { token: string }).token),
      schema: {
        tags,
        summary: "Start a candidate session from the link's token; answers the landing page",
        body: startCandidateSessionSchema,
        response: { 200: candidateLandingSchema },
      },
    },
    async (request, reply) => {
      const started = await wrongGuesses.countWrong(request, ['invitation_not_found'], () =>
        candidate.startCandidateSession({
          token: request.body.token,
          client: clientInfoOf(request),
          previousValue: readCandidateCookie(request, config),
        }),
      );
      setCandidateCookie(reply, config, started);
      return started.landing;
    },
  );

  app.get(
    '/candidate/landing',
    {
      config: candidateRouteConfig(120),
      schema: {
        tags,
        summary: 'What the candidate sees before anything is timed',
        response: { 200: candidateLandingSchema },
      },
    },
    async (request, reply) => {
      const { invitation, sessionId } = await requireCandidate(request, reply);
      return candidate.getLanding(invitation, sessionId);
    },
  );

  app.put(
    '/candidate/time-zone',
    {
      config: candidateRouteConfig(30),
      schema: {
        tags,
        summary: "Store the candidate's time zone (IANA name)",
        body: candidateTimeZoneInputSchema,
      },
    },
    async (request, reply) => {
      const { invitation } = await requireCandidate(request, reply);
      await candidate.setCandidateTimeZone({ invitation, timeZone: request.body.timeZone });
      return reply.status(204).send();
    },
  );

  app.post(
    '/candidate/requests',
    {
      config: candidateRouteConfig(10),
      schema: {
        tags,
        summary: 'Ask for more time or an accommodation',
        body: candidateRequestInputSchema,
        response: { 201: candidateRequestSchema },
      },
    },
    async (request, reply) => {
      const { invitation } = await requireCandidate(request, reply);
      const created = await candidate.submitRequest({ invitation, input: request.body });
      return reply.status(201).send(created);
    },
  );
  await app.register(candidateLogoRoutes);
};
