import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { accountRoutes } from './account.routes.ts';
import { authRoutes } from './auth.routes.ts';
import { signInStepsRoutes } from './sign-in-steps.routes.ts';
import { membersRoutes } from './members.routes.ts';
import { organisationRoutes } from './organisation.routes.ts';
import { teamInvitationsRoutes } from './team-invitations.routes.ts';

/** Every accounts route, under the /api/v1 prefix given by the app. */
export const accountsRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(authRoutes);
  await app.register(signInStepsRoutes);
  await app.register(accountRoutes);
  await app.register(organisationRoutes);
  await app.register(membersRoutes);
  await app.register(teamInvitationsRoutes);
};
