import { apiKeyListSchema, createApiKeySchema, createdApiKeySchema } from '@oneway/shared';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clientInfoOf, requireMember } from '../../plugins/auth.ts';

const tags = ['api keys'];
// Managed only by signed-in owners and admins: a key cannot mint or revoke keys.
const security = [{ session: [] }];
const managers = ['owner', 'admin'] as const;
const keyParams = z.object({ id: z.string().min(1).max(100) });

/** Organisation API keys, for calling this API with `Authorization: Bearer ow_live_…`. */
export const apiKeysRoutes: FastifyPluginCallbackZod = (app, _options, done) => {
  const { apiKeys } = app.deps.services;

  app.get(
    '/api-keys',
    {
      schema: {
        tags,
        security,
        summary: "The organisation's API keys, revoked ones included (owner, admin)",
        description: 'Each key shows its first 12 characters only; the whole key is shown once, at creation.',
        response: { 200: apiKeyListSchema },
      },
    },
    async (request) => ({
      apiKeys: await apiKeys.listApiKeys({ organisationId: requireMember(request, managers).organisationId }),
    }),
  );

  app.post(
    '/api-keys',
    {
      schema: {
        tags,
        security,
        summary: 'Create an API key (owner, admin)',
        description:
          'The answer holds the key in `key`; store it now, it is not shown again. The key acts as `role` ' +
          '(admin, recruiter or reviewer) and stops working when revoked or when its creator is no longer an ' +
          'owner or admin of the organisation. Actions taken with it are recorded against its creator.',
        body: createApiKeySchema,
        response: { 201: createdApiKeySchema },
      },
    },
    async (request, reply) => {
      const created = await apiKeys.createApiKey({
        actor: requireMember(request, managers),
        input: request.body,
        client: clientInfoOf(request),
      });
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/api-keys/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Revoke an API key for good (owner, admin)',
        params: keyParams,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await apiKeys.revokeApiKey({
        actor: requireMember(request, managers),
        id: request.params.id,
        client: clientInfoOf(request),
      });
      return reply.status(204).send();
    },
  );
  done();
};
