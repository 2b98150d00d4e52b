import {
  accountSecuritySchema,
  addedPasskeySchema,
  changePasswordSchema,
  confirmPasswordSchema,
  confirmTotpSchema,
  organisationSecuritySchema,
  passkeyRegistrationSchema,
  recoveryCodesSchema,
  totpSetupSchema,
  updateOrganisationSecuritySchema,
  webauthnJsonSchema,
} from '@oneway/shared';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { clientInfoOf, requireMember } from '../../plugins/auth.ts';
import { findUserById } from './users.repository.ts';

const tags = ['account'];
const security = [{ session: [] }];
const noContent = { 204: z.undefined() };

/** The signed-in person's own sign-in: password, authenticator app, recovery codes, passkeys. */
export const accountRoutes: FastifyPluginCallbackZod = (app, _options, done) => {
  const { db } = app.deps;
  const { accounts, secondFactor } = app.deps.services;

  const currentUser = async (userId: string) => {
    const user = await findUserById(db, userId);
    if (!user) throw new AppError('unauthenticated', { message: 'Sign in to continue.' });
    return user;
  };
  /** The member, once their sign-in is recent enough to change how they sign in. */
  const requireRecentMember = async (request: Parameters<typeof requireMember>[0]) => {
    const member = requireMember(request);
    await accounts.assertRecentSignIn({ sessionId: member.sessionId });
    return member;
  };
  const reauth =
    ' Needs a recent sign-in: otherwise 403 reauthentication_required; see POST /account/confirm-password.';

  app.post(
    '/account/confirm-password',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Enter your password again, before changing how you sign in',
        security,
        body: confirmPasswordSchema,
        response: noContent,
      },
    },
    async (request, reply) => {
      const { userId, sessionId } = requireMember(request);
      await accounts.confirmPassword({
        userId,
        sessionId,
        password: request.body.password,
        client: clientInfoOf(request),
      });
      return reply.status(204).send();
    },
  );

  app.get(
    '/account/security',
    { schema: { tags, summary: 'How you sign in', security, response: { 200: accountSecuritySchema } } },
    async (request) => {
      const { userId, organisationId } = requireMember(request);
      return accounts.getAccountSecurity({ userId, organisationId });
    },
  );

  app.post(
    '/account/password',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Change your password; signs out every other session',
        security,
        body: changePasswordSchema,
        response: noContent,
      },
    },
    async (request, reply) => {
      const { userId, sessionId } = requireMember(request);
      await accounts.changePassword({ userId, sessionId, input: request.body });
      return reply.status(204).send();
    },
  );

  app.post(
    '/account/totp',
    {
      schema: {
        tags,
        summary: `Start setting up an authenticator app.${reauth}`,
        security,
        response: { 200: totpSetupSchema },
      },
    },
    async (request) => {
      const user = await currentUser((await requireRecentMember(request)).userId);
      return secondFactor.startTotpSetup({ userId: user.id, email: user.email });
    },
  );

  app.post(
    '/account/totp/confirm',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          'Confirm the app with a code; answers recovery codes once when it is your first second factor',
        security,
        body: confirmTotpSchema,
        response: { 200: recoveryCodesSchema },
      },
    },
    async (request) =>
      secondFactor.confirmTotp({ userId: requireMember(request).userId, code: request.body.code }),
  );

  app.delete(
    '/account/totp',
    {
      schema: { tags, summary: `Remove the authenticator app.${reauth}`, security, response: noContent },
    },
    async (request, reply) => {
      const { userId, organisationId } = await requireRecentMember(request);
      await secondFactor.removeSecondFactor({
        userId,
        what: { kind: 'totp' },
        secondFactorRequired: await accounts.isSecondFactorRequired(organisationId),
      });
      return reply.status(204).send();
    },
  );

  app.post(
    '/account/recovery-codes',
    {
      schema: {
        tags,
        summary: `New recovery codes (the old ones stop working), shown once.${reauth}`,
        security,
        response: { 200: recoveryCodesSchema },
      },
    },
    async (request) => {
      const { userId } = await requireRecentMember(request);
      if ((await secondFactor.listSecondFactorMethods(userId)).length === 0) {
        throw new AppError('validation_failed', {
          message: 'Set up an authenticator app or a passkey first: recovery codes stand in for them.',
        });
      }
      return secondFactor.issueRecoveryCodes(userId);
    },
  );

  app.post(
    '/account/passkeys/options',
    {
      schema: {
        tags,
        summary: `WebAuthn options to create a passkey.${reauth}`,
        security,
        response: { 200: webauthnJsonSchema },
      },
    },
    async (request) =>
      secondFactor.passkeys.startRegistration(await currentUser((await requireRecentMember(request)).userId)),
  );

  app.post(
    '/account/passkeys',
    {
      schema: {
        tags,
        summary: `Keep a new passkey.${reauth}`,
        security,
        body: passkeyRegistrationSchema,
        response: { 201: addedPasskeySchema },
      },
    },
    async (request, reply) => {
      const { userId } = await requireRecentMember(request);
      const added = await secondFactor.addPasskey({ userId, ...request.body });
      return reply.status(201).send({ passkey: added.passkey, recoveryCodes: added.recoveryCodes.codes });
    },
  );

  app.delete(
    '/account/passkeys/:id',
    {
      schema: {
        tags,
        summary: `Remove a passkey.${reauth}`,
        security,
        params: z.object({ id: z.string().min(1).max(1024) }),
        response: noContent,
      },
    },
    async (request, reply) => {
      const { userId, organisationId } = await requireRecentMember(request);
      await secondFactor.removeSecondFactor({
        userId,
        what: { kind: 'passkey', id: request.params.id },
        secondFactorRequired: await accounts.isSecondFactorRequired(organisationId),
      });
      return reply.status(204).send();
    },
  );

  app.get(
    '/organisation/security',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Whether members need a second factor',
        security,
        response: { 200: organisationSecuritySchema },
      },
    },
    async (request) => ({
      requireSecondFactor: await accounts.isSecondFactorRequired(requireMember(request).organisationId),
    }),
  );

  app.put(
    '/organisation/security',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Require a second factor of every member (owner, admin); applies at their next sign-in',
        security,
        body: updateOrganisationSecuritySchema,
        response: { 200: organisationSecuritySchema },
      },
    },
    async (request) =>
      accounts.setSecondFactorRequired({
        actor: requireMember(request, ['owner', 'admin']),
        required: request.body.requireSecondFactor,
      }),
  );
  done();
};
