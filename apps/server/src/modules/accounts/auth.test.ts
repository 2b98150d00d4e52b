import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import {
  createSignUpInvitation,
  send,
  signIn,
  signUp,
  testPassword,
  uniqueEmail,
} from '../../../test/factories/session.ts';

interface ErrorJson {
  code: string;
  message: string;
  details?: { fields?: { field: string }[] };
}

describe('sign-up and sign-in', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const signUpPayload = (overrides: Record<string, unknown> = {}) => ({
    organisationName: 'Northwind',
    name: 'Nora North',
    email: uniqueEmail('nora'),
    password: testPassword,
    ...overrides,
  });
  /** Signs up with an instance invitation for the payload's address (sign-up is closed otherwise). */
  const signUpWith = async (payload: Record<string, unknown>) =>
    send(t.app, null, {
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: { ...payload, invitationToken: await createSignUpInvitation(t.app, String(payload.email)) },
    });

  it('creates the organisation and its owner and signs the owner in', async () => {
    const payload = signUpPayload({ email: '  Nora.North@Example.COM ' });
    const res = await signUpWith(payload);
    expect(res.statusCode).toBe(201);
    const body = res.json<{
      user: { email: string };
      organisation: { id: string; name: string };
      role: string;
    }>();
    expect(body).toMatchObject({
      user: { email: 'nora.north@example.com' },
      organisation: { name: 'Northwind' },
    });
    expect(body.role).toBe('owner');
    const cookie = res.cookies.find((c) => c.name === 'oneway_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const membership = await t.runtime.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['memberships.role', 'users.password_hash'])
      .where('memberships.organisation_id', '=', body.organisation.id)
      .executeTakeFirstOrThrow();
    expect(membership.role).toBe('owner');
    expect(membership.password_hash).toMatch(/^\$argon2id\$/);
    // Only the hash of the cookie value is stored.
    const stored = await t.runtime.db
      .selectFrom('sessions')
      .select('id')
      .where('id', '=', cookie?.value ?? '')
      .execute();
    expect(stored).toHaveLength(0);

    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      cookies: { oneway_session: cookie?.value ?? '' },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual(body);
  });

  it('refuses a second account with the same address, whatever its case, to the invitation’s holder', async () => {
    const email = uniqueEmail('twice');
    await signUp(t.app, { email });
    // The address is the invitation's, which its holder received: saying it has an account reveals nothing.
    const token = await createSignUpInvitation(t.app, email);
    const res = await send(t.app, null, {
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: signUpPayload({ email: email.toUpperCase(), invitationToken: token }),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorJson>().code).toBe('email_taken');
  });

  it('creates one organisation when sign-ups race for one address, and leaves none without an owner', async () => {
    const payload = signUpPayload();
    const tokens = await Promise.all([0, 1, 2].map(() => createSignUpInvitation(t.app, payload.email)));
    const results = await Promise.all(
      tokens.map((invitationToken) =>
        send(t.app, null, {
          method: 'POST',
          url: '/api/v1/auth/signup',
          payload: { ...payload, invitationToken },
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect(results.filter((r) => r.statusCode === 409).map((r) => r.json<ErrorJson>().code)).toEqual([
      'email_taken',
      'email_taken',
    ]);
    const organisations = await t.runtime.db.selectFrom('organisations').select('id').execute();
    const owners = await t.runtime.db.selectFrom('memberships').select('organisation_id').execute();
    expect(new Set(owners.map((o) => o.organisation_id))).toEqual(new Set(organisations.map((o) => o.id)));
  });

  it('refuses a guessable password and one made of the e-mail address, saying why and what to do', async () => {
    const common = await signUpWith(signUpPayload({ password: 'Password123' }));
    expect(common.statusCode).toBe(400);
    expect(common.json<ErrorJson>().code).toBe('weak_password');
    expect(common.json<ErrorJson>().details?.fields?.map((f) => f.field)).toEqual(['password']);
    const email = uniqueEmail('same');
    const same = await signUpWith(signUpPayload({ email, password: email }));
    expect(same.json<ErrorJson>().code).toBe('weak_password');
  });

  it('names an unknown field', async () => {
    const unknown = await signUpWith(signUpPayload({ isAdmin: true }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<ErrorJson>().code).toBe('validation_failed');
    expect(unknown.json<ErrorJson>().details?.fields?.map((f) => f.field)).toContain('isAdmin');
  });

  it('names a bad e-mail address', async () => {
    const badEmail = await signUpWith(signUpPayload({ email: 'not-an-address' }));
    expect(badEmail.json<ErrorJson>().code).toBe('validation_failed');
    expect(badEmail.json<ErrorJson>().details?.fields?.map((f) => f.field)).toEqual(['email']);
  });

  it('signs in with a new session id and records it', async () => {
    const owner = await signUp(t.app);
    const again = await signIn(t.app, { email: owner.info.user.email });
    expect(again.token).not.toBe(owner.token);
    expect(again.csrfToken).not.toBe(owner.csrfToken);
    expect(again.info.organisation.id).toBe(owner.info.organisation.id);
    const events = await t.runtime.db
      .selectFrom('audit_events')
      .select('action')
      .where('actor_user_id', '=', owner.info.user.id)
      .execute();
    expect(events.map((e) => e.action)).toContain('auth.signin');
  });

  it('answers a wrong password and an unknown e-mail alike, and records both without the password', async () => {
    const owner = await signUp(t.app);
    const wrong = await send(t.app, null, {
      method: 'POST',
      url: '/api/v1/auth/signin',
      payload: { email: owner.info.user.email, password: 'not-the-right-one' },
    });
    const unknownEmail = uniqueEmail('nobody');
    const unknown = await send(t.app, null, {
      method: 'POST',
      url: '/api/v1/auth/signin',
      payload: { email: unknownEmail, password: 'not-the-right-one' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json<ErrorJson>().code).toBe('invalid_credentials');
    expect(unknown.json<ErrorJson>().message).toBe(wrong.json<ErrorJson>().message);
    expect(wrong.cookies).toHaveLength(0);
    const failures = await t.runtime.db
      .selectFrom('audit_events')
      .select(['details'])
      .where('action', '=', 'auth.signin_failed')
      .execute();
    const details = failures.map((f) => f.details ?? '').join();
    expect(details).toContain(owner.info.user.email);
    expect(details).toContain(unknownEmail);
    expect(details).not.toContain('not-the-right-one');
  });

  it('limits sign-ins to one account from one address to 10 a minute, and not the others of that address', async () => {
    // Right passwords, so the slowing down of failures (sign-in-throttle.test.ts) stays out of it.
    const [ada, bea] = [uniqueEmail('limit-ada'), uniqueEmail('limit-bea')];
    await signUp(t.app, { email: ada });
    await signUp(t.app, { email: bea });
    const attempt = (email: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/signin',
        payload: { email, password: testPassword },
        remoteAddress: '192.0.2.77',
      });
    for (let i = 0; i < 10; i++) expect((await attempt(ada)).statusCode).toBe(200);
    const limited = await attempt(ada.toUpperCase());
    expect(limited.statusCode).toBe(429);
    expect(limited.json<ErrorJson>().code).toBe('rate_limited');
    // A colleague in the same office signs in meanwhile.
    expect((await attempt(bea)).statusCode).toBe(200);
  });
});
