import {
  createInterviewSchema,
  interviewEditorRoles,
  interviewListSchema,
  interviewSchema,
  listInterviewsQuerySchema,
  updateInterviewSchema,
} from '@oneway/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireMember } from '../../plugins/auth.ts';
import { interviewLogoRoutes } from './interview-logo.routes.ts';
import { questionDefaultsRoutes } from './question-defaults.routes.ts';
import { questionsRoutes } from './questions.routes.ts';

const tags = ['interviews'];
const security = [{ session: [] }];
const interviewParams = z.object({ id: z.string().min(1).max(100) });

interface ActionOptions {
  organisationId: string;
  userId: string;
  interviewId: string;
}

/**
 * Interviews of the caller's organisation: every member reads (reviewers only those they are assigned to), owners,
 * admins and recruiters change.
 */
export const interviewsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { interviews } = app.deps.services;

  app.get(
    '/interviews',
    {
      schema: {
        tags,
        security,
        summary: 'List interviews with question and invitation counts',
        querystring: listInterviewsQuerySchema,
        response: { 200: interviewListSchema },
      },
    },
    async (request) => {
      const { organisationId, role, userId } = requireMember(request);
      return {
        interviews: await interviews.listInterviews({
          organisationId,
          status: request.query.status,
          // Reviewers see the interviews they are assigned to review.
          ...(role === 'reviewer' ? { assignedUserId: userId } : {}),
        }),
      };
    },
  );

  app.post(
    '/interviews',
    {
      schema: {
        tags,
        security,
        summary: 'Create an interview',
        body: createInterviewSchema,
        response: { 201: interviewSchema },
      },
    },
    async (request, reply) => {
      const { organisationId, userId } = requireMember(request, interviewEditorRoles);
      const interview = await interviews.createInterview({ organisationId, userId, input: request.body });
      return reply.status(201).send(interview);
    },
  );

  app.get(
    '/interviews/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Get an interview with its questions',
        params: interviewParams,
        response: { 200: interviewSchema },
      },
    },
    async (request) => {
      const { organisationId, userId, role } = requireMember(request);
      return interviews.getInterviewForMember({
        organisationId,
        interviewId: request.params.id,
        userId,
        role,
      });
    },
  );

  app.patch(
    '/interviews/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Change interview settings',
        params: interviewParams,
        body: updateInterviewSchema,
        response: { 200: interviewSchema },
      },
    },
    async (request) => {
      const { organisationId } = requireMember(request, interviewEditorRoles);
      return interviews.updateInterview({
        organisationId,
        interviewId: request.params.id,
        input: request.body,
      });
    },
  );

  const actions = [
    {
      path: 'duplicate',
      status: 201,
      summary: 'Copy an interview and its questions',
      run: (o: ActionOptions) => interviews.duplicateInterview(o),
    },
    {
      path: 'archive',
      status: 200,
      summary: 'Archive an interview',
      run: (o: ActionOptions) => interviews.archiveInterview(o),
    },
    {
      path: 'unarchive',
      status: 200,
      summary: 'Bring an archived interview back',
      run: (o: ActionOptions) => interviews.unarchiveInterview(o),
    },
  ] as const;
  for (const action of actions) {
    app.post(
      `/interviews/:id/${action.path}`,
      {
        schema: {
          tags,
          security,
          summary: action.summary,
          params: interviewParams,
          response: { [action.status]: interviewSchema },
        },
      },
      async (request, reply) => {
        const { organisationId, userId } = requireMember(request, interviewEditorRoles);
        const interview = await action.run({ organisationId, userId, interviewId: request.params.id });
        return reply.status(action.status).send(interview);
      },
    );
  }

  await app.register(questionsRoutes);
  await app.register(questionDefaultsRoutes);
  await app.register(interviewLogoRoutes);
};
