import {
  createInvitationSchema,
  interviewEditorRoles,
  invitationDetailSchema,
  invitationListSchema,
  invitationSchema,
  invitationStatusSchema,
  listInvitationsQuerySchema,
} from '@oneway/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireMember } from '../../plugins/auth.ts';
import { emailTemplatesRoutes } from './email-templates.routes.ts';
import { organisationEmailTemplatesRoutes } from './organisation-email-templates.routes.ts';
import { invitationActionsRoutes } from './invitation-actions.routes.ts';
import { invitationImportRoutes } from './invitation-import.routes.ts';

export const invitationTags = ['invitations'];
export const security = [{ session: [] }];
export const idParams = z.object({ id: z.string().min(1).max(100) });
/** Owners, admins and recruiters manage invitations; reviewers are refused (403). */
export const invitationManagerRoles = interviewEditorRoles;

/** Candidates invited to an interview of the caller's organisation. */
export const invitationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { invitations } = app.deps.services;
  const tags = invitationTags;

  app.post(
    '/interviews/:id/invitations',
    {
      schema: {
        tags,
        security,
        summary: 'Invite one candidate',
        description:
          "E-mails the candidate a personal link. Without a deadline the interview's deadline policy decides it. " +
          'A second invitation for an e-mail address already invited (and not withdrawn) is refused with ' +
          '409 invitation_exists; an archived interview with 409 interview_archived.',
        params: idParams,
        body: createInvitationSchema,
        response: { 201: invitationSchema },
      },
    },
    async (request, reply) => {
      const { organisationId, userId } = requireMember(request, invitationManagerRoles);
      const invitation = await invitations.createInvitation({
        organisationId,
        userId,
        interviewId: request.params.id,
        input: request.body,
      });
      return reply.status(201).send(invitation);
    },
  );

  app.get(
    '/interviews/:id/invitations',
    {
      schema: {
        tags,
        security,
        summary: "List an interview's invitations",
        description: 'Filter by status, search names and e-mail addresses with q, and sort.',
        params: idParams,
        querystring: listInvitationsQuerySchema,
        response: { 200: invitationListSchema },
      },
    },
    async (request) => {
      const { organisationId } = requireMember(request, invitationManagerRoles);
      return {
        invitations: await invitations.listInterviewInvitations({
          organisationId,
          interviewId: request.params.id,
          ...request.query,
        }),
      };
    },
  );

  app.get(
    '/interviews/:id/invitations/export.csv',
    {
      schema: {
        tags,
        security,
        summary: "Download an interview's invitations as CSV",
        description:
          'UTF-8 CSV with a byte-order mark. Cells a spreadsheet would run as formulas start with an apostrophe.',
        params: idParams,
        querystring: z.object({
          status: invitationStatusSchema.optional(),
          q: z.string().trim().max(200).optional(),
        }),
        produces: ['text/csv'],
        response: { 200: z.string().describe('CSV text') },
      },
    },
    async (request, reply) => {
      const { organisationId } = requireMember(request, invitationManagerRoles);
      const { fileName, csv } = await invitations.exportInterviewInvitations({
        organisationId,
        interviewId: request.params.id,
        ...request.query,
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(csv);
    },
  );

  app.get(
    '/invitations/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Get an invitation with its timeline and requests',
        params: idParams,
        response: { 200: invitationDetailSchema },
      },
    },
    async (request) => {
      const { organisationId } = requireMember(request, invitationManagerRoles);
      return invitations.getInvitationDetail({ organisationId, invitationId: request.params.id });
    },
  );

  await app.register(invitationActionsRoutes);
  await app.register(invitationImportRoutes);
  await app.register(emailTemplatesRoutes);
  await app.register(organisationEmailTemplatesRoutes);
};
