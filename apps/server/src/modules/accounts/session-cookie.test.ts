import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { send, signIn, signUp, testPassword } from '../../../test/factories/session.ts';

interface ErrorJson {
  code: string;
}

describe('sessions: /me, CSRF and signing out', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers /auth/me without a session or with an unknown cookie with 401', async () => {
    const none = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(none.statusCode).toBe(401);
    expect(none.json<ErrorJson>().code).toBe('unauthenticated');
    const bogus = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      cookies: { oneway_session: 'bogus' },
    });
    expect(bogus.statusCode).toBe(401);
  });

  it('refuses a state-changing request with a missing or wrong CSRF token', async () => {
    const owner = await signUp(t.app);
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signout',
      headers: { cookie: owner.headers.cookie },
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json<ErrorJson>().code).toBe('csrf_failed');
    const wrong = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/organisation',
      // Change the last character to a different one (a fixed 'A' would match 1 token in 64).
      headers: {
        ...owner.headers,
        'x-csrf-token': `${owner.csrfToken.slice(0, -1)}${owner.csrfToken.endsWith('A') ? 'B' : 'A'}`,
      },
      payload: { name: 'Hijacked' },
    });
    expect(wrong.statusCode).toBe(403);
    const me = await send(t.app, owner, { method: 'GET', url: '/api/v1/auth/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json<{ organisation: { name: string } }>().organisation.name).toBe('Acme Hiring');
  });

  it('lets a signed-in browser sign in again without a CSRF token', async () => {
    const owner = await signUp(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signin',
      headers: { cookie: owner.headers.cookie },
      payload: { email: owner.info.user.email, password: testPassword },
    });
    expect(res.statusCode).toBe(200);
    // The session the browser had is replaced, not left behind.
    expect((await send(t.app, owner, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });

  it('signs out this session only and clears the cookie', async () => {
    const owner = await signUp(t.app);
    const other = await signIn(t.app, { email: owner.info.user.email });
    const res = await send(t.app, owner, { method: 'POST', url: '/api/v1/auth/signout' });
    expect(res.statusCode).toBe(204);
    const cleared = res.cookies.find((c) => c.name === 'oneway_session');
    expect(cleared?.value).toBe('');
    expect((await send(t.app, owner, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    expect((await send(t.app, other, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
  });

  it('signs out everywhere, ending the other sessions too', async () => {
    const owner = await signUp(t.app);
    const other = await signIn(t.app, { email: owner.info.user.email });
    const bystander = await signUp(t.app);
    const res = await send(t.app, owner, { method: 'POST', url: '/api/v1/auth/signout-everywhere' });
    expect(res.statusCode).toBe(204);
    expect((await send(t.app, owner, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    expect((await send(t.app, other, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    expect((await send(t.app, bystander, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
  });
});

describe('session cookie over HTTPS', () => {
  it('uses a Secure __Host- cookie', async () => {
    const t = await createTestApp({ PUBLIC_URL: 'https://interviews.example.com' });
    try {
      const owner = await signUp(t.app);
      expect(owner.headers.cookie).toMatch(/^__Host-oneway_session=/);
      const res = await send(t.app, null, {
        method: 'POST',
        url: '/api/v1/auth/signin',
        payload: { email: owner.info.user.email, password: testPassword },
      });
      expect(res.cookies[0]).toMatchObject({ name: '__Host-oneway_session', secure: true, path: '/' });
      expect(res.cookies[0]?.domain).toBeUndefined();
      expect((await send(t.app, owner, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});
