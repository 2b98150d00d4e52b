import {
  ssoAvailabilitySchema,
  ssoRedirectSchema,
  ssoSettingsResponseSchema,
  startSsoSchema,
  updateSsoSettingsSchema,
} from '@oneway/shared';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { AppError } from '../../errors.ts';
import {
  clearSsoCookie,
  clientInfoOf,
  readSessionCookie,
  readSsoCookie,
  requireMember,
  setSessionCookie,
  setSsoCookie,
} from '../../plugins/auth.ts';

const security = [{ session: [] }];

/** Single sign-on: the organisation's provider settings, and the login through the provider. */
export const ssoRoutes: FastifyPluginCallbackZod = (app, _options, done) => {
  const { config } = app.deps;
  const { sso } = app.deps.services;

  app.get(
    '/organisation/sso',
    {
      schema: {
        tags: ['organisation'],
        summary: 'The organisation’s single sign-on provider (owner, admin)',
        security,
        response: { 200: ssoSettingsResponseSchema },
      },
    },
    (request) =>
      sso.getSsoSettings({ organisationId: requireMember(request, ['owner', 'admin']).organisationId }),
  );

  app.put(
    '/organisation/sso',
    {
      schema: {
        tags: ['organisation'],
        summary:
          'Set the single sign-on provider: OpenID Connect issuer, client, allowed domains, default role',
        security,
        body: updateSsoSettingsSchema,
        response: { 200: ssoSettingsResponseSchema },
      },
    },
    (request) => {
      const actor = requireMember(request, ['owner', 'admin']);
      return sso.updateSsoSettings({
        organisationId: actor.organisationId,
        actorUserId: actor.userId,
        input: request.body,
      });
    },
  );

  app.get(
    '/auth/sso/available',
    {
      config: { ignoreSession: true },
      schema: {
        tags: ['auth'],
        summary: 'Whether any organisation here signs in with single sign-on',
        response: { 200: ssoAvailabilitySchema },
      },
    },
    () => sso.isSsoAvailable(),
  );

  app.post(
    '/auth/sso/start',
    {
      config: { ignoreSession: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Start single sign-on for an address: answers where to send the browser',
        body: startSsoSchema,
        response: { 200: ssoRedirectSchema },
      },
    },
    async (request, reply) => {
      const started = await sso.startSsoLogin({ email: request.body.email });
      setSsoCookie(reply, config, started.browserToken);
      return { redirectUrl: started.redirectUrl };
    },
  );

  app.get(
    '/auth/sso/callback',
    {
      config: { ignoreSession: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: 'Where the provider sends the browser back', hide: true },
    },
    async (request, reply) => {
      clearSsoCookie(reply, config);
      try {
        const session = await sso.finishSsoLogin({
          callbackUrl: new URL(request.url, config.publicUrl),
          browserToken: readSsoCookie(request, config),
          client: clientInfoOf(request),
          previousToken: readSessionCookie(request, config),
        });
        setSessionCookie(reply, config, session);
        return reply.redirect('/', 303);
      } catch (error) {
        // The browser is on a page of its own here: the sign-in page explains the code.
        if (!(error instanceof AppError)) throw error;
        request.log.info({ code: error.code }, 'single sign-on refused');
        return reply.redirect(`/signin?sso=${encodeURIComponent(error.code)}`, 303);
      }
    },
  );
  done();
};
