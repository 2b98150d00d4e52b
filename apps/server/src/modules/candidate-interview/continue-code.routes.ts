import { candidateLandingSchema, continueWithCodeSchema } from '@oneway/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clientInfoOf } from '../../plugins/auth.ts';
import {
  assertCandidateCsrfHeader,
  readCandidateCookie,
  setCandidateCookie,
} from '../candidate/candidate-cookie.ts';
import { requireCandidate } from '../candidate/require-candidate.ts';
import {
  candidateRouteConfig,
  createWrongGuessLimit,
  sessionStartConfig,
} from '../candidate/candidate-rate-limit.ts';

const tags = ['candidate'];

/** Pausing on one device and continuing on another with a code sent to the invitation's e-mail address. */
export const continueCodeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app.deps;
  const { candidate, continueCodes } = app.deps.services;

  const wrongGuesses = createWrongGuessLimit(app);

  app.addHook('onRequest', async (request) => {
    assertCandidateCsrfHeader(request);
    await Promise.resolve();
  });

  app.post(
    '/candidate/continue-code',
    {
      config: candidateRouteConfig(5),
      schema: {
        tags,
        summary: 'E-mail a one-time code to continue on another device (replaces any earlier code)',
      },
    },
    async (request, reply) => {
      const { invitation } = await requireCandidate(request, reply, { config, candidate });
      await continueCodes.sendContinueCode(invitation);
      return reply.status(204).send();
    },
  );

  app.post(
    '/candidate/session/code',
    {
      // Per e-mail address (each code also dies after a few wrong tries); wrong codes count per address too.
      config: sessionStartConfig(10, (body) => (body as { email: string }).email.trim().toLowerCase()),
      schema: {
        tags,
        summary:
          'Start a candidate session with the e-mail address and the code sent to it; answers the landing page',
        body: continueWithCodeSchema,
        response: { 200: candidateLandingSchema },
      },
    },
    async (request, reply) => {
      const started = await wrongGuesses.countWrong(request, ['continue_code_invalid'], () =>
        continueCodes.startSessionWithCode({
          input: request.body,
          client: clientInfoOf(request),
          previousValue: readCandidateCookie(request, config),
        }),
      );
      setCandidateCookie(reply, config, started);
      return started.landing;
    },
  );
};
