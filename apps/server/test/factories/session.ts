import { randomInt } from 'node:crypto';
import type { SessionInfo, SignUpInput } from '@oneway/shared';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

export const testPassword = 'violet-harbour-lantern-42';

/** A signed-in caller: send `headers` with a request to act as them. */
export interface TestSession {
  token: string;
  csrfToken: string;
  headers: { cookie: string; 'x-csrf-token': string };
  info: SessionInfo;
  password: string;
}

let counter = 0;

/** An e-mail address no other test uses. */
export const uniqueEmail = (prefix = 'person'): string =>
  `${prefix}-${++counter}-${randomInt(1e9)}@example.com`;

/** A random client address, so the per-IP rate limits of one test do not spill into the next. */
export const randomIp = (): string => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

/** Reads the session a sign-in style response started. */
export function sessionFrom(res: LightMyRequestResponse, password = testPassword): TestSession {
  if (res.statusCode >= 300) throw new Error(`Expected a session, got ${res.statusCode}: ${res.body}`);
  const cookie = res.cookies.find((c) => c.name.endsWith('oneway_session'));
  if (!cookie) throw new Error('No session cookie was set');
  const info = res.json<SessionInfo>();
  return {
    token: cookie.value,
    csrfToken: info.csrfToken,
    headers: { cookie: `${cookie.name}=${cookie.value}`, 'x-csrf-token': info.csrfToken },
    info,
    password,
  };
}

/** Sends a request as `session` (or anonymously when it is null) from a fresh client address. */
export function send(
  app: FastifyInstance,
  session: TestSession | null,
  options: Pick<InjectOptions, 'method' | 'url' | 'payload' | 'query'>,
): Promise<LightMyRequestResponse> {
  return app.inject({ ...options, headers: session?.headers ?? {}, remoteAddress: randomIp() });
}

/** Signs up a new organisation through the API and returns its owner's session. */
export async function signUp(
  app: FastifyInstance,
  overrides: Partial<SignUpInput> = {},
): Promise<TestSession> {
  const payload: SignUpInput = {
    organisationName: 'Acme Hiring',
    name: 'Olivia Owner',
    email: uniqueEmail('owner'),
    password: testPassword,
    ...overrides,
  };
  const res = await send(app, null, { method: 'POST', url: '/api/v1/auth/signup', payload });
  return sessionFrom(res, payload.password);
}

/** Signs in through the API. */
export async function signIn(
  app: FastifyInstance,
  { email, password = testPassword }: { email: string; password?: string },
): Promise<TestSession> {
  const res = await send(app, null, {
    method: 'POST',
    url: '/api/v1/auth/signin',
    payload: { email, password },
  });
  return sessionFrom(res, password);
}
