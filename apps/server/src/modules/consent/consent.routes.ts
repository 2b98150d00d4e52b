import {
  consentNoticeQuerySchema,
  consentNoticeSchema,
  consentRecordSchema,
  speedTestMaxBytes,
  speedTestResultSchema,
  submitConsentSchema,
} from '@oneway/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clientInfoOf } from '../../plugins/auth.ts';
import { assertCandidateCsrfHeader } from '../candidate/candidate-cookie.ts';
import { requireCandidate } from '../candidate/require-candidate.ts';
import { candidateRouteConfig } from '../candidate/candidate-rate-limit.ts';

const tags = ['candidate'];

/** The candidate's consent to recording, and the upload speed test of the device check. */
export const consentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app.deps;
  const { candidate, consent } = app.deps.services;
  const auth = { config, candidate };

  app.addHook('onRequest', async (request) => {
    assertCandidateCsrfHeader(request);
    await Promise.resolve();
  });

  // The speed test's body is counted and dropped; this parser exists only inside this plugin.
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: speedTestMaxBytes },
    (_request, body: Buffer, done) => done(null, body.length),
  );

  app.get(
    '/candidate/consent-notice',
    {
      config: candidateRouteConfig(60),
      schema: {
        tags,
        summary: 'The recording notice in the language the pages show, and when the candidate agreed to it',
        querystring: consentNoticeQuerySchema,
        response: { 200: consentNoticeSchema },
      },
    },
    async (request, reply) => {
      const { invitation } = await requireCandidate(request, reply, auth);
      return consent.getConsentNotice(invitation, request.query.language);
    },
  );

  app.post(
    '/candidate/consent',
    {
      config: candidateRouteConfig(20),
      schema: {
        tags,
        summary: 'Agree to the recording notice shown (named by its version, language and SHA-256)',
        body: submitConsentSchema,
        response: { 201: consentRecordSchema },
      },
    },
    async (request, reply) => {
      const { invitation } = await requireCandidate(request, reply, auth);
      const record = await consent.recordConsent({
        invitation,
        input: request.body,
        client: clientInfoOf(request),
      });
      return reply.status(201).send(record);
    },
  );

  app.post(
    '/candidate/speed-test',
    {
      bodyLimit: speedTestMaxBytes,
      config: candidateRouteConfig(10),
      schema: {
        tags,
        summary: 'Receives and discards up to 2 MB, so the page can time its upload speed',
        response: { 200: speedTestResultSchema },
      },
    },
    async (request, reply) => {
      await requireCandidate(request, reply, auth);
      return { bytes: typeof request.body === 'number' ? request.body : 0 };
    },
  );
};
