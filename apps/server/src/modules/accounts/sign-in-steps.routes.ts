import {
  confirmTotpSchema,
  passkeyRegistrationSchema,
  passkeySignInSchema,
  recoveryCodeSignInSchema,
  sessionInfoSchema,
  signedInWithRecoveryCodesSchema,
  totpSetupSchema,
  totpSignInSchema,
  webauthnJsonSchema,
} from '@oneway/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import {
  clearPendingCookie,
  clientInfoOf,
  readPendingCookie,
  readSessionCookie,
  setSessionCookie,
} from '../../plugins/auth.ts';
import type { StartedSession } from './sessions.service.ts';

const tags = ['auth'];
// The second step guesses a 6-digit code: the pending sign-in ends after 5 wrong ones, the throttle slows the rest.
const stepConfig = { ignoreSession: true, rateLimit: { max: 20, timeWindow: '1 minute' } };

/**
 * The steps after the password: a second factor (authenticator code, recovery code or passkey), or setting one up
 * when the organisation requires it; and signing in with a passkey alone. Each reads the pending sign-in's cookie.
 */
export const signInStepsRoutes: FastifyPluginCallbackZod = (app, _options, done) => {
  const { config } = app.deps;
  const accounts = app.deps.services.accounts;

  const context = (request: FastifyRequest) => ({
    pendingToken: readPendingCookie(request, config),
    client: clientInfoOf(request),
    previousToken: readSessionCookie(request, config),
  });
  const signedIn = (reply: FastifyReply, session: StartedSession) => {
    clearPendingCookie(reply, config);
    setSessionCookie(reply, config, session);
    return session.info;
  };

  app.post(
    '/auth/signin/totp',
    {
      config: stepConfig,
      schema: {
        tags,
        summary: 'Second step: a code from the authenticator app',
        body: totpSignInSchema,
        response: { 200: sessionInfoSchema },
      },
    },
    async (request, reply) => {
      const session = await accounts.completeSignInWithCode({
        ...context(request),
        method: 'totp',
        code: request.body.code,
      });
      return signedIn(reply, session);
    },
  );

  app.post(
    '/auth/signin/recovery-code',
    {
      config: stepConfig,
      schema: {
        tags,
        summary: 'Second step: a recovery code (each works once)',
        body: recoveryCodeSignInSchema,
        response: { 200: sessionInfoSchema },
      },
    },
    async (request, reply) => {
      const session = await accounts.completeSignInWithCode({
        ...context(request),
        method: 'recovery_code',
        code: request.body.code,
      });
      return signedIn(reply, session);
    },
  );

  app.post(
    '/auth/signin/passkey/options',
    {
      config: stepConfig,
      schema: {
        tags,
        summary: 'WebAuthn options to sign in with a passkey (the second step, or on its own)',
        response: { 200: webauthnJsonSchema },
      },
    },
    (request) => accounts.startPasskeySignIn({ pendingToken: readPendingCookie(request, config) }),
  );

  app.post(
    '/auth/signin/passkey',
    {
      config: stepConfig,
      schema: {
        tags,
        summary: 'Sign in with the passkey’s answer',
        body: passkeySignInSchema,
        response: { 200: sessionInfoSchema },
      },
    },
    async (request, reply) => {
      const session = await accounts.completePasskeySignIn({
        ...context(request),
        response: request.body.response,
      });
      return signedIn(reply, session);
    },
  );

  app.post(
    '/auth/signin/set-up/totp',
    {
      config: stepConfig,
      schema: {
        tags,
        summary: 'Setting up a required second factor: a new authenticator app’s secret',
        response: { 200: totpSetupSchema },
      },
    },
    (request) => accounts.startEnrolmentTotp({ pendingToken: readPendingCookie(request, config) }),
  );

  app.post(
    '/auth/signin/set-up/totp/confirm',
    {
      config: stepConfig,
      schema: {
        tags,
        summary: 'Confirm the new app with its first code and sign in; answers the recovery codes once',
        body: confirmTotpSchema,
        response: { 200: signedInWithRecoveryCodesSchema },
      },
    },
    async (request, reply) => {
      const done = await accounts.completeEnrolmentTotp({ ...context(request), code: request.body.code });
      return { session: signedIn(reply, done.session), recoveryCodes: done.recoveryCodes.codes };
    },
  );

  app.post(
    '/auth/signin/set-up/passkey/options',
    {
      config: stepConfig,
      schema: {
        tags,
        summary: 'Setting up a required second factor: WebAuthn options to create a passkey',
        response: { 200: webauthnJsonSchema },
      },
    },
    (request) => accounts.startEnrolmentPasskey({ pendingToken: readPendingCookie(request, config) }),
  );

  app.post(
    '/auth/signin/set-up/passkey',
    {
      config: stepConfig,
      schema: {
        tags,
        summary: 'Keep the new passkey and sign in; answers the recovery codes once',
        body: passkeyRegistrationSchema,
        response: { 200: signedInWithRecoveryCodesSchema },
      },
    },
    async (request, reply) => {
      const done = await accounts.completeEnrolmentPasskey({ ...context(request), ...request.body });
      return { session: signedIn(reply, done.session), recoveryCodes: done.recoveryCodes.codes };
    },
  );
  done();
};
