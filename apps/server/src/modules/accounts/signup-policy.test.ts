import type { SessionInfo } from '@oneway/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { captureMail, type CapturedMail } from '../../../test/factories/mail.ts';
import {
  createSignUpInvitation,
  send,
  sessionFrom,
  signUp,
  testPassword,
  uniqueEmail,
} from '../../../test/factories/session.ts';

interface ErrorJson {
  code: string;
  message: string;
  details?: { fields?: { field: string }[] };
}

const payloadFor = (email: string, overrides: Record<string, unknown> = {}) => ({
  organisationName: 'Stranger Things Ltd',
  name: 'Sam Stranger',
  email,
  password: testPassword,
  ...overrides,
});

describe('sign-up on a default instance (SIGNUP unset: closed once an organisation exists)', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const signUpAs = (payload: object) =>
    send(t.app, null, { method: 'POST', url: '/api/v1/auth/signup', payload });

  it('lets the first account in at once, as the instance administrator, and then no stranger', async () => {
    const policy = await send(t.app, null, { method: 'GET', url: '/api/v1/auth/signup-policy' });
    expect(policy.json()).toEqual({ mode: 'closed', firstAccount: true });
    const first = await signUpAs(payloadFor(uniqueEmail('operator'), { organisationName: 'Operator' }));
    expect(first.statusCode).toBe(201);
    expect(first.json<SessionInfo>().instanceAdmin).toBe(true);
    expect((await send(t.app, null, { method: 'GET', url: '/api/v1/auth/signup-policy' })).json()).toEqual({
      mode: 'closed',
      firstAccount: false,
    });

    const stranger = await signUpAs(payloadFor(uniqueEmail('stranger')));
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json<ErrorJson>()).toMatchObject({
      code: 'signup_closed',
      message: expect.stringContaining('Ask its administrator for an invitation') as string,
    });
    expect(stranger.cookies).toHaveLength(0);
    const organisations = await t.runtime.db.selectFrom('organisations').select('name').execute();
    expect(organisations.map((o) => o.name)).not.toContain('Stranger Things Ltd');
    // Whether the address has an account plays no part: the refusal comes first.
    const existing = await signUpAs(payloadFor(first.json<SessionInfo>().user.email));
    const withoutId = ({ requestId: _id, ...rest }: ErrorJson & { requestId: string }) => rest;
    expect(existing.statusCode).toBe(403);
    expect(withoutId(existing.json())).toEqual(withoutId(stranger.json()));
  });

  it('lets in whoever holds an invitation, for its address only, once', async () => {
    const email = uniqueEmail('invited');
    const token = await createSignUpInvitation(t.app, email);
    const preview = await send(t.app, null, {
      method: 'GET',
      url: `/api/v1/instance-invitations/preview?token=${token}`,
    });
    expect(preview.json()).toEqual({ email });
    const other = await signUpAs(payloadFor(uniqueEmail('someone-else'), { invitationToken: token }));
    expect(other.statusCode).toBe(400);
    expect(other.json<ErrorJson>().details?.fields?.map((f) => f.field)).toEqual(['email']);
    const owner = sessionFrom(await signUpAs(payloadFor(email, { invitationToken: token })));
    expect(owner.info.instanceAdmin).toBe(false);
    const again = await signUpAs(payloadFor(uniqueEmail('again'), { invitationToken: token }));
    expect(again.statusCode).toBe(404);
    expect(again.json<ErrorJson>().code).toBe('instance_invitation_invalid');
  });
});

describe('sign-up with SIGNUP=invite', () => {
  it('refuses a sign-up without an invitation, saying one is needed', async () => {
    const t = await createTestApp({ SIGNUP: 'invite' });
    try {
      await signUp(t.app);
      const res = await send(t.app, null, {
        method: 'POST',
        url: '/api/v1/auth/signup',
        payload: payloadFor(uniqueEmail('nobody')),
      });
      expect(res.statusCode).toBe(403);
      expect(res.json<ErrorJson>().message).toContain('needs an invitation');
    } finally {
      await t.close();
    }
  });
});

