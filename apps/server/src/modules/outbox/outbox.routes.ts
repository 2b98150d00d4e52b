import { outboxMessageSchema } from '@oneway/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireMember } from '../../plugins/auth.ts';

// Mail can carry sign-in and reset links for anyone in the organisation, so only owners and admins read it.
const readerRoles = ['owner', 'admin'] as const;

/** The outbox: every message the organisation sent or kept, for instances without SMTP and for checking delivery. */
export const outboxRoutes: FastifyPluginAsyncZod = (app) => {
  app.get(
    '/outbox',
    {
      schema: {
        tags: ['outbox'],
        summary: "The organisation's newest e-mails (at most 200), newest first",
        security: [{ session: [] }],
        response: { 200: z.object({ messages: z.array(outboxMessageSchema) }) },
      },
    },
    async (request) => {
      const { organisationId } = requireMember(request, readerRoles);
      return { messages: await app.deps.services.outbox.listMessages({ organisationId }) };
    },
  );

  app.get(
    '/outbox/:id',
    {
      schema: {
        tags: ['outbox'],
        summary: 'One e-mail of the organisation',
        security: [{ session: [] }],
        params: z.object({ id: z.string().min(1).max(100) }),
        response: { 200: outboxMessageSchema },
      },
    },
    async (request) => {
      const { organisationId } = requireMember(request, readerRoles);
      return app.deps.services.outbox.getMessage({ organisationId, id: request.params.id });
    },
  );
  // Nothing to await: the plugin only declares routes.
  return Promise.resolve();
};
