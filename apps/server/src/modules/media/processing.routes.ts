import { processingOverviewSchema, takeProcessingStateSchema } from '@oneway/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clientInfoOf, requireMember } from '../../plugins/auth.ts';

// The reasons name storage, ffmpeg and server settings, and a retry costs the server's time: owners and admins.
const adminRoles = ['owner', 'admin'] as const;
const tags = ['processing'];
const security = [{ session: [] }];
const idParams = z.object({ id: z.string().min(1).max(100) });

/** What processing failed or is stuck in the organisation, and retries, for owners and admins. */
export const processingRoutes: FastifyPluginAsyncZod = (app) => {
  const { processing } = app.deps.services;

  app.get(
    '/processing',
    {
      schema: {
        tags,
        security,
        summary: "The organisation's recordings whose processing failed or is stuck, newest first",
        description:
          'Failed takes, and takes queued or processing for longer than stuckAfterMinutes, with the reason in ' +
          'plain words (and the technical detail), plus counts of every state. Owners and admins only.',
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(200).default(50).describe('At most this many problems'),
        }),
        response: { 200: processingOverviewSchema },
      },
    },
    async (request) => {
      const { organisationId } = requireMember(request, adminRoles);
      return processing.getProcessingOverview({ organisationId, limit: request.query.limit });
    },
  );

  app.get(
    '/takes/:id/processing',
    {
      schema: {
        tags,
        security,
        summary: "Where one recording's processing stands, and why it failed",
        description: 'Owners and admins only; a practice take or one not yet saved is not found.',
        params: idParams,
        response: { 200: takeProcessingStateSchema },
      },
    },
    async (request) => {
      const { organisationId } = requireMember(request, adminRoles);
      return processing.getTakeProcessingState({ organisationId, takeId: request.params.id });
    },
  );

  app.post(
    '/takes/:id/processing/retry',
    {
      schema: {
        tags,
        security,
        summary: "Queue a failed or stuck recording's processing again",
        description:
          'Fresh tries for a take whose processing failed, is stuck, or was never queued; the original recording ' +
          'is untouched. Any other take answers 409 processing_not_retryable. Recorded in the audit log.',
        params: idParams,
        response: { 200: takeProcessingStateSchema },
      },
    },
    async (request) =>
      processing.retryProcessing({
        actor: requireMember(request, adminRoles),
        takeId: request.params.id,
        client: clientInfoOf(request),
      }),
  );
  return Promise.resolve();
};
