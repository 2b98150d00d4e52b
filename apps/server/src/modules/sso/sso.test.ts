import type { SessionInfo } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import {
  followProviderRedirects,
  startTestOidcProvider,
  type OidcPerson,
  type TestOidcProvider,
} from '../../../test/oidc-provider.ts';
import { randomIp, send, signUp, type TestSession } from '../../../test/factories/session.ts';

const publicUrl = 'http://oneway.test';
const callback = `${publicUrl}/api/v1/auth/sso/callback`;

interface ErrorJson {
  code: string;
  details?: { fields?: { field: string }[] };
}

describe('single sign-on with OpenID Connect, against a real provider', () => {
  let t: TestContext;
  let idp: TestOidcProvider;
  let owner: TestSession;
  let availableBefore: { json: <T>() => T };
  beforeAll(async () => {
    idp = await startTestOidcProvider(callback);
    t = await createTestApp({ PUBLIC_URL: publicUrl });
    owner = await signUp(t.app, { organisationName: 'Acme SSO' });
    availableBefore = await t.app.inject({ method: 'GET', url: '/api/v1/auth/sso/available' });
    const saved = await send(t.app, owner, {
      method: 'PUT',
      url: '/api/v1/organisation/sso',
      payload: {
        enabled: true,
        issuer: idp.issuer,
        clientId: idp.clientId,
        clientSecret: idp.clientSecret,
        allowedDomains: ['acme.test', 'Acme-Labs.test'],
        defaultRole: 'reviewer',
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
  });
  afterAll(async () => {
    await t.close();
    await idp.close();
  });

  const person = (overrides: Partial<OidcPerson> = {}): OidcPerson => ({
    subject: `sub-${Math.random().toString(36).slice(2)}`,
    email: `person-${Math.random().toString(36).slice(2, 8)}@acme.test`,
    emailVerified: true,
    name: 'Alice Acme',
    ...overrides,
  });

  /** The whole login as a browser makes it: start, the provider's redirects, then the callback with its cookie. */
  async function logIn(who: OidcPerson, options: { keepCookie?: boolean; startWith?: string } = {}) {
    idp.signInAs(who);
    const start = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sso/start',
      payload: { email: options.startWith ?? who.email },
      remoteAddress: randomIp(),
    });
    expect(start.statusCode, start.body).toBe(200);
    const { redirectUrl } = start.json<{ redirectUrl: string }>();
    const ssoCookie = start.cookies.find((c) => c.name.endsWith('oneway_sso'));
    const back = await followProviderRedirects(redirectUrl, callback);
    const finish = await t.app.inject({
      method: 'GET',
      url: `${back.pathname}${back.search}`,
      headers:
        options.keepCookie === false || !ssoCookie ? {} : { cookie: `${ssoCookie.name}=${ssoCookie.value}` },
      remoteAddress: randomIp(),
    });
    const session = finish.cookies.find((c) => c.name.endsWith('oneway_session') && c.value !== '');
    return { redirectUrl, back, finish, session };
  }

  it('sends the person to the provider with PKCE, state and nonce', async () => {
    idp.signInAs(person());
    const start = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sso/start',
      payload: { email: 'anyone@acme.test' },
    });
    const url = new URL(start.json<{ redirectUrl: string }>().redirectUrl);
    expect(url.origin).toBe(idp.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(url.searchParams.get('redirect_uri')).toBe(callback);
    const cookie = start.cookies.find((c) => c.name.endsWith('oneway_sso'));
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  });

  it('signs a new person in through the provider and makes them a member with the default role', async () => {
    const alice = person({ email: 'Alice.New@acme.test' });
    const { finish, session } = await logIn(alice);
    expect(finish.statusCode).toBe(303);
    expect(finish.headers.location).toBe('/');
    expect(session).toBeDefined();
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: `${session?.name}=${session?.value}` },
    });
    expect(me.json<SessionInfo>()).toMatchObject({
      user: { email: 'alice.new@acme.test', name: 'Alice Acme' },
      organisation: { id: owner.info.organisation.id },
      role: 'reviewer',
    });
    // Again: the same account, known by the provider's subject.
    const again = await logIn({ ...alice, email: 'alice.renamed@acme.test' });
    const meAgain = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: `${again.session?.name}=${again.session?.value}` },
    });
    expect(meAgain.json<SessionInfo>().user.id).toBe(me.json<SessionInfo>().user.id);
    const events = await t.runtime.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'auth.signin')
      .where('actor_user_id', '=', me.json<SessionInfo>().user.id)
      .execute();
    expect(events.map((e) => e.details)).toEqual(['{"method":"sso"}', '{"method":"sso"}']);
  });

  it('refuses an address the provider did not verify, or of a domain the organisation does not accept', async () => {
    const unverified = await logIn(person({ emailVerified: false }));
    expect(unverified.finish.headers.location).toBe('/signin?sso=sso_failed');
    expect(unverified.session).toBeUndefined();
    // Typed an accepted address at the start, but the provider says another.
    const elsewhere = await logIn(person({ email: 'mallory@elsewhere.test' }), {
      startWith: 'mallory@acme.test',
    });
    expect(elsewhere.finish.headers.location).toBe('/signin?sso=sso_failed');
    const users = await t.runtime.db.selectFrom('users').select('email').execute();
    expect(users.map((u) => u.email)).not.toContain('mallory@elsewhere.test');
  });

  it('never signs in as an account of another organisation, whatever address the provider vouches for', async () => {
    const victim = await signUp(t.app, { organisationName: 'Elsewhere Ltd', email: 'victim@acme.test' });
    const takeover = await logIn(person({ email: 'victim@acme.test' }));
    expect(takeover.finish.headers.location).toBe('/signin?sso=sso_failed');
    expect(takeover.session).toBeUndefined();
    const links = await t.runtime.db
      .selectFrom('sso_identities')
      .select('user_id')
      .where('user_id', '=', victim.info.user.id)
      .execute();
    expect(links).toEqual([]);
    // A member of this organisation with a password is linked by address and signed in.
    const member = await signUp(t.app, { organisationName: 'Acme member', email: 'member@acme.test' });
    await t.runtime.db
      .insertInto('memberships')
      .values({
        organisation_id: owner.info.organisation.id,
        user_id: member.info.user.id,
        role: 'recruiter',
        created_at: new Date().toISOString(),
      })
      .execute();
    const linked = await logIn(person({ email: 'member@acme.test' }));
    expect(linked.session).toBeDefined();
  });

  it('refuses a callback in another browser (no cookie of its start), and a callback used twice', async () => {
    const foreign = await logIn(person(), { keepCookie: false });
    expect(foreign.finish.headers.location).toBe('/signin?sso=sso_failed');
    expect(foreign.session).toBeUndefined();

    const first = await logIn(person());
    expect(first.session).toBeDefined();
    const replay = await t.app.inject({ method: 'GET', url: `${first.back.pathname}${first.back.search}` });
    expect(replay.headers.location).toBe('/signin?sso=sso_failed');
  });

  it('offers single sign-on on the sign-in page only once an organisation has it enabled', async () => {
    expect(availableBefore.json<{ available: boolean }>()).toEqual({ available: false });
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/sso/available' });
    expect(after.json<{ available: boolean }>()).toEqual({ available: true });
  });

  it('says so when no organisation signs in this domain with a provider', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sso/start',
      payload: { email: 'someone@nowhere.test' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json<ErrorJson>().code).toBe('sso_unavailable');
  });

  it('keeps the client secret to itself and refuses a plain-http issuer elsewhere than this machine', async () => {
    const read = await send(t.app, owner, { method: 'GET', url: '/api/v1/organisation/sso' });
    expect(read.body).not.toContain(idp.clientSecret);
    expect(read.json()).toMatchObject({
      settings: {
        hasClientSecret: true,
        allowedDomains: ['acme.test', 'acme-labs.test'],
        redirectUri: callback,
      },
    });
    const http = await send(t.app, owner, {
      method: 'PUT',
      url: '/api/v1/organisation/sso',
      payload: {
        enabled: true,
        issuer: 'http://login.example.com',
        clientId: 'x',
        allowedDomains: ['acme.test'],
        defaultRole: 'reviewer',
      },
    });
    expect(http.json<ErrorJson>().details?.fields?.map((f) => f.field)).toEqual(['issuer']);
    const owners = await send(t.app, owner, {
      method: 'PUT',
      url: '/api/v1/organisation/sso',
      payload: {
        enabled: true,
        issuer: idp.issuer,
        clientId: idp.clientId,
        allowedDomains: ['acme.test'],
        defaultRole: 'owner',
      },
    });
    expect(owners.statusCode).toBe(400);
  });
});
