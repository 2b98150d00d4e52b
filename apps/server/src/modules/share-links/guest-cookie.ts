import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';

/** `__Host-` pins the cookie to this host and path /, but browsers accept it only over HTTPS. */
export const guestCookieName = (config: Config): string =>
  config.secureCookies ? '__Host-oneway_guest' : 'oneway_guest';

const cookieOptions = (config: Config) =>
  ({ path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies }) as const;

export function setGuestCookie(
  reply: FastifyReply,
  config: Config,
  session: { value: string; expiresAt: string },
): void {
  void reply.setCookie(guestCookieName(config), session.value, {
    ...cookieOptions(config),
    expires: new Date(session.expiresAt),
  });
}

export function clearGuestCookie(reply: FastifyReply, config: Config): void {
  void reply.clearCookie(guestCookieName(config), cookieOptions(config));
}

export function readGuestCookie(request: FastifyRequest, config: Config): string | undefined {
  return request.cookies[guestCookieName(config)] || undefined;
}
