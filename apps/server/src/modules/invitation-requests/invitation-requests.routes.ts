import {
  approveInvitationRequestSchema,
  declineInvitationRequestSchema,
  interviewEditorRoles,
  invitationRequestListSchema,
  invitationRequestSchema,
  listInvitationRequestsQuerySchema,
  pendingRequestCountSchema,
} from '@oneway/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireMember } from '../../plugins/auth.ts';

const tags = ['invitation requests'];
const security = [{ session: [] }];
const idParams = z.object({ id: z.string().min(1).max(100) });

/**
 * Candidates' requests for more time or an accommodation, for owners, admins and recruiters. Reviewers see
 * neither the requests nor their reasons.
 */
export const invitationRequestsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { invitationRequests } = app.deps.services;

  app.get(
    '/invitation-requests',
    {
      schema: {
        tags,
        security,
        summary: "List the organisation's candidate requests (pending by default)",
        querystring: listInvitationRequestsQuerySchema,
        response: { 200: invitationRequestListSchema },
      },
    },
    async (request) => {
      const { organisationId } = requireMember(request, interviewEditorRoles);
      return {
        requests: await invitationRequests.listInvitationRequests({ organisationId, query: request.query }),
      };
    },
  );

  app.get(
    '/invitation-requests/summary',
    {
      schema: {
        tags,
        security,
        summary: 'How many candidate requests wait for a decision',
        description: 'For the count next to "Requests" in the navigation; owners, admins and recruiters.',
        response: { 200: pendingRequestCountSchema },
      },
    },
    async (request) => {
      const { organisationId } = requireMember(request, interviewEditorRoles);
      return { pending: await invitationRequests.countPendingRequests({ organisationId }) };
    },
  );

  app.get(
    '/invitations/:id/requests',
    {
      schema: {
        tags,
        security,
        summary: "List one invitation's requests",
        params: idParams,
        response: { 200: invitationRequestListSchema },
      },
    },
    async (request) => {
      const { organisationId } = requireMember(request, interviewEditorRoles);
      return {
        requests: await invitationRequests.listRequestsForInvitation({
          organisationId,
          invitationId: request.params.id,
        }),
      };
    },
  );

  app.post(
    '/invitation-requests/:id/approve',
    {
      schema: {
        tags,
        security,
        summary: 'Approve a request: a new deadline for an extension, accommodations for an accommodation',
        params: idParams,
        body: approveInvitationRequestSchema,
        response: { 200: invitationRequestSchema },
      },
    },
    async (request) => {
      const { organisationId, userId } = requireMember(request, interviewEditorRoles);
      return invitationRequests.approveInvitationRequest({
        organisationId,
        userId,
        requestId: request.params.id,
        input: request.body,
      });
    },
  );

  app.post(
    '/invitation-requests/:id/decline',
    {
      schema: {
        tags,
        security,
        summary: 'Decline a request; the candidate gets a short e-mail with the optional message',
        params: idParams,
        body: declineInvitationRequestSchema,
        response: { 200: invitationRequestSchema },
      },
    },
    async (request) => {
      const { organisationId, userId } = requireMember(request, interviewEditorRoles);
      return invitationRequests.declineInvitationRequest({
        organisationId,
        userId,
        requestId: request.params.id,
        input: request.body,
      });
    },
  );

  await Promise.resolve();
};
