import {
  addQuestionsFromBankSchema,
  bankQuestionListQuerySchema,
  bankQuestionListSchema,
  bankQuestionSchema,
  interviewEditorRoles,
  questionListSchema,
  saveBankQuestionSchema,
  starterQuestionListQuerySchema,
  starterQuestionListSchema,
  updateBankQuestionSchema,
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
        description:
          'Newest first. q keeps the items whose prompt contains it (case and spacing aside); tag keeps those carrying the tag. tags lists every tag in the bank, whatever the filters.',
        querystring: bankQuestionListQuerySchema,
        response: { 200: bankQuestionListSchema },
      },
    },
    async (request) => {
      const { organisationId } = requireMember(request);
      return questionBank.listBankQuestions({ organisationId, ...request.query });
    },
  );

  app.get(
    '/question-bank/starter',
    {
      schema: {
        tags,
        security,
        summary: 'List the starter library',
        description:
          "Ready-made questions for common roles in English and Spanish, each with a rubric. bankQuestionId names the organisation's bank item copied from it (or holding the same prompt). Copy one with POST /question-bank and starterQuestionId.",
        querystring: starterQuestionListQuerySchema,
        response: { 200: starterQuestionListSchema },
      },
    },
    async (request) => {
      const { organisationId } = requireMember(request);
      return {
        starterQuestions: await questionBank.listStarterQuestions({ organisationId, ...request.query }),
      };
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
          "Give questionId to copy one of the organisation's interview questions, starterQuestionId to copy one of the starter library, or question for a new one. A prompt the bank holds already (trimmed, spacing and case aside) is refused with 409 bank_question_exists, whose details name the item (bankQuestionId, promptText).",
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

  app.patch(
    '/question-bank/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Change a question bank item',
        description:
          'Changes the prompt, rules, rubric or tags, all or nothing; interviews it was added to keep their copies. A prompt another item holds is refused with 409 bank_question_exists.',
        params: idParams,
        body: updateBankQuestionSchema,
        response: { 200: bankQuestionSchema },
      },
    },
    async (request) => {
      const { organisationId } = requireMember(request, interviewEditorRoles);
      return questionBank.updateBankQuestion({
        organisationId,
        bankQuestionId: request.params.id,
        input: request.body,
      });
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
