import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { randomIp, type TestSession } from './session.ts';

/** A valid 1×1 transparent PNG. */
export const tinyPng = (): Buffer =>
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  );

/** PUTs raw bytes with a Content-Type as `session`, as the logo upload does. */
export function putRaw(
  app: FastifyInstance,
  session: TestSession,
  options: { url: string; contentType: string; body: Buffer | string },
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'PUT',
    url: options.url,
    payload: options.body,
    headers: { ...session.headers, 'content-type': options.contentType },
    remoteAddress: randomIp(),
  });
}
