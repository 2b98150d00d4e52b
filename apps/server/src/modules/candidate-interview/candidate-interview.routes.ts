import {
  candidateAnswerSchema,
  candidateInterviewSchema,
  revealedQuestionSchema,
  saveAnswerSchema,
  submittedInterviewSchema,
} from '@oneway/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertCandidateCsrfHeader } from '../candidate/candidate-cookie.ts';
import { requireCandidate } from '../candidate/require-candidate.ts';
import { candidateRouteConfig } from '../candidate/candidate-rate-limit.ts';

const tags = ['candidate'];
const questionParams = z.object({ questionId: z.string().min(1).max(100) });

/** The candidate's interview: what it holds so far, revealing each question, answering and submitting. */
export const candidateInterviewRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app.deps;
  const { candidate, candidateInterview, answers } = app.deps.services;
  const auth = { config, candidate };

  app.addHook('onRequest', async (request) => {
    assertCandidateCsrfHeader(request);
    await Promise.resolve();
  });

  app.get(
    '/candidate/interview',
    {
      config: candidateRouteConfig(120),
      schema: {
        tags,
        summary: 'The interview as the candidate has it: rules, revealed prompts, saved takes and answers',
        response: { 200: candidateInterviewSchema },
      },
    },
    async (request, reply) => {
      const { invitation } = await requireCandidate(request, reply, auth);
      return candidateInterview.getCandidateInterview(invitation);
    },
  );

  app.post(
    '/candidate/questions/:questionId/reveal',
    {
      config: candidateRouteConfig(60),
      schema: {
        tags,
        summary: "Show a question's prompt (starts its think time); the first reveal's time is kept",
        params: questionParams,
        response: { 200: revealedQuestionSchema },
      },
    },
    async (request, reply) => {
      const { invitation } = await requireCandidate(request, reply, auth);
      return candidateInterview.revealQuestion({ invitation, questionId: request.params.questionId });
    },
  );

  app.put(
    '/candidate/answers/:questionId',
    {
      config: candidateRouteConfig(60),
      schema: {
        tags,
        summary: "Choose one of the question's saved takes as its answer, or save a written answer",
        params: questionParams,
        body: saveAnswerSchema,
        response: { 200: candidateAnswerSchema },
      },
    },
    async (request, reply) => {
      const { invitation } = await requireCandidate(request, reply, auth);
      return answers.saveAnswer({ invitation, questionId: request.params.questionId, input: request.body });
    },
  );

  app.post(
    '/candidate/submit',
    {
      config: candidateRouteConfig(10),
      schema: {
        tags,
        summary: 'Hand in the answers: completes the interview and e-mails the candidate and the hiring team',
        response: { 200: submittedInterviewSchema },
      },
    },
    async (request, reply) => {
      const { invitation } = await requireCandidate(request, reply, auth);
      return candidateInterview.submitInterview(invitation);
    },
  );
};
