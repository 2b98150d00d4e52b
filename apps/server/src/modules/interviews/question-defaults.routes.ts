import { questionDefaultsSchema } from '@oneway/shared';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { requireMember } from '../../plugins/auth.ts';

const tags = ['questions'];
const security = [{ session: [] }];

/** The organisation's rules for new questions: every member reads them, owners and admins set them. */
export const questionDefaultsRoutes: FastifyPluginCallbackZod = (app, _options, done) => {
  const { interviews } = app.deps.services;

  app.get(
    '/organisation/question-defaults',
    {
      schema: {
        tags,
        security,
        summary: 'The rules a new question starts with',
        description: 'The built-in rules until an owner or admin sets the organisation’s own.',
        response: { 200: questionDefaultsSchema },
      },
    },
    async (request) => interviews.getQuestionDefaults(requireMember(request).organisationId),
  );

  app.put(
    '/organisation/question-defaults',
    {
      schema: {
        tags,
        security,
        summary: 'Set the rules a new question starts with (owner, admin)',
        description:
          'Every field is required. New questions in the editor start with these; questions that exist keep ' +
          'their rules, and the API’s own defaults for a question without rules stay the built-in ones.',
        body: questionDefaultsSchema,
        response: { 200: questionDefaultsSchema },
      },
    },
    async (request) => {
      const { organisationId, userId } = requireMember(request, ['owner', 'admin']);
      return interviews.setQuestionDefaults({ organisationId, userId, defaults: request.body });
    },
  );

  app.delete(
    '/organisation/question-defaults',
    {
      schema: {
        tags,
        security,
        summary: 'Go back to the built-in rules for new questions (owner, admin)',
        response: { 200: questionDefaultsSchema },
      },
    },
    async (request) => {
      const { organisationId, userId } = requireMember(request, ['owner', 'admin']);
      return interviews.setQuestionDefaults({ organisationId, userId, defaults: null });
    },
  );
  done();
};
