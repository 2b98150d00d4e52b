import type { FastifyRequest } from 'fastify';
import { digest } from '../../plugins/secret-rate-limit.ts';

// Candidates of one office, campus or test centre share one public address, and each page load of a candidate
// makes a handful of requests: limits counted per address locked a room of real candidates out. Candidate routes
// count per candidate session (the cookie) instead; opening a link counts per link, and only a guesser's wrong
// tokens count per address (generously, so a room's typos never add up to it).

const cookieNames = ['__Host-oneway_candidate', 'oneway_candidate'];
const window = '1 minute';
/** The candidate session a request carries (hashed, as it is stored), else its address. */
function bySession(request: FastifyRequest): string {
  const value = cookieNames.map((name) => request.cookies[name]).find(Boolean);
  return value ? `session:${digest(value)}` : `ip:${request.ip}`;
}

/**
 * The route options of a candidate route: `max` requests a minute per candidate session. Candidates prove who they
 * are with the link token or their own cookie; an employer's session cookie in the same browser (someone trying
 * their own link) must neither help nor get in the way, hence ignoreSession.
 */
export const candidateRouteConfig = (max: number) => ({
  ignoreSession: true,
  rateLimit: { max, timeWindow: window, keyGenerator: bySession },
});
