import {
  completePasswordResetSchema,
  confirmSignUpSchema,
  requestPasswordResetSchema,
  sessionInfoSchema,
  signInNextStepSchema,
  signInSchema,
  signUpPendingSchema,
  signUpPolicySchema,
  signUpSchema,
} from '@oneway/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  clearPendingCookie,
  clearSessionCookie,
  clientInfoOf,
  readPendingCookie,
  readSessionCookie,
  requireMember,
  setPendingCookie,
  setSessionCookie,
} from '../../plugins/auth.ts';
import { digest } from '../../plugins/secret-rate-limit.ts';

const tags = ['auth'];
const session = [{ session: [] }];
const perMinute = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });

/** Sign-up, sign-in and out, and password resets. */
export const authRoutes: FastifyPluginCallbackZod = (app, _options, done) => {
  const { config } = app.deps;
  const accounts = app.deps.services.accounts;

  app.get(
    '/auth/signup-policy',
    {
      config: { ignoreSession: true },
      schema: { tags, summary: 'Who may create an organisation here', response: { 200: signUpPolicySchema } },
    },
    () => accounts.getSignUpPolicy(),
  );

  app.post(
    '/auth/signup',
    {
      config: { ignoreSession: true, ...perMinute(20) },
      schema: {
        tags,
        summary: 'Create an organisation and its owner',
        description:
          '201 signs the owner in (an instance invitation, or the instance’s first account). 202 means an e-mail ' +
          'was sent to confirm the address (SIGNUP=open): the same answer whether or not the address has an ' +
          'account. 403 signup_closed otherwise.',
        body: signUpSchema,
        response: { 201: sessionInfoSchema, 202: signUpPendingSchema },
      },
    },
    async (request, reply) => {
      const outcome = await accounts.signUp({
        input: request.body,
        client: clientInfoOf(request),
        previousToken: readSessionCookie(request, config),
      });
      if (outcome.kind === 'confirm_email')
        return reply.status(202).send({ status: 'confirm_email' as const });
      setSessionCookie(reply, config, outcome.session);
      return reply.status(201).send(outcome.session.info);
    },
  );

  app.post(
    '/auth/signup/confirm',
    {
      config: { ignoreSession: true, ...perMinute(20) },
      schema: {
        tags,
        summary: 'Confirm a sign-up’s address from its e-mailed link: creates the organisation and signs in',
        body: confirmSignUpSchema,
        response: { 201: sessionInfoSchema },
      },
    },
    async (request, reply) => {
      const started = await accounts.confirmSignUp({
        token: request.body.token,
        client: clientInfoOf(request),
        previousToken: readSessionCookie(request, config),
      });
      setSessionCookie(reply, config, started);
      return reply.status(201).send(started.info);
    },
  );

  app.post(
    '/auth/signin',
    {
      // Per address and account: a team signing in from one office is not one bucket; wrong passwords are also
      // throttled per account and per address by the service (sign_in_throttled).
      config: {
        ignoreSession: true,
        rateLimit: {
          max: 10,
          timeWindow: '1 minute',
          hook: 'preHandler' as const,
          keyGenerator: (request: FastifyRequest) =>
            `signin:${request.ip}:${digest((request.body as { email: string }).email.trim().toLowerCase())}`,
        },
      },
      schema: {
        tags,
        summary: 'Sign in with e-mail and password',
        description:
          '200 starts the session. 202 asks for one more step (a second factor, or setting one up), carried ' +
          'by a short-lived cookie. Failed tries slow further ones down (429 sign_in_throttled, Retry-After).',
        body: signInSchema,
        response: { 200: sessionInfoSchema, 202: signInNextStepSchema },
      },
    },
    async (request, reply) => {
      const outcome = await accounts.signIn({
        input: request.body,
        client: clientInfoOf(request),
        previousToken: readSessionCookie(request, config),
      });
      if (outcome.kind === 'next') {
        setPendingCookie(reply, config, outcome.pending);
        return reply.status(202).send(outcome.step);
      }
      if (readPendingCookie(request, config)) clearPendingCookie(reply, config);
      setSessionCookie(reply, config, outcome.session);
      return reply.status(200).send(outcome.session.info);
    },
  );

  app.get(
    '/auth/me',
    {
      schema: { tags, summary: 'Who is signed in', security: session, response: { 200: sessionInfoSchema } },
    },
    async (request) => accounts.getSessionInfo({ sessionId: requireMember(request).sessionId }),
  );

  app.post(
    '/auth/signout',
    {
      schema: {
        tags,
        summary: 'Sign out on this device',
        security: session,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await accounts.endSession({ sessionId: requireMember(request).sessionId });
      clearSessionCookie(reply, config);
      return reply.status(204).send();
    },
  );

  app.post(
    '/auth/signout-everywhere',
    {
      schema: {
        tags,
        summary: 'Sign out on every device',
        security: session,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await accounts.endAllSessions({ userId: requireMember(request).userId });
      clearSessionCookie(reply, config);
      return reply.status(204).send();
    },
  );

  app.post(
    '/auth/password-reset',
    {
      config: { ignoreSession: true, ...perMinute(5) },
      schema: {
        tags,
        summary: 'E-mail a password reset link (answers the same whether the account exists or not)',
        body: requestPasswordResetSchema,
        response: { 202: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request, reply) => {
      await accounts.requestPasswordReset({ email: request.body.email, client: clientInfoOf(request) });
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.post(
    '/auth/password-reset/complete',
    {
      config: { ignoreSession: true, ...perMinute(20) },
      schema: {
        tags,
        summary: 'Set a new password from a reset link; ends every session',
        body: completePasswordResetSchema,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await accounts.completePasswordReset(request.body);
      return reply.status(204).send();
    },
  );
  done();
};
