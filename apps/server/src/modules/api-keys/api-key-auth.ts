import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';
import { hashToken } from '../../lib/tokens.ts';
import type { AuthContext } from '../../plugins/auth.ts';
import { isOrganisationSuspended, organisationSuspended } from '../instance/organisation-suspension.ts';

/** Requests per minute one API key may make. */
export const apiKeyRequestsPerMinute = 600;

// Signing in and out, the team, API keys themselves, a person's own account, the instance's administration and
// the organisation's sign-in rules stay with signed-in people: a leaked key must not be able to add members, mint
// further keys, end its creator's sessions or weaken how people sign in.
const sessionOnlyPaths = [
  '/api/v1/auth/',
  '/api/v1/members',
  '/api/v1/team-invitations',
  '/api/v1/api-keys',
  '/api/v1/account/',
  '/api/v1/admin/',
  '/api/v1/organisation/sso',
  '/api/v1/organisation/security',
];

/** True for the routes an API key may not call, given the route's path. */
export const isSessionOnlyPath = (path: string): boolean =>
  sessionOnlyPaths.some((prefix) => path.startsWith(prefix));

/** The token of an `Authorization: Bearer <token>` header, or null when there is no bearer header. */
export function readBearerToken(request: FastifyRequest): string | null {
  const match = /^Bearer(?:\s+(.*))?$/i.exec(request.headers.authorization ?? '');
  return match ? (match[1] ?? '').trim() : null;
}

/**
 * Authenticates requests carrying an organisation API key: rate limited per key (with Retry-After), refused
 * with 401 when the key is unknown or revoked, and kept away from account, team and key management.
 */
export function createApiKeyAuthenticator(app: FastifyInstance) {
  const limit = app.createRateLimit({
    max: apiKeyRequestsPerMinute,
    timeWindow: 60_000,
    // Keyed by the token's hash so a flood is refused before any database read; the key never sits in memory.
    keyGenerator: (request) => `api-key:${hashToken(readBearerToken(request) ?? '')}`,
  });

  async function checkRateLimit(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const result = await limit(request);
    if (result.isAllowed) return;
    void reply.header('x-ratelimit-limit', result.max);
    void reply.header('x-ratelimit-remaining', result.remaining);
    void reply.header('x-ratelimit-reset', result.ttlInSeconds);
    if (!result.isExceeded) return;
    void reply.header('retry-after', result.ttlInSeconds);
    throw new AppError('rate_limited', {
      message: `Too many requests with this API key. Try again in ${result.ttlInSeconds} seconds.`,
    });
  }

  return async (request: FastifyRequest, reply: FastifyReply, token: string): Promise<AuthContext> => {
    await checkRateLimit(request, reply);
    const key = await app.deps.services.apiKeys.resolveApiKey({ token });
    if (!key) {
      void reply.header('www-authenticate', 'Bearer error="invalid_token"');
      throw new AppError('unauthenticated', { message: 'The API key is invalid or has been revoked.' });
    }
    if (await isOrganisationSuspended(app.deps.db, key.organisationId)) throw organisationSuspended('member');
    // The matched route's pattern, not the raw URL, so no spelling of the path (%-escapes) slips past.
    if (isSessionOnlyPath(request.routeOptions.url ?? request.url)) {
      throw new AppError('forbidden', {
        message: 'API keys cannot sign in, manage the team or manage API keys. Sign in to do this.',
      });
    }
    // The session id stays empty: session routes are among those refused above.
    return { ...key, sessionId: '' };
  };
}
