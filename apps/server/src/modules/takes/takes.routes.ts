import { openedTakeSchema, openTakeSchema, takeStateSchema } from '@oneway/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertCandidateCsrfHeader } from '../candidate/candidate-cookie.ts';
import { requireCandidate } from '../candidate/require-candidate.ts';
import { candidateRouteConfig } from '../candidate/candidate-rate-limit.ts';

const tags = ['candidate'];

/** The candidate opens a take before recording, and asks what the server holds of it before deleting a copy. */
export const takesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app.deps;
  const { candidate, takes } = app.deps.services;
  const auth = { config, candidate };

  app.addHook('onRequest', async (request) => {
    assertCandidateCsrfHeader(request);
    await Promise.resolve();
  });

  app.post(
    '/candidate/takes',
    {
      config: candidateRouteConfig(60),
      schema: {
        tags,
        summary: 'Open a take of a question (or the practice question) before recording it',
        body: openTakeSchema,
        response: { 201: openedTakeSchema },
      },
    },
    async (request, reply) => {
      const { invitation } = await requireCandidate(request, reply, auth);
      return reply.status(201).send(await takes.openTake({ invitation, input: request.body }));
    },
  );

  app.get(
    '/candidate/takes/:takeId',
    {
      config: candidateRouteConfig(300),
      schema: {
        tags,
        summary: "A take's status, size and SHA-256 as stored on the server",
        params: z.object({ takeId: z.string().min(1).max(100) }),
        response: { 200: takeStateSchema },
      },
    },
    async (request, reply) => {
      const { invitation } = await requireCandidate(request, reply, auth);
      return takes.getTakeState({ invitation, takeId: request.params.takeId });
    },
  );
};
