import { acceptTeamInvitationSchema, sessionInfoSchema, teamInvitationPreviewSchema } from '@oneway/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clientInfoOf, readSessionCookie, setSessionCookie } from '../../plugins/auth.ts';
import { createWrongGuessLimit, digest, sessionStartConfig } from '../../plugins/secret-rate-limit.ts';

const tags = ['team invitations'];

/** The public side of a team invitation link: look at it, then accept it. */
export const teamInvitationsRoutes: FastifyPluginCallbackZod = (app, _options, done) => {
  const { config } = app.deps;
  const accounts = app.deps.services.accounts;
  // Counted per invitation, not per address: a team joining from one office shares it. Wrong tokens count per
  // address, so guessing stays limited.
  const wrongGuesses = createWrongGuessLimit(app);
  const wrongTokens = ['team_invitation_invalid' as const];

  app.get(
    '/team-invitations/preview',
    {
      config: {
        rateLimit: {
          max: 30,
          timeWindow: '1 minute',
          keyGenerator: (request: FastifyRequest) =>
            `preview:${digest((request.query as { token?: string }).token ?? '')}`,
        },
      },
      schema: {
        tags,
        summary: 'What an invitation link offers; uses nothing up',
        querystring: z.object({ token: z.string().min(10).max(200) }),
        response: { 200: teamInvitationPreviewSchema },
      },
    },
    async (request) =>
      wrongGuesses.countWrong(request, wrongTokens, () =>
        accounts.previewTeamInvitation({ token: request.query.token }),
      ),
  );

  app.post(
    '/team-invitations/accept',
    {
      config: sessionStartConfig(10, (body) => (body as { token: string }).token),
      schema: {
        tags,
        summary: 'Accept an invitation (creating the account if needed) and sign in to the organisation',
        body: acceptTeamInvitationSchema,
        response: { 200: sessionInfoSchema },
      },
    },
    async (request, reply) => {
      const started = await wrongGuesses.countWrong(request, wrongTokens, () =>
        accounts.acceptTeamInvitation({
          input: request.body,
          client: clientInfoOf(request),
          previousToken: readSessionCookie(request, config),
        }),
      );
      setSessionCookie(reply, config, started);
      return started.info;
    },
  );
  done();
};
