import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { AppError } from '../../errors.ts';

/** `__Host-` pins the cookie to this host and path /, but browsers accept it only over HTTPS. */
export const candidateCookieName = (config: Config): string =>
  config.secureCookies ? '__Host-oneway_candidate' : 'oneway_candidate';

const cookieOptions = (config: Config) =>
  ({ path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies }) as const;

export function setCandidateCookie(
  reply: FastifyReply,
  config: Config,
  session: { value: string; expiresAt: string },
): void {
  void reply.setCookie(candidateCookieName(config), session.value, {
    ...cookieOptions(config),
    expires: new Date(session.expiresAt),
  });
}

export function clearCandidateCookie(reply: FastifyReply, config: Config): void {
  void reply.clearCookie(candidateCookieName(config), cookieOptions(config));
}

export function readCandidateCookie(request: FastifyRequest, config: Config): string | undefined {
  return request.cookies[candidateCookieName(config)] || undefined;
}

export const candidateCsrfHeader = 'x-requested-with';
export const candidateCsrfValue = 'oneway';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for candidate routes. Candidates have no account, so there is no per-session CSRF token to hand
 * out before the session exists. Instead every state-changing request must carry `x-requested-with: oneway`:
 * another site can only send a custom header through fetch/XHR, which turns its request into a CORS preflight
 * that this server never approves, and HTML forms cannot set headers at all. SameSite=Lax already keeps the cookie
 * off cross-site POSTs; the header also covers same-site attackers (a sibling subdomain) and the POST that starts
 * a session, which carries no cookie yet (login CSRF: planting someone else's invitation in the candidate's browser).
 */
export function assertCandidateCsrfHeader(request: FastifyRequest): void {
  if (safeMethods.has(request.method)) return;
  if (request.headers[candidateCsrfHeader] !== candidateCsrfValue) {
    throw new AppError('csrf_failed', {
      message: 'The request was refused because a security header is missing. Reload the page and try again.',
    });
  }
}
