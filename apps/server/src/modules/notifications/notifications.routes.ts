import { notificationPreferencesSchema, updateNotificationPreferencesSchema } from '@oneway/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../errors.ts';
import { requireMember } from '../../plugins/auth.ts';

const tags = ['notifications'];
const security = [{ session: [] }];

/** Preferences belong to a person: an API key cannot read or change its creator's. */
function requirePerson(request: FastifyRequest) {
  const auth = requireMember(request);
  if (auth.apiKeyId !== null) {
    throw new AppError('forbidden', { message: 'Sign in to change notification preferences.' });
  }
  return { organisationId: auth.organisationId, userId: auth.userId };
}

/** The signed-in member's own notification preferences. */
export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { notifications } = app.deps.services;
  const description =
    'completionEmails: immediate (an e-mail per completed candidate, the default), daily (one digest a day ' +
    'listing the completions since the last) or off. Owners, admins and recruiters hear of every interview; ' +
    'reviewers of the interviews they are assigned to (names left out where an interview is anonymised). ' +
    'requestEmails: immediate (an e-mail when a candidate asks for more time or an accommodation, the default, ' +
    'for owners, admins and recruiters, who decide requests) or off. A change leaves out what stays the same.';

  app.get(
    '/me/notification-preferences',
    {
      schema: {
        tags,
        security,
        summary: 'My notification preferences',
        description,
        response: { 200: notificationPreferencesSchema },
      },
    },
    async (request) => notifications.getPreferences(requirePerson(request)),
  );

  app.put(
    '/me/notification-preferences',
    {
      schema: {
        tags,
        security,
        summary: 'Change my notification preferences',
        description,
        body: updateNotificationPreferencesSchema,
        response: { 200: notificationPreferencesSchema },
      },
    },
    async (request) => notifications.setPreferences({ ...requirePerson(request), input: request.body }),
  );
};
