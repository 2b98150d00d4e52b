import { decisionMakerRoles, interviewReviewersSchema, putInterviewReviewersSchema } from '@oneway/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireMember } from '../../plugins/auth.ts';
import { idParams, reviewTags as tags, security } from './review-routes-support.ts';
import type { MemberViewer } from './review-viewer.ts';

/** Who reviews an interview; owners, admins and recruiters assign. */
export const reviewersRoutes: FastifyPluginAsyncZod = async (app) => {
  const { reviews } = app.deps.services;
  const requireManager = (request: Parameters<typeof requireMember>[0]): MemberViewer => {
    const auth = requireMember(request, decisionMakerRoles);
    return { kind: 'member', organisationId: auth.organisationId, userId: auth.userId, role: auth.role };
  };

  app.get(
    '/interviews/:id/reviewers',
    {
      schema: {
        tags,
        security,
        summary: 'Members assigned to review an interview (owner, admin, recruiter)',
        params: idParams,
        response: { 200: interviewReviewersSchema },
      },
    },
    async (request) => ({
      reviewers: await reviews.listReviewers(requireManager(request), { interviewId: request.params.id }),
    }),
  );

  app.put(
    '/interviews/:id/reviewers',
    {
      schema: {
        tags,
        security,
        summary: 'Assign the members who review an interview (owner, admin, recruiter)',
        description:
          'Replaces the assignments. Members with the reviewer role see only interviews they are assigned to; ' +
          'assigned members also hear when candidates complete (see notification preferences).',
        params: idParams,
        body: putInterviewReviewersSchema,
        response: { 200: interviewReviewersSchema },
      },
    },
    async (request) => ({
      reviewers: await reviews.setReviewers(requireManager(request), {
        interviewId: request.params.id,
        userIds: request.body.userIds,
      }),
    }),
  );
};
