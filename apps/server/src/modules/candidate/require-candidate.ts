import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { clearCandidateCookie, readCandidateCookie, setCandidateCookie } from './candidate-cookie.ts';
import type { CandidateContext, CandidateService } from './candidate.service.ts';

/**
 * The candidate behind the request's cookie (its session renewed when the deadline moved); refused, and the
 * cookie cleared, when there is none.
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
    clearCandidateCookie(reply, deps.config);
    throw err;
  }
}
