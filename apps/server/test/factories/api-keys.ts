import type { CreatedApiKey, CreateApiKeyInput } from '@oneway/shared';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { randomIp, send, type TestSession } from './session.ts';

/** Creates an API key through the API as `session`; fails the test unless it is created. */
export async function createApiKey(
  app: FastifyInstance,
  session: TestSession,
  input: Partial<CreateApiKeyInput> = {},
): Promise<CreatedApiKey> {
  const res = await send(app, session, {
    method: 'POST',
    url: '/api/v1/api-keys',
    payload: { name: 'ATS sync', role: 'recruiter', ...input },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<CreatedApiKey>();
}

/** Sends a request with `Authorization: Bearer <key>` and nothing else (no cookie, no CSRF token). */
export function sendWithKey(
  app: FastifyInstance,
  key: string,
  options: Pick<InjectOptions, 'method' | 'url' | 'payload' | 'query'> & { headers?: Record<string, string> },
): Promise<LightMyRequestResponse> {
  return app.inject({
    ...options,
    headers: { ...options.headers, authorization: `Bearer ${key}` },
    remoteAddress: randomIp(),
  });
}
