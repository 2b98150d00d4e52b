import {
  createQuestionSchema,
  interviewEditorRoles,
  questionListSchema,
  questionSchema,
  reorderQuestionsSchema,
  updateQuestionSchema,
} from '@oneway/shared';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireMember } from '../../plugins/auth.ts';

const tags = ['questions'];
const security = [{ session: [] }];
const interviewParams = z.object({ id: z.string().min(1).max(100) });
const questionParams = interviewParams.extend({ questionId: z.string().min(1).max(100) });

/** The ordered questions of an interview; only owners, admins and recruiters change them. */
export const questionsRoutes: FastifyPluginCallbackZod = (app, _options, done) => {
  const { interviews } = app.deps.services;

  app.post(
    '/interviews/:id/questions',
    {
      schema: {
        tags,
        security,
        summary: 'Add a question at the end',
        params: interviewParams,
        body: createQuestionSchema,
        response: { 201: questionSchema },
      },
    },
    async (request, reply) => {
      const { organisationId } = requireMember(request, interviewEditorRoles);
      const question = await interviews.addQuestion({
        organisationId,
        interviewId: request.params.id,
        input: request.body,
      });
      return reply.status(201).send(question);
    },
  );

  app.patch(
    '/interviews/:id/questions/:questionId',
    {
      schema: {
        tags,
        security,
        summary: 'Change a question',
        params: questionParams,
        body: updateQuestionSchema,
        response: { 200: questionSchema },
      },
    },
    async (request) => {
      const { organisationId } = requireMember(request, interviewEditorRoles);
      const { id, questionId } = request.params;
      return interviews.updateQuestion({ organisationId, interviewId: id, questionId, input: request.body });
    },
  );

  app.delete(
    '/interviews/:id/questions/:questionId',
    {
      schema: {
        tags,
        security,
        summary: 'Remove a question',
        params: questionParams,
        response: { 204: z.null().describe('Removed') },
      },
    },
    async (request, reply) => {
      const { organisationId } = requireMember(request, interviewEditorRoles);
      const { id, questionId } = request.params;
      await interviews.deleteQuestion({ organisationId, interviewId: id, questionId });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/interviews/:id/questions/:questionId/apply-rules-to-all',
    {
      schema: {
        tags,
        security,
        summary: "Give every question this question's rules",
        description:
          'Copies think time, takes and start mode to every other question of the interview; the answer time to ' +
          'the other video and audio questions (if this one is recorded) or the character limit to the other ' +
          'text questions (if this one is written). Prompts, answer types and rubrics stay. All or nothing.',
        params: questionParams,
        response: { 200: questionListSchema },
      },
    },
    async (request) => {
      const { organisationId } = requireMember(request, interviewEditorRoles);
      const { id, questionId } = request.params;
      return { questions: await interviews.applyRulesToAll({ organisationId, interviewId: id, questionId }) };
    },
  );

  app.put(
    '/interviews/:id/questions/order',
    {
      schema: {
        tags,
        security,
        summary: 'Reorder the questions',
        description:
          'questionIds lists every current question of the interview exactly once, in the new order.',
        params: interviewParams,
        body: reorderQuestionsSchema,
        response: { 200: questionListSchema },
      },
    },
    async (request) => {
      const { organisationId } = requireMember(request, interviewEditorRoles);
      const questions = await interviews.reorderQuestions({
        organisationId,
        interviewId: request.params.id,
        questionIds: request.body.questionIds,
      });
      return { questions };
    },
  );
  done();
};
