import { changeRoleSchema, inviteMemberSchema, memberSchema, teamInvitationSchema } from '@oneway/shared';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireMember } from '../../plugins/auth.ts';

const tags = ['members'];
const security = [{ session: [] }];
const managers = ['owner', 'admin'] as const;
const userParams = z.object({ userId: z.string().min(1).max(100) });
const invitationParams = z.object({ id: z.string().min(1).max(100) });

/** Members of the caller's organisation and the invitations to join it. */
export const membersRoutes: FastifyPluginCallbackZod = (app, _options, done) => {
  const accounts = app.deps.services.accounts;

  app.get(
    '/members',
    {
      schema: {
        tags,
        summary: 'Members of the organisation',
        security,
        response: { 200: z.object({ members: z.array(memberSchema) }) },
      },
    },
    async (request) => ({
      members: await accounts.listMembers({ organisationId: requireMember(request).organisationId }),
    }),
  );

  app.patch(
    '/members/:userId',
    {
      schema: {
        tags,
        summary: "Change a member's role (owner, admin; only owners grant or remove owner)",
        security,
        params: userParams,
        body: changeRoleSchema,
        response: { 200: memberSchema },
      },
    },
    async (request) =>
      accounts.changeMemberRole({
        actor: requireMember(request, managers),
        userId: request.params.userId,
        role: request.body.role,
      }),
  );

  app.delete(
    '/members/:userId',
    {
      schema: {
        tags,
        summary: 'Remove a member and end their sessions here (owner, admin)',
        security,
        params: userParams,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await accounts.removeMember({ actor: requireMember(request, managers), userId: request.params.userId });
      return reply.status(204).send();
    },
  );

  app.get(
    '/members/invitations',
    {
      schema: {
        tags,
        summary: 'Open invitations to join the organisation (owner, admin)',
        security,
        response: { 200: z.object({ invitations: z.array(teamInvitationSchema) }) },
      },
    },
    async (request) => ({
      invitations: await accounts.listTeamInvitations({
        organisationId: requireMember(request, managers).organisationId,
      }),
    }),
  );

  app.post(
    '/members/invitations',
    {
      schema: {
        tags,
        summary: 'Invite someone by e-mail (owner, admin; only owners invite owners)',
        security,
        body: inviteMemberSchema,
        response: { 201: teamInvitationSchema },
      },
    },
    async (request, reply) => {
      const invitation = await accounts.inviteMember({
        actor: requireMember(request, managers),
        input: request.body,
      });
      return reply.status(201).send(invitation);
    },
  );

  app.delete(
    '/members/invitations/:id',
    {
      schema: {
        tags,
        summary: 'Revoke an invitation (owner, admin)',
        security,
        params: invitationParams,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await accounts.revokeTeamInvitation({
        actor: requireMember(request, managers),
        invitationId: request.params.id,
      });
      return reply.status(204).send();
    },
  );

  app.post(
    '/members/invitations/:id/resend',
    {
      schema: {
        tags,
        summary: 'Send an invitation again with a new link (owner, admin)',
        security,
        params: invitationParams,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await accounts.resendTeamInvitation({
        actor: requireMember(request, managers),
        invitationId: request.params.id,
      });
      return reply.status(204).send();
    },
  );
  done();
};
