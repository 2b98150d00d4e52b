import { organisationSchema, updateOrganisationSchema } from '@oneway/shared';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { requireMember } from '../../plugins/auth.ts';

const tags = ['organisation'];
const security = [{ session: [] }];

/** The caller's organisation. */
export const organisationRoutes: FastifyPluginCallbackZod = (app, _options, done) => {
  const accounts = app.deps.services.accounts;

  app.get(
    '/organisation',
    {
      schema: {
        tags,
        summary: 'The organisation you are signed in to',
        security,
        response: { 200: organisationSchema },
      },
    },
    async (request) => accounts.getOrganisation({ organisationId: requireMember(request).organisationId }),
  );

  app.patch(
    '/organisation',
    {
      schema: {
        tags,
        summary: 'Rename the organisation (owner, admin)',
        security,
        body: updateOrganisationSchema,
        response: { 200: organisationSchema },
      },
    },
    async (request) =>
      accounts.renameOrganisation({
        actor: requireMember(request, ['owner', 'admin']),
        name: request.body.name,
      }),
  );
  done();
};
