// STUB — replaced by the accounts work: resolves the session cookie, checks CSRF, exposes request.auth.
import type { Role } from '@oneway/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export interface AuthContext {
  userId: string;
  organisationId: string;
  role: Role;
  sessionId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

export async function registerAuth(app: FastifyInstance): Promise<void> {
  app.decorateRequest('auth', null);
  await Promise.resolve();
}

export function requireMember(_request: FastifyRequest, _roles?: readonly Role[]): AuthContext {
  throw new Error('not implemented');
}
