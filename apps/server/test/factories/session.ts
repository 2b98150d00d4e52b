import { randomInt } from 'node:crypto';
import type { SessionInfo, SignUpInput } from '@oneway/shared';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createToken, hashToken, newId } from '../../src/lib/tokens.ts';

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

/**
 * An invitation to create an organisation, as an instance administrator's would be (written straight to the
 * database, so no e-mail joins the ones a test counts); returns its token.
 */
export async function createSignUpInvitation(app: FastifyInstance, email: string): Promise<string> {
  const token = createToken();
  const now = Date.now();
  await app.deps.db
    .insertInto('instance_invitations')
    .values({
      id: newId(),
      email: email.trim().toLowerCase(),
      token_hash: hashToken(token),
      created_by_user_id: null,
      created_at: new Date(now).toISOString(),
      // Far enough ahead for tests that move their clock on by days.
      expires_at: new Date(now + 10 * 365 * 86_400_000).toISOString(),
      used_at: null,
      revoked_at: null,
    })
    .execute();
  return token;
}

/**
 * Signs up a new organisation through the API, with an instance invitation (sign-up is closed by default once an
 * organisation exists), and returns its owner's session.
 */
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
  payload.invitationToken ??= await createSignUpInvitation(app, payload.email);
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
