import { createHash, timingSafeEqual } from 'node:crypto';
import type { Role } from '@oneway/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import type { ClientInfo } from '../modules/accounts/sessions.service.ts';
import { createApiKeyAuthenticator, readBearerToken } from '../modules/api-keys/api-key-auth.ts';

/** Who is calling: set from a live session cookie or an API key, null for anonymous requests. */
export interface AuthContext {
  /** The signed-in person; for an API key, the member who created it, so audit events name a person. */
  userId: string;
  organisationId: string;
  /** The member's role; for an API key, the role the key acts as. */
  role: Role;
  /** Empty for API-key requests, which are refused on the session routes that use it. */
  sessionId: string;
  /** The API key the request authenticated with, or null for a session. */
  apiKeyId: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
  interface FastifyContextConfig {
    /**
     * The route proves who the caller is another way (a password or a token), so the session cookie is not
     * read and no CSRF token is asked for: a stale or foreign cookie must not block signing in.
     */
    ignoreSession?: boolean;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `__Host-` pins the cookie to this host and path /, but browsers only accept it over HTTPS. */
export const sessionCookieName = (config: Config): string =>
  config.secureCookies ? '__Host-oneway_session' : 'oneway_session';

const cookieOptions = (config: Config) =>
  ({ path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies }) as const;

/** Sends the session cookie; it ends when the session's absolute lifetime does. */
export function setSessionCookie(
  reply: FastifyReply,
  config: Config,
  session: { token: string; expiresAt: string },
): void {
  void reply.setCookie(sessionCookieName(config), session.token, {
    ...cookieOptions(config),
    expires: new Date(session.expiresAt),
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  void reply.clearCookie(sessionCookieName(config), cookieOptions(config));
}

export function readSessionCookie(request: FastifyRequest, config: Config): string | undefined {
  return request.cookies[sessionCookieName(config)] || undefined;
}

/** The cookie of a sign-in past its password, waiting for its second step (10 minutes). */
const pendingCookieName = (config: Config): string =>
  config.secureCookies ? '__Host-oneway_pending' : 'oneway_pending';

export function setPendingCookie(
  reply: FastifyReply,
  config: Config,
  pending: { token: string; expiresAt: string },
): void {
  void reply.setCookie(pendingCookieName(config), pending.token, {
    ...cookieOptions(config),
    sameSite: 'strict',
    expires: new Date(pending.expiresAt),
  });
}

export function clearPendingCookie(reply: FastifyReply, config: Config): void {
  void reply.clearCookie(pendingCookieName(config), { ...cookieOptions(config), sameSite: 'strict' });
}

export function readPendingCookie(request: FastifyRequest, config: Config): string | undefined {
  return request.cookies[pendingCookieName(config)] || undefined;
}

/**
 * The cookie binding a single sign-on to the browser that started it. Lax, since the provider sends the browser
 * back with a top-level GET from its own site.
 */
const ssoCookieName = (config: Config): string => (config.secureCookies ? '__Host-oneway_sso' : 'oneway_sso');

export function setSsoCookie(reply: FastifyReply, config: Config, value: string): void {
  void reply.setCookie(ssoCookieName(config), value, { ...cookieOptions(config), maxAge: 600 });
}

export function clearSsoCookie(reply: FastifyReply, config: Config): void {
  void reply.clearCookie(ssoCookieName(config), cookieOptions(config));
}

export function readSsoCookie(request: FastifyRequest, config: Config): string | undefined {
  return request.cookies[ssoCookieName(config)] || undefined;
}

export function clientInfoOf(request: FastifyRequest): ClientInfo {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
}

// Hashing both sides gives equal lengths, which timingSafeEqual needs, without leaking the expected length.
function isCsrfTokenValid(expected: string, given: string | string[] | undefined): boolean {
  if (typeof given !== 'string') return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(expected), digest(given));
}

/**
 * Resolves every API request's credentials into request.auth: an `Authorization: Bearer` API key when there is
 * one (the cookie is then ignored, and no CSRF token is asked for since a browser never adds the header by
 * itself), else the session cookie, with CSRF checked on state changes.
 */
export async function registerAuth(app: FastifyInstance): Promise<void> {
  const { config } = app.deps;
  const authenticateApiKey = createApiKeyAuthenticator(app);
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/') || request.routeOptions.config.ignoreSession) return;
    const bearer = readBearerToken(request);
    if (bearer !== null) {
      request.auth = await authenticateApiKey(request, reply, bearer);
      return;
    }
    const token = readSessionCookie(request, config);
    if (!token) return;
    const session = await app.deps.services.accounts.resolveSession({ token });
    if (!session) {
      clearSessionCookie(reply, config);
      return;
    }
    if (
      !safeMethods.has(request.method) &&
      !isCsrfTokenValid(session.csrfToken, request.headers['x-csrf-token'])
    ) {
      throw new AppError('csrf_failed', {
        message: 'The request was refused because its security token is missing or wrong. Reload the page.',
      });
    }
    request.auth = {
      userId: session.userId,
      organisationId: session.organisationId,
      role: session.role,
      sessionId: session.sessionId,
      apiKeyId: null,
    };
  });
  await Promise.resolve();
}

/** The caller's auth, or 401 when anonymous and 403 when their role is not among `roles`. */
export function requireMember(request: FastifyRequest, roles?: readonly Role[]): AuthContext {
  const { auth } = request;
  if (!auth) throw new AppError('unauthenticated', { message: 'Sign in to continue.' });
  if (roles && !roles.includes(auth.role)) {
    throw new AppError('forbidden', { message: 'Your role does not allow this.' });
  }
  return auth;
}
