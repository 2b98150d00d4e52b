import {
  emailPlaceholders,
  emailPreviewSchema,
  emailTestSentSchema,
  emailTemplateKindSchema,
  emailTemplateListSchema,
  emailTemplateSchema,
  updateEmailTemplateSchema,
} from '@oneway/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireMember } from '../../plugins/auth.ts';
import { invitationManagerRoles, security } from './invitations.routes.ts';

const tags = ['e-mail templates'];
const kindParams = z.object({ id: z.string().min(1).max(100), kind: emailTemplateKindSchema });
const placeholderList = emailPlaceholders.map((p) => `{{${p}}}`).join(', ');

/** The wording of an interview's e-mails to candidates and to the team. */
export const emailTemplatesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { invitations } = app.deps.services;

  app.get(
    '/interviews/:id/email-templates',
    {
      schema: {
        tags,
        security,
        summary: "The interview's e-mails as they will be sent",
        description:
          "The interview's own wording where customised, else the organisation's wording in the interview's " +
          'language, else the built-in one (`source` says which).',
        params: z.object({ id: z.string().min(1).max(100) }),
        response: { 200: emailTemplateListSchema },
      },
    },
    async (request) => {
      const { organisationId } = requireMember(request, invitationManagerRoles);
      const templates = await invitations.listInterviewEmailTemplates({
        organisationId,
        interviewId: request.params.id,
      });
      return { templates, placeholders: [...emailPlaceholders] };
    },
  );

  app.put(
    '/interviews/:id/email-templates/:kind',
    {
      schema: {
        tags,
        security,
        summary: 'Reword one e-mail',
        description:
          `Placeholders: ${placeholderList}. Values are HTML-escaped in the HTML part. Without html, the HTML part ` +
          'is made from the text. An unknown placeholder is refused (validation_failed naming it).',
        params: kindParams,
        body: updateEmailTemplateSchema,
        response: { 200: emailTemplateSchema },
      },
    },
    async (request) => {
      const { organisationId } = requireMember(request, invitationManagerRoles);
      return invitations.updateInterviewEmailTemplate({
        organisationId,
        interviewId: request.params.id,
        kind: request.params.kind,
        input: request.body,
      });
    },
  );

  app.post(
    '/interviews/:id/email-templates/:kind/preview',
    {
      schema: {
        tags,
        security,
        summary: 'Preview one e-mail with this wording, filled in for an example candidate',
        description: 'The wording need not be saved. Unknown placeholders are refused as when saving.',
        params: kindParams,
        body: updateEmailTemplateSchema,
        response: { 200: emailPreviewSchema },
      },
    },
    async (request) => {
      const { organisationId } = requireMember(request, invitationManagerRoles);
      return invitations.previewEmailTemplate({
        organisationId,
        interviewId: request.params.id,
        kind: request.params.kind,
        input: request.body,
      });
    },
  );

  app.post(
    '/interviews/:id/email-templates/:kind/test',
    {
      schema: {
        tags,
        security,
        summary: 'Send me that example e-mail as a test',
        description:
          'Goes to the signed-in member\'s own address with "[Test]" before the subject, through the same mail ' +
          'path as every e-mail (kept in the outbox when no mail server is set).',
        params: kindParams,
        body: updateEmailTemplateSchema,
        response: { 200: emailTestSentSchema },
      },
    },
    async (request) => {
      const { organisationId, userId } = requireMember(request, invitationManagerRoles);
      return invitations.sendTestEmail({
        organisationId,
        userId,
        interviewId: request.params.id,
        kind: request.params.kind,
        input: request.body,
      });
    },
  );

  app.delete(
    '/interviews/:id/email-templates/:kind',
    {
      schema: {
        tags,
        security,
        summary: 'Go back to the built-in wording of one e-mail',
        params: kindParams,
        response: { 200: emailTemplateSchema },
      },
    },
    async (request) => {
      const { organisationId } = requireMember(request, invitationManagerRoles);
      return invitations.resetInterviewEmailTemplate({
        organisationId,
        interviewId: request.params.id,
        kind: request.params.kind,
      });
    },
  );
};
