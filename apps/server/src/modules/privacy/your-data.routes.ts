import {
  candidateDataSchema,
  confirmErasureSchema,
  consentWithdrawnSchema,
  erasureConfirmedSchema,
  erasureRequestSentSchema,
} from '@oneway/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { assertCandidateCsrfHeader } from '../candidate/candidate-cookie.ts';
import { requireCandidate } from '../candidate/require-candidate.ts';

const tags = ['candidate'];
const candidateConfig = (max: number) => ({
  ignoreSession: true,
  rateLimit: { max, timeWindow: '1 minute' },
});

/** "Your data": what the candidate can see, download and ask for, through their own session. */
export const yourDataRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app.deps;
  const { candidate, yourData } = app.deps.services;
  const auth = { config, candidate };

  app.addHook('onRequest', async (request) => {
    assertCandidateCsrfHeader(request);
    await Promise.resolve();
  });

  app.get(
    '/candidate/your-data',
    {
      config: candidateConfig(60),
      schema: {
        tags,
        summary: 'Everything held about the candidate, and where an erasure request stands',
        response: { 200: candidateDataSchema },
      },
    },
    async (request, reply) => {
      const { invitation } = await requireCandidate(request, reply, auth);
      return yourData.getCandidateData(invitation);
    },
  );

  app.get(
    '/candidate/your-data/export',
    {
      config: candidateConfig(10),
      schema: {
        tags,
        summary:
          'Download everything held about the candidate as a ZIP (recordings, answers, consents, timeline)',
        produces: ['application/zip'],
      },
    },
    async (request, reply) => {
      const { invitation } = await requireCandidate(request, reply, auth);
      const zip = await yourData.exportCandidateData(invitation);
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', 'attachment; filename="your-data.zip"')
        .send(zip);
    },
  );

  app.post(
    '/candidate/your-data/erasure-request',
    {
      config: candidateConfig(5),
      schema: {
        tags,
        summary:
          "Ask for the candidate's data to be erased: a confirmation link goes to their e-mail address",
        response: { 201: erasureRequestSentSchema },
      },
    },
    async (request, reply) => {
      const { invitation } = await requireCandidate(request, reply, auth);
      return reply.status(201).send(await yourData.requestErasure(invitation));
    },
  );

  app.post(
    '/candidate/erasure/confirm',
    {
      config: candidateConfig(10),
      schema: {
        tags,
        summary: 'Confirm an erasure request with the token of the e-mailed link (no session needed)',
        description:
          '404 erasure_link_invalid for an unknown link, 410 erasure_link_expired once it expired, 409 ' +
          'erasure_link_used when it was used already (details: dueAt, or erasedAt once the data is gone).',
        body: confirmErasureSchema,
        response: { 200: erasureConfirmedSchema },
      },
    },
    async (request) => yourData.confirmErasure(request.body.token),
  );

  app.post(
    '/candidate/consent/withdraw',
    {
      config: candidateConfig(10),
      schema: {
        tags,
        summary: 'Withdraw consent before submitting: the interview stops and everything uploaded is erased',
        response: { 200: consentWithdrawnSchema },
      },
    },
    async (request, reply) => {
      const { invitation } = await requireCandidate(request, reply, auth);
      return yourData.withdrawConsent(invitation);
    },
  );
};
