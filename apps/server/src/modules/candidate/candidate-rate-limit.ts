import { createHash } from 'node:crypto';
import type { ErrorCode } from '@oneway/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';

// Candidates of one office, campus or test centre share one public address, and each page load of a candidate
// makes a handful of requests: limits counted per address locked a room of real candidates out. Candidate routes
// count per candidate session (the cookie) instead; opening a link counts per link, and only a guesser's wrong
// tokens count per address (generously, so a room's typos never add up to it).

const cookieNames = ['__Host-oneway_candidate', 'oneway_candidate'];
const window = '1 minute';
/** Wrong link tokens or continue codes one address may try in a minute. */
const wrongGuessesPerAddress = 300;

const digest = (value: string): string => createHash('sha256').update(value).digest('base64url').slice(0, 22);

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

/**
 * The route options of a route that starts a session from a secret in its body (a link token, an e-mail address
 * and its code): `max` a minute per secret, counted once the body is parsed. A real candidate opens their link a
 * few times at most; wrong guesses are limited per address by `createWrongGuessLimit`.
 */
export const sessionStartConfig = (max: number, secretOf: (body: unknown) => string) => ({
  ignoreSession: true,
  rateLimit: {
    max,
    timeWindow: window,
    hook: 'preHandler' as const,
    keyGenerator: (request: FastifyRequest) => `secret:${digest(secretOf(request.body))}`,
  },
});

/**
 * Counts an address's wrong secrets (unknown link tokens, wrong continue codes): past `wrongGuessesPerAddress` a
 * minute, every session start from it is refused until the minute is over, whatever the secret.
 */
export function createWrongGuessLimit(app: FastifyInstance) {
  const limit = app.createRateLimit({
    max: wrongGuessesPerAddress,
    timeWindow: window,
    keyGenerator: (request) => `guess:${request.ip}`,
  });
  /** Throws rate_limited while the address is over its wrong guesses. */
  async function assertAllowed(request: FastifyRequest): Promise<void> {
    const state = await limit(request, { increment: false });
    if (!state.isAllowed && state.isExceeded) {
      throw new AppError('rate_limited', { message: 'Too many requests. Wait a moment and try again.' });
    }
  }
  return {
    /** Runs `start`, counting it against the address when it fails with one of `wrongCodes`. */
    async countWrong<T>(
      request: FastifyRequest,
      wrongCodes: ErrorCode[],
      start: () => Promise<T>,
    ): Promise<T> {
      await assertAllowed(request);
      try {
        return await start();
      } catch (err) {
        if (err instanceof AppError && wrongCodes.includes(err.code)) await limit(request);
        throw err;
      }
    },
  };
}
