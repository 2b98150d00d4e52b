import { acceptTeamInvitationSchema, sessionInfoSchema, teamInvitationPreviewSchema } from '@oneway/shared';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clientInfoOf, readSessionCookie, setSessionCookie } from '../../plugins/auth.ts';

const tags = ['team invitations'];

/** The public side of a team invitation link: look at it, then accept it. */
export const teamInvitationsRoutes: FastifyPluginCallbackZod = (app, _options, done) => {
  const { config } = app.deps;
  const accounts = app.deps.services.accounts;

  app.get(
    '/team-invitations/preview',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'What an invitation link offers; uses nothing up',
        querystring: z.object({ token: z.string().min(10).max(200) }),
        response: { 200: teamInvitationPreviewSchema },
      },
    },
    async (request) => accounts.previewTeamInvitation({ token: request.query.token }),
  );

  app.post(
    '/team-invitations/accept',
    {
      config: { ignoreSession: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Accept an invitation (creating the account if needed) and sign in to the organisation',
        body: acceptTeamInvitationSchema,
        response: { 200: sessionInfoSchema },
      },
    },
    async (request, reply) => {
      const started = await accounts.acceptTeamInvitation({
        input: request.body,
        client: clientInfoOf(request),
        previousToken: readSessionCookie(request, config),
      });
      setSessionCookie(reply, config, started);
      return started.info;
    },
  );
  done();
};