describe('sign-up with SIGNUP=open', () => {
  let t: TestContext;
  let mail: CapturedMail;
  beforeAll(async () => {
    t = await createTestApp({ SIGNUP: 'open', PUBLIC_URL: 'https://hire.example.com' });
    await signUp(t.app);
    mail = captureMail(t.runtime);
  });
  afterAll(() => t.close());
  afterEach(() => {
    mail.messages.splice(0);
  });
  const signUpAs = (payload: object) =>
    send(t.app, null, { method: 'POST', url: '/api/v1/auth/signup', payload });
  const confirmToken = (email: string) => {
    const text = mail.to(email).at(-1)?.text ?? '';
    return /\/signup\/confirm\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1];
  };

  it('creates nothing until the address is confirmed from the e-mailed link, then signs the owner in', async () => {
    const email = uniqueEmail('newcomer');
    const res = await signUpAs(payloadFor(email, { organisationName: 'Newcomer Co' }));
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'confirm_email' });
    expect(res.cookies).toHaveLength(0);
    const organisations = () => t.runtime.db.selectFrom('organisations').select('name').execute();
    expect((await organisations()).map((o) => o.name)).not.toContain('Newcomer Co');
    // No organisation, so nothing can be sent in its name until the address is proven.
    const token = confirmToken(email);
    expect(token).toBeDefined();
    const confirmed = await send(t.app, null, {
      method: 'POST',
      url: '/api/v1/auth/signup/confirm',
      payload: { token },
    });
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json<SessionInfo>()).toMatchObject({
      user: { email },
      organisation: { name: 'Newcomer Co' },
    });
    const twice = await send(t.app, null, {
      method: 'POST',
      url: '/api/v1/auth/signup/confirm',
      payload: { token },
    });
    expect(twice.json<ErrorJson>().code).toBe('signup_link_invalid');
  });

  it('answers an address that has an account exactly as a new one, and tells its owner instead', async () => {
    const existing = (await signUp(t.app)).info.user.email;
    const fresh = uniqueEmail('fresh');
    const effectsOf = async (email: string) => {
      const before = await t.runtime.db.selectFrom('pending_signups').select('id').execute();
      const res = await signUpAs(payloadFor(email));
      const after = await t.runtime.db.selectFrom('pending_signups').select('id').execute();
      return {
        status: res.statusCode,
        body: res.json<unknown>(),
        cookies: res.cookies.length,
        pendingRows: after.length - before.length,
        mails: mail.to(email).length,
      };
    };
    const forExisting = await effectsOf(existing);
    const forFresh = await effectsOf(fresh);
    expect(forExisting).toEqual(forFresh);
    expect(forExisting).toEqual({
      status: 202,
      body: { status: 'confirm_email' },
      cookies: 0,
      pendingRows: 1,
      mails: 1,
    });
    expect(mail.to(existing)[0]?.subject).toBe('Someone tried to sign up to Oneway with your address');
    expect(mail.to(existing)[0]?.text).toContain('https://hire.example.com/forgot-password');
    expect(confirmToken(existing)).toBeUndefined();
    expect(confirmToken(fresh)).toBeDefined();
  });

  it('sends one address at most three confirmation e-mails an hour, whoever asks', async () => {
    const email = uniqueEmail('flooded');
    for (let i = 0; i < 5; i++) expect((await signUpAs(payloadFor(email))).statusCode).toBe(202);
    expect(mail.to(email)).toHaveLength(3);
  });
});

describe('INSTANCE_ADMINS', () => {
  it('names the administrators, who sign up by confirming their address even when sign-up is closed', async () => {
    const admin = uniqueEmail('named-admin');
    const t = await createTestApp({ INSTANCE_ADMINS: `other@example.com, ${admin.toUpperCase()}` });
    try {
      // No "first account in at once" here: the page must not offer what the server will refuse.
      const policy = await t.app.inject({ method: 'GET', url: '/api/v1/auth/signup-policy' });
      expect(policy.json()).toEqual({ mode: 'closed', firstAccount: false });
      const mail = captureMail(t.runtime);
      const first = await signUp(t.app);
      expect(first.info.instanceAdmin).toBe(false);
      const res = await send(t.app, null, {
        method: 'POST',
        url: '/api/v1/auth/signup',
        payload: payloadFor(admin),
      });
      expect(res.statusCode).toBe(202);
      const token = /token=([A-Za-z0-9_-]+)/.exec(mail.to(admin)[0]?.text ?? '')?.[1];
      const confirmed = await send(t.app, null, {
        method: 'POST',
        url: '/api/v1/auth/signup/confirm',
        payload: { token },
      });
      expect(confirmed.json<SessionInfo>().instanceAdmin).toBe(true);
    } finally {
      await t.close();
    }
  });
});
