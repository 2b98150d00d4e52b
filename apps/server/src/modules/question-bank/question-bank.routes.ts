import {
  addQuestionsFromBankSchema,
  bankQuestionListSchema,
  bankQuestionSchema,
  interviewEditorRoles,
  questionListSchema,
  saveBankQuestionSchema,
} from '@oneway/shared';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireMember } from '../../plugins/auth.ts';

const tags = ['question bank'];
const security = [{ session: [] }];
const idParams = z.object({ id: z.string().min(1).max(100) });

/** The organisation's reusable questions; every member reads, owners, admins and recruiters change. */
export const questionBankRoutes: FastifyPluginCallbackZod = (app, _options, done) => {
  const { questionBank } = app.deps.services;

  app.get(
    '/question-bank',
    {
      schema: {
        tags,
        security,
        summary: 'List the question bank',
        response: { 200: bankQuestionListSchema },
      },
    },
    async (request) => {
      const { organisationId } = requireMember(request);
      return { bankQuestions: await questionBank.listBankQuestions({ organisationId }) };
    },
  );

  app.post(
    '/question-bank',
    {
      schema: {
        tags,
        security,
        summary: 'Save a question to the bank',
        description:
          "Give questionId to copy one of the organisation's interview questions, or question for a new one.",
        body: saveBankQuestionSchema,
        response: { 201: bankQuestionSchema },
      },
    },
    async (request, reply) => {
      const { organisationId, userId } = requireMember(request, interviewEditorRoles);
      const saved = await questionBank.saveBankQuestion({ organisationId, userId, input: request.body });
      return reply.status(201).send(saved);
    },
  );

  app.delete(
    '/question-bank/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Remove a question from the bank',
        params: idParams,
        response: { 204: z.null().describe('Removed') },
      },
    },
    async (request, reply) => {
      const { organisationId } = requireMember(request, interviewEditorRoles);
      await questionBank.deleteBankQuestion({ organisationId, bankQuestionId: request.params.id });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/interviews/:id/questions/from-bank',
    {
      schema: {
        tags: ['questions', ...tags],
        security,
        summary: 'Copy questions from the bank to the end of an interview',
        params: idParams,
        body: addQuestionsFromBankSchema,
        response: { 201: questionListSchema },
      },
    },
    async (request, reply) => {
      const { organisationId } = requireMember(request, interviewEditorRoles);
      const questions = await questionBank.addBankQuestionsToInterview({
        organisationId,
        interviewId: request.params.id,
        bankQuestionIds: request.body.bankQuestionIds,
      });
      return reply.status(201).send({ questions });
    },
  );
  done();
};
