import type { ErrorCode } from '@oneway/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { AppError } from '../../errors.ts';
import { clearCandidateCookie, readCandidateCookie, setCandidateCookie } from './candidate-cookie.ts';
import type { CandidateContext, CandidateService } from './candidate.service.ts';

/** The refusals that mean the cookie names no usable session: only these end it in the browser. */
const sessionEndingCodes: ReadonlySet<ErrorCode> = new Set([
  'candidate_session_invalid',
  'invitation_withdrawn',
]);

/** True when `err` says who the candidate is no longer holds (not a server or database failure). */
export const isAuthenticationFailure = (err: unknown): boolean =>
  err instanceof AppError && sessionEndingCodes.has(err.code);

/**
 * The candidate behind the request's cookie (its session renewed when the deadline moved); refused when there is
 * none. The cookie is cleared only for an authentication failure: a 500 (a database hiccup, a full disk) leaves
 * the candidate signed in, or a passing fault would send them back to their invitation e-mail.
 */
export async function requireCandidate(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: { config: Config; candidate: CandidateService },
): Promise<CandidateContext> {
  const value = readCandidateCookie(request, deps.config);
  try {
    const context = await deps.candidate.resolveCandidateSession(value);
    if (context.renewedExpiresAt) {
      setCandidateCookie(reply, deps.config, { value: value ?? '', expiresAt: context.renewedExpiresAt });
    }
    return context;
  } catch (err) {
    if (isAuthenticationFailure(err)) clearCandidateCookie(reply, deps.config);
    throw err;
  }
}
