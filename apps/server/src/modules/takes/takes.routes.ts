import {
  candidateTakePlaybackSchema,
  openedTakeSchema,
  openTakeSchema,
  takePrefixSha256Schema,
  takeStateSchema,
} from '@oneway/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertCandidateCsrfHeader } from '../candidate/candidate-cookie.ts';
import { requireCandidate } from '../candidate/require-candidate.ts';
import { candidateRouteConfig } from '../candidate/candidate-rate-limit.ts';

const tags = ['candidate'];
const takeParams = z.object({ takeId: z.string().min(1).max(100) });

/**
 * The candidate opens a take before recording, asks what the server holds of it before deleting a copy, and plays
 * back a saved take.
 */
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
        description:
          'Refused with 409 recording_elsewhere (details: questionId, position) while another session of the ' +
          'invitation (another device) has a take receiving bytes; with takeOver: true that take ends (it costs ' +
          'no take, and its uploads are refused with take_taken_over) and this one opens.',
        body: openTakeSchema,
        response: { 201: openedTakeSchema },
      },
    },
    async (request, reply) => {
      const { invitation, sessionId } = await requireCandidate(request, reply, auth);
      return reply.status(201).send(await takes.openTake({ invitation, sessionId, input: request.body }));
    },
  );

  app.get(
    '/candidate/takes/:takeId/prefix-sha256',
    {
      config: candidateRouteConfig(60),
      schema: {
        tags,
        summary: 'The SHA-256 of the first bytes the server holds of a take',
        description:
          'Of its stored file, or of its upload in progress; 409 take_not_open when the server holds fewer ' +
          'bytes (or, for an S3 upload in progress, cannot read that part back).',
        params: takeParams,
        querystring: z.object({ bytes: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }),
        response: { 200: takePrefixSha256Schema },
      },
    },
    async (request, reply) => {
      const { invitation } = await requireCandidate(request, reply, auth);
      return takes.getTakePrefixSha256({
        invitation,
        takeId: request.params.takeId,
        bytes: request.query.bytes,
      });
    },
  );

  app.get(
    '/candidate/takes/:takeId',
    {
      config: candidateRouteConfig(300),
      schema: {
        tags,
        summary: "A take's status, size and SHA-256 as stored on the server",
        params: takeParams,
        response: { 200: takeStateSchema },
      },
    },
    async (request, reply) => {
      const { invitation } = await requireCandidate(request, reply, auth);
      return takes.getTakeState({ invitation, takeId: request.params.takeId });
    },
  );

  app.post(
    '/candidate/takes/:takeId/playback',
    {
      config: candidateRouteConfig(120),
      schema: {
        tags,
        summary: 'A short-lived signed address to play back one of your saved takes',
        description:
          'Any saved take of your own, chosen as the answer or not, while answering or after submitting. The ' +
          'address is served by GET /api/v1/media/… and expires like the ones reviewers get. 404 for a take that is ' +
          'not yours, a practice take or one not saved; 409 media_not_ready while processing runs or after it failed.',
        params: takeParams,
        response: { 200: candidateTakePlaybackSchema },
      },
    },
    async (request, reply) => {
      const { invitation } = await requireCandidate(request, reply, auth);
      return takes.getTakePlayback({ invitation, takeId: request.params.takeId });
    },
  );
};
