import {
  completePasswordResetSchema,
  requestPasswordResetSchema,
  sessionInfoSchema,
  signInSchema,
  signUpSchema,
} from '@oneway/shared';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  clearSessionCookie,
  clientInfoOf,
  readSessionCookie,
  requireMember,
  setSessionCookie,
} from '../../plugins/auth.ts';

const tags = ['auth'];
const session = [{ session: [] }];
const perMinute = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });

/** Sign-up, sign-in and out, and password resets. */
export const authRoutes: FastifyPluginCallbackZod = (app, _options, done) => {
  const { config } = app.deps;
  const accounts = app.deps.services.accounts;

  app.post(
    '/auth/signup',
    {
      config: { ignoreSession: true, ...perMinute(20) },
      schema: {
        tags,
        summary: 'Create an organisation and its owner, and sign in',
        body: signUpSchema,
        response: { 201: sessionInfoSchema },
      },
    },
    async (request, reply) => {
      const started = await accounts.signUp({
        input: request.body,
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
      config: { ignoreSession: true, ...perMinute(10) },
      schema: {
        tags,
        summary: 'Sign in with e-mail and password',
        body: signInSchema,
        response: { 200: sessionInfoSchema },
      },
    },
    async (request, reply) => {
      const started = await accounts.signIn({
        input: request.body,
        client: clientInfoOf(request),
        previousToken: readSessionCookie(request, config),
      });
      setSessionCookie(reply, config, started);
      return started.info;
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
