import {
  accommodationsSchema,
  bulkInvitationActionSchema,
  bulkInvitationResultSchema,
  candidateLinkSchema,
  extendInvitationSchema,
  invitationSchema,
} from '@oneway/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireMember } from '../../plugins/auth.ts';
import { idParams, invitationManagerRoles, invitationTags as tags, security } from './invitations.routes.ts';

/** What an employer does to invitations: resend, withdraw, extend, accommodate, and all of it in bulk. */
export const invitationActionsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { invitations } = app.deps.services;

  app.post(
    '/invitations/:id/resend',
    {
      schema: {
        tags,
        security,
        summary: 'E-mail a new link',
        description: 'The previous links stop working. Refused after the deadline (extend it instead).',
        params: idParams,
        response: { 200: invitationSchema },
      },
    },
    async (request) => {
      const { organisationId, userId } = requireMember(request, invitationManagerRoles);
      return invitations.resendInvitation({ organisationId, userId, invitationId: request.params.id });
    },
  );

  app.post(
    '/invitations/:id/link',
    {
      schema: {
        tags,
        security,
        summary: "A fresh link to the candidate's interview, to hand over yourself",
        description:
          'For when e-mail does not reach the candidate (no mail server set, or a lost e-mail). Each call makes a ' +
          'new link, shown this once (only its hash is stored); links already sent keep working. Works until the ' +
          'deadline; refused once the invitation is withdrawn, completed or expired. On the timeline as "link copied".',
        params: idParams,
        response: { 200: candidateLinkSchema },
      },
    },
    async (request) => {
      const { organisationId, userId } = requireMember(request, invitationManagerRoles);
      return invitations.createCandidateLink({ organisationId, userId, invitationId: request.params.id });
    },
  );

  app.post(
    '/invitations/:id/withdraw',
    {
      schema: {
        tags,
        security,
        summary: 'Withdraw an invitation',
        description:
          'The link stops working and no reminders go out. A completed invitation cannot be withdrawn.',
        params: idParams,
        response: { 200: invitationSchema },
      },
    },
    async (request) => {
      const { organisationId, userId } = requireMember(request, invitationManagerRoles);
      return invitations.withdrawInvitation({ organisationId, userId, invitationId: request.params.id });
    },
  );

  app.post(
    '/invitations/:id/extend',
    {
      schema: {
        tags,
        security,
        summary: 'Give an invitation a later deadline',
        description:
          'The deadline must be in the future and later than the current one. An expired invitation opens again; ' +
          'the candidate is e-mailed and reminders are scheduled for the new deadline.',
        params: idParams,
        body: extendInvitationSchema,
        response: { 200: invitationSchema },
      },
    },
    async (request) => {
      const { organisationId, userId } = requireMember(request, invitationManagerRoles);
      return invitations.extendInvitationDeadline({
        organisationId,
        invitationId: request.params.id,
        actor: { organisationId, userId },
        deadline: request.body.deadline,
      });
    },
  );

  app.put(
    '/invitations/:id/accommodations',
    {
      schema: {
        tags,
        security,
        summary: "Set a candidate's accommodations",
        description:
          'Time multiplier (1.5x, 2x, 3x or null for untimed), extra takes and an alternative answer format.',
        params: idParams,
        body: accommodationsSchema,
        response: { 200: invitationSchema },
      },
    },
    async (request) => {
      const { organisationId, userId } = requireMember(request, invitationManagerRoles);
      return invitations.setInvitationAccommodations({
        organisationId,
        invitationId: request.params.id,
        actor: { organisationId, userId },
        accommodations: request.body,
      });
    },
  );

  app.post(
    '/interviews/:id/invitations/bulk',
    {
      schema: {
        tags,
        security,
        summary: 'Remind, extend or withdraw many invitations',
        description:
          "Every id must be one of the interview's invitations, or nothing happens (404). Invitations the action " +
          'does not apply to (completed, withdrawn, a deadline already later…) are listed in skipped with the reason.',
        params: idParams,
        body: bulkInvitationActionSchema,
        response: { 200: bulkInvitationResultSchema },
      },
    },
    async (request) => {
      const { organisationId, userId } = requireMember(request, invitationManagerRoles);
      return invitations.runBulkInvitationAction({
        organisationId,
        userId,
        interviewId: request.params.id,
        input: request.body,
      });
    },
  );
};
