import {
  emailPlaceholders,
  emailPreviewSchema,
  emailTemplateKindSchema,
  emailTemplateListSchema,
  emailTemplateSchema,
  emailTestSentSchema,
  interviewLanguageSchema,
  updateEmailTemplateSchema,
} from '@oneway/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireMember } from '../../plugins/auth.ts';
import { invitationManagerRoles, security } from './invitations.routes.ts';

const tags = ['e-mail templates'];
const wordingRoles = ['owner', 'admin'] as const;
const languageParams = z.object({ language: interviewLanguageSchema });
const kindParams = languageParams.extend({ kind: emailTemplateKindSchema });
const base = '/organisation/email-templates/:language';

/**
 * The organisation's wording of each e-mail per language, which every interview in that language sends unless it
 * has its own wording for the kind. Owners and admins change it; whoever edits interviews reads it.
 */
export const organisationEmailTemplatesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { invitations } = app.deps.services;

  app.get(
    base,
    {
      schema: {
        tags,
        security,
        summary: "The organisation's e-mails in one language",
        description: 'The built-in wording for every kind the organisation has not reworded.',
        params: languageParams,
        response: { 200: emailTemplateListSchema },
      },
    },
    async (request) => {
      const { organisationId } = requireMember(request, invitationManagerRoles);
      const templates = await invitations.listOrganisationEmailTemplates({
        organisationId,
        language: request.params.language,
      });
      return { templates, placeholders: [...emailPlaceholders] };
    },
  );

  app.put(
    `${base}/:kind`,
    {
      schema: {
        tags,
        security,
        summary: 'Reword one e-mail for every interview in the language (owner, admin)',
        description:
          'Interviews with their own wording for this kind keep it. Unknown placeholders are refused ' +
          '(validation_failed naming them), as for an interview.',
        params: kindParams,
        body: updateEmailTemplateSchema,
        response: { 200: emailTemplateSchema },
      },
    },
    async (request) => {
      const { organisationId } = requireMember(request, wordingRoles);
      return invitations.updateOrganisationEmailTemplate({
        organisationId,
        ...request.params,
        input: request.body,
      });
    },
  );

  app.delete(
    `${base}/:kind`,
    {
      schema: {
        tags,
        security,
        summary: 'Go back to the built-in wording of one e-mail in the language (owner, admin)',
        params: kindParams,
        response: { 200: emailTemplateSchema },
      },
    },
    async (request) => {
      const { organisationId } = requireMember(request, wordingRoles);
      return invitations.resetOrganisationEmailTemplate({ organisationId, ...request.params });
    },
  );

  app.post(
    `${base}/:kind/preview`,
    {
      schema: {
        tags,
        security,
        summary: 'Preview one e-mail with this wording, for an example candidate and interview',
        description: 'The wording need not be saved. Unknown placeholders are refused as when saving.',
        params: kindParams,
        body: updateEmailTemplateSchema,
        response: { 200: emailPreviewSchema },
      },
    },
    async (request) => {
      const { organisationId } = requireMember(request, wordingRoles);
      return invitations.previewOrganisationEmailTemplate({
        organisationId,
        ...request.params,
        input: request.body,
      });
    },
  );

  app.post(
    `${base}/:kind/test`,
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
      const { organisationId, userId } = requireMember(request, wordingRoles);
      return invitations.sendOrganisationTestEmail({
        organisationId,
        userId,
        ...request.params,
        input: request.body,
      });
    },
  );
};
