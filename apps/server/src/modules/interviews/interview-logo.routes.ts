import {
  interviewEditorRoles,
  interviewLogoMaxBytes,
  interviewLogoTypes,
  interviewSchema,
} from '@oneway/shared';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { requireMember } from '../../plugins/auth.ts';
import { requireCandidate } from '../candidate/require-candidate.ts';
import { assertLogoContentType, mediaTypeOf } from './interview-logo.service.ts';
import { candidateRouteConfig } from '../candidate/candidate-rate-limit.ts';

const security = [{ session: [] }];
const interviewParams = z.object({ id: z.string().min(1).max(100) });
// Bytes (a stream), so no JSON schema applies.
const logoBytes = z.unknown().describe('The PNG, JPEG or WebP bytes of the logo');
const produces = [...interviewLogoTypes];

/** The app marks every /api/ answer no-store; a logo may sit in the viewer's own cache for a few minutes. */
function cacheLogosPrivately(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    if (request.method === 'GET' && reply.statusCode === 200) {
      void reply.header('cache-control', 'private, max-age=300');
    }
    await Promise.resolve();
  });
}

function sendLogo(reply: FastifyReply, logo: { stream: Readable; contentType: string }) {
  return reply.type(logo.contentType).header('x-content-type-options', 'nosniff').send(logo.stream);
}

/** An interview's logo: set from the raw image body, removed, and read by members. */
export const interviewLogoRoutes: FastifyPluginAsyncZod = async (app) => {
  const { interviews } = app.deps.services;
  const tags = ['interviews'];
  cacheLogosPrivately(app);

  // The raw image body; this parser exists only inside this plugin.
  app.addContentTypeParser(
    [...interviewLogoTypes],
    { parseAs: 'buffer', bodyLimit: interviewLogoMaxBytes },
    (_request, body: Buffer, done) => done(null, body),
  );

  app.put(
    '/interviews/:id/logo',
    {
      bodyLimit: interviewLogoMaxBytes,
      // Any other type (SVG above all) is refused by name before its body is read.
      onRequest: async (request) => {
        assertLogoContentType(mediaTypeOf(request.headers['content-type']));
        await Promise.resolve();
      },
      schema: {
        tags,
        security,
        summary: "Set the interview's logo from the raw image body",
        description:
          'The body is the image itself with Content-Type image/png, image/jpeg or image/webp, at most 1 MB; its ' +
          'first bytes must match the type (415 upload_rejected otherwise, 413 payload_too_large when larger). ' +
          'The logo it replaces is deleted.',
        consumes: [...interviewLogoTypes],
        params: interviewParams,
        response: { 200: interviewSchema },
      },
    },
    async (request) => {
      const { organisationId, userId } = requireMember(request, interviewEditorRoles);
      return interviews.setInterviewLogo({
        organisationId,
        userId,
        interviewId: request.params.id,
        contentType: mediaTypeOf(request.headers['content-type']),
        bytes: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
      });
    },
  );

  app.delete(
    '/interviews/:id/logo',
    {
      schema: {
        tags,
        security,
        summary: "Remove the interview's logo",
        params: interviewParams,
      },
    },
    async (request, reply) => {
      const { organisationId, userId } = requireMember(request, interviewEditorRoles);
      await interviews.removeInterviewLogo({ organisationId, userId, interviewId: request.params.id });
      return reply.status(204).send();
    },
  );

  app.get(
    '/interviews/:id/logo',
    {
      schema: {
        tags,
        security,
        summary: "The interview's logo image (404 when it has none)",
        params: interviewParams,
        produces,
        response: { 200: logoBytes },
      },
    },
    async (request, reply) => {
      const { organisationId } = requireMember(request);
      const logo = await interviews.openInterviewLogo({ organisationId, interviewId: request.params.id });
      return sendLogo(reply, logo);
    },
  );
};

/** The logo of the candidate's interview, for the candidate pages (by the candidate's cookie). */
export const candidateLogoRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app.deps;
  const { candidate, interviews } = app.deps.services;
  cacheLogosPrivately(app);

  app.get(
    '/candidate/logo',
    {
      config: candidateRouteConfig(120),
      schema: {
        tags: ['candidate'],
        summary: "The logo of the candidate's interview (404 when it has none)",
        produces,
        response: { 200: logoBytes },
      },
    },
    async (request, reply) => {
      const { invitation } = await requireCandidate(request, reply, { config, candidate });
      const logo = await interviews.openInterviewLogo({
        organisationId: invitation.organisation_id,
        interviewId: invitation.interview_id,
      });
      return sendLogo(reply, logo);
    },
  );
};
