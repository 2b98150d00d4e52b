import {
  importInvitationsSchema,
  invitationImportPreviewSchema,
  invitationImportResultSchema,
} from '@oneway/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireMember } from '../../plugins/auth.ts';
import { idParams, invitationManagerRoles, invitationTags as tags, security } from './invitations.routes.ts';

// A 10 MB file grows a little as JSON (quotes and line breaks are escaped); the service refuses past 10 MB of CSV
// with a message that says so, and this limit keeps anything far larger from being read at all.
const bodyLimit = 11 * 1024 * 1024;

const csvDescription =
  'The CSV text as {"csv": "..."} (read the file as UTF-8). Headers, in any order and case: name, email, and ' +
  "optionally phone, external_id, deadline (2030-05-01, 2030-05-01 17:00 in the interview's time zone, or ISO " +
  'with an offset). Comma or semicolon separated, quoted as in RFC 4180. At most 10 MB and 5000 rows.';

/** Inviting many candidates from a CSV file: look first, then import all or nothing. */
export const invitationImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { invitations } = app.deps.services;

  app.post(
    '/interviews/:id/invitations/import/preview',
    {
      bodyLimit,
      schema: {
        tags,
        security,
        summary: 'Check a CSV of candidates without inviting anyone',
        description: `${csvDescription} Lists the rows that would be invited and every problem with its line.`,
        params: idParams,
        body: importInvitationsSchema,
        response: { 200: invitationImportPreviewSchema },
      },
    },
    async (request) => {
      const { organisationId } = requireMember(request, invitationManagerRoles);
      return invitations.previewInvitationImport({
        organisationId,
        interviewId: request.params.id,
        csv: request.body.csv,
      });
    },
  );

  app.post(
    '/interviews/:id/invitations/import',
    {
      bodyLimit,
      schema: {
        tags,
        security,
        summary: 'Invite every candidate in a CSV',
        description:
          `${csvDescription} Any bad row refuses the whole file (400 validation_failed, details.rows lists ` +
          'line, field and message); otherwise everyone is invited and e-mailed.',
        params: idParams,
        body: importInvitationsSchema,
        response: { 201: invitationImportResultSchema },
      },
    },
    async (request, reply) => {
      const { organisationId, userId } = requireMember(request, invitationManagerRoles);
      const result = await invitations.importInvitations({
        organisationId,
        userId,
        interviewId: request.params.id,
        csv: request.body.csv,
      });
      return reply.status(201).send(result);
    },
  );
};
