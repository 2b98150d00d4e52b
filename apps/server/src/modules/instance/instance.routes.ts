import {
  adminOrganisationDetailSchema,
  adminOrganisationSchema,
  createInstanceInvitationSchema,
  instanceInvitationPreviewSchema,
  instanceInvitationSchema,
  instanceSettingsSchema,
} from '@oneway/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { requireMember, type AuthContext } from '../../plugins/auth.ts';
import { findUserById } from '../accounts/users.repository.ts';
import { isInstanceAdmin } from './instance-admins.ts';

const tags = ['admin'];
const security = [{ session: [] }];
const idParams = z.object({ id: z.string().min(1).max(100) });

/** The instance administrator's routes: organisations and their usage, suspension, sign-up invitations. */
export const instanceRoutes: FastifyPluginCallbackZod = (app, _options, done) => {
  const { db, config } = app.deps;
  const { instanceAdmin, instanceInvitations } = app.deps.services;

  async function requireInstanceAdmin(request: FastifyRequest): Promise<AuthContext> {
    const auth = requireMember(request);
    const user = await findUserById(db, auth.userId);
    if (!user || !(await isInstanceAdmin(db, config, user))) {
      throw new AppError('forbidden', {
        message: 'Only the administrator of this Oneway instance can do this.',
      });
    }
    return auth;
  }

  app.get(
    '/admin/settings',
    {
      schema: {
        tags,
        summary: 'How the instance is set up',
        security,
        response: { 200: instanceSettingsSchema },
      },
    },
    async (request) => {
      await requireInstanceAdmin(request);
      return instanceAdmin.getInstanceSettings();
    },
  );

  app.get(
    '/admin/organisations',
    {
      schema: {
        tags,
        summary: 'Every organisation with its usage',
        security,
        response: { 200: z.object({ organisations: z.array(adminOrganisationSchema) }) },
      },
    },
    async (request) => {
      await requireInstanceAdmin(request);
      return { organisations: await instanceAdmin.listOrganisations() };
    },
  );

  app.get(
    '/admin/organisations/:id',
    {
      schema: {
        tags,
        summary: 'One organisation: usage, members, e-mails per day',
        security,
        params: idParams,
        response: { 200: adminOrganisationDetailSchema },
      },
    },
    async (request) => {
      await requireInstanceAdmin(request);
      return instanceAdmin.getOrganisationDetail({ organisationId: request.params.id });
    },
  );

  for (const action of ['suspend', 'restore'] as const) {
    app.post(
      `/admin/organisations/:id/${action}`,
      {
        schema: {
          tags,
          summary:
            action === 'suspend'
              ? 'Suspend an organisation: its members, API keys and candidate links are refused, its mail held'
              : 'Restore a suspended organisation',
          security,
          params: idParams,
          response: { 204: z.undefined() },
        },
      },
      async (request, reply) => {
        const { userId } = await requireInstanceAdmin(request);
        const options = { organisationId: request.params.id, actorUserId: userId };
        if (action === 'suspend') await instanceAdmin.suspendOrganisation(options);
        else await instanceAdmin.restoreOrganisation(options);
        return reply.status(204).send();
      },
    );
  }

  app.get(
    '/admin/invitations',
    {
      schema: {
        tags,
        summary: 'Invitations to create an organisation',
        security,
        response: { 200: z.object({ invitations: z.array(instanceInvitationSchema) }) },
      },
    },
    async (request) => {
      await requireInstanceAdmin(request);
      return { invitations: await instanceInvitations.listInstanceInvitations() };
    },
  );

  app.post(
    '/admin/invitations',
    {
      schema: {
        tags,
        summary: 'Invite someone to create an organisation (e-mailed; the link is also answered)',
        security,
        body: createInstanceInvitationSchema,
        response: { 201: z.object({ invitation: instanceInvitationSchema, link: z.string() }) },
      },
    },
    async (request, reply) => {
      const { userId } = await requireInstanceAdmin(request);
      const created = await instanceInvitations.createInstanceInvitation({
        actorUserId: userId,
        email: request.body.email,
      });
      return reply.status(201).send({ invitation: created.invitation, link: created.link });
    },
  );

  app.delete(
    '/admin/invitations/:id',
    {
      schema: {
        tags,
        summary: 'Withdraw an unused invitation',
        security,
        params: idParams,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      const { userId } = await requireInstanceAdmin(request);
      await instanceInvitations.revokeInstanceInvitation({ id: request.params.id, actorUserId: userId });
      return reply.status(204).send();
    },
  );

  app.get(
    '/instance-invitations/preview',
    {
      config: { ignoreSession: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'The address an invitation to create an organisation is for',
        querystring: z.object({ token: z.string().min(10).max(200) }),
        response: { 200: instanceInvitationPreviewSchema },
      },
    },
    (request) => instanceInvitations.previewInstanceInvitation(request.query.token),
  );
  done();
};
