import {
  createShareLinkSchema,
  createdShareLinkSchema,
  decisionMakerRoles,
  shareLinkListSchema,
} from '@oneway/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireMember } from '../../plugins/auth.ts';
import { idParams, security } from '../reviews/review-routes-support.ts';
import type { MemberViewer } from '../reviews/review-viewer.ts';
import { guestRoutes } from './guest.routes.ts';

const tags = ['sharing'];

/** Owners, admins and recruiters make, list and revoke share links; reviewers are refused (403). */
function requireSharer(request: FastifyRequest): MemberViewer {
  const auth = requireMember(request, decisionMakerRoles);
  return { kind: 'member', organisationId: auth.organisationId, userId: auth.userId, role: auth.role };
}

export const shareLinksRoutes: FastifyPluginAsyncZod = async (app) => {
  const { shareLinks } = app.deps.services;

  app.post(
    '/share-links',
    {
      schema: {
        tags,
        security,
        summary: 'Share one candidate or a shortlist read-only (owner, admin, recruiter)',
        description:
          'All candidates of one interview, all completed. The link in `url` holds a 256-bit secret and is shown ' +
          'only now (stored as its SHA-256). It expires after expiresInDays (default 7, 1-90) and can be revoked. ' +
          'anonymised hides names and e-mail addresses from guests; allowRatings lets guests rate under a name ' +
          'they give. Guests never see the team’s ratings, comments or decisions. Every use is audited.',
        body: createShareLinkSchema,
        response: { 201: createdShareLinkSchema },
      },
    },
    async (request, reply) => {
      const created = await shareLinks.createShareLink(requireSharer(request), request.body);
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/interviews/:id/share-links',
    {
      schema: {
        tags,
        security,
        summary: "An interview's share links and their state (owner, admin, recruiter)",
        params: idParams,
        response: { 200: shareLinkListSchema },
      },
    },
    async (request) => ({
      shareLinks: await shareLinks.listShareLinks(requireSharer(request), { interviewId: request.params.id }),
    }),
  );

  app.delete(
    '/share-links/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Revoke a share link at once (owner, admin, recruiter)',
        params: idParams,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await shareLinks.revokeShareLink(requireSharer(request), { shareLinkId: request.params.id });
      return reply.status(204).send();
    },
  );

  await app.register(guestRoutes);
};
