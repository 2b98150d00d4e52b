import type { AccountSecurity, RecoveryCodes, SessionInfo, SignInNextStep, TotpSetup } from '@oneway/shared';
import type { LightMyRequestResponse } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { createTestClock, minutes, type TestClock } from '../../../test/factories/clock.ts';
import { captureMail } from '../../../test/factories/mail.ts';
import { addMember } from '../../../test/factories/member.ts';
import {
  randomIp,
  send,
  sessionFrom,
  signUp,
  testPassword,
  type TestSession,
} from '../../../test/factories/session.ts';

interface ErrorJson {
  code: string;
  message: string;
}

/** The code an authenticator app shows for `secret` at `clock`'s time, from the otpauth library. */
const codeAt = (secret: string, clock: TestClock) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: clock.now().getTime(),
  });

const cookieOf = (res: LightMyRequestResponse, suffix: string) =>
  res.cookies.find((c) => c.name.endsWith(suffix) && c.value !== '');

describe('second factor: authenticator app (TOTP) and recovery codes', () => {
  let t: TestContext;
  let clock: TestClock;
  beforeAll(async () => {
    clock = createTestClock();
    t = await createTestApp({}, { clock });
  });
  afterAll(() => t.close());

  /** Password sign-in: 200 with the session, or 202 with the next step and its pending cookie. */
  const signInWithPassword = async (email: string, ip = randomIp()) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signin',
      payload: { email, password: testPassword },
      remoteAddress: ip,
    });
    const pending = cookieOf(res, 'oneway_pending');
    return { res, pendingCookie: pending ? `${pending.name}=${pending.value}` : '' };
  };
  const step = (url: string, pendingCookie: string, payload?: object, ip = randomIp()) =>
    t.app.inject({ method: 'POST', url, headers: { cookie: pendingCookie }, payload, remoteAddress: ip });

  async function setUpTotp(owner: TestSession): Promise<{ secret: string; recoveryCodes: string[] }> {
    const setup = await send(t.app, owner, { method: 'POST', url: '/api/v1/account/totp' });
    const { secret, uri } = setup.json<TotpSetup>();
    expect(uri).toMatch(/^otpauth:\/\/totp\/Oneway:.+\?.*secret=/);
    const wrong = await send(t.app, owner, {
      method: 'POST',
      url: '/api/v1/account/totp/confirm',
      payload: { code: codeAt(secret, clock) === '000000' ? '111111' : '000000' },
    });
    expect(wrong.json<ErrorJson>().code).toBe('second_factor_invalid');
    const confirmed = await send(t.app, owner, {
      method: 'POST',
      url: '/api/v1/account/totp/confirm',
      payload: { code: codeAt(secret, clock) },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    return { secret, recoveryCodes: confirmed.json<RecoveryCodes>().codes };
  }

  it('asks for a code from the app after the password, and accepts each code once', async () => {
    const owner = await signUp(t.app);
    const { secret, recoveryCodes } = await setUpTotp(owner);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = await t.runtime.db.selectFrom('recovery_codes').select('code_hash').execute();
    expect(stored.map((r) => r.code_hash).join()).not.toContain(recoveryCodes[0]?.replace('-', ''));

    const { res, pendingCookie } = await signInWithPassword(owner.info.user.email);
    expect(res.statusCode).toBe(202);
    expect(res.json<SignInNextStep>()).toEqual({ next: 'second_factor', methods: ['totp', 'recovery_code'] });
    expect(cookieOf(res, 'oneway_session')).toBeUndefined();
    expect(cookieOf(res, 'oneway_pending')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

    clock.advance(60_000);
    const code = codeAt(secret, clock);
    const signedIn = await step('/api/v1/auth/signin/totp', pendingCookie, { code });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    const session = sessionFrom(signedIn);
    expect(session.info.user.id).toBe(owner.info.user.id);

    // The same code again, in a new sign-in within its 30 seconds: refused (no replay).
    const again = await signInWithPassword(owner.info.user.email);
    const replay = await step('/api/v1/auth/signin/totp', again.pendingCookie, { code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json<ErrorJson>().code).toBe('second_factor_invalid');
  });

  it('accepts each recovery code once, in any case and with or without its dash', async () => {
    const owner = await signUp(t.app);
    const { recoveryCodes } = await setUpTotp(owner);
    const code = recoveryCodes[3] ?? '';
    const first = await signInWithPassword(owner.info.user.email);
    const used = await step('/api/v1/auth/signin/recovery-code', first.pendingCookie, {
      code: ` ${code.toUpperCase().replace('-', ' ')} `,
    });
    expect(used.statusCode, used.body).toBe(200);
    const security = await send(t.app, sessionFrom(used), { method: 'GET', url: '/api/v1/account/security' });
    expect(security.json<AccountSecurity>()).toMatchObject({ totp: true, recoveryCodesLeft: 9 });
    const second = await signInWithPassword(owner.info.user.email);
    const reused = await step('/api/v1/auth/signin/recovery-code', second.pendingCookie, { code });
    expect(reused.json<ErrorJson>().code).toBe('second_factor_invalid');
  });

  it('ends a pending sign-in after five wrong codes or ten minutes: the password is asked again', async () => {
    const mail = captureMail(t.runtime);
    const owner = await signUp(t.app);
    const { secret } = await setUpTotp(owner);
    const ip = randomIp();
    const { pendingCookie } = await signInWithPassword(owner.info.user.email, ip);
    for (let i = 0; i < 5; i++) {
      await step('/api/v1/auth/signin/totp', pendingCookie, { code: String(100000 + i) }, randomIp());
    }
    const late = await step('/api/v1/auth/signin/totp', pendingCookie, { code: codeAt(secret, clock) });
    expect(late.json<ErrorJson>().code).toBe('sign_in_expired');
    // The owner is told, and told the truth: the password was right, so it must change.
    const notices = mail.to(owner.info.user.email, /Failed sign-ins/);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.subject).toContain('change your password');
    expect(notices[0]?.text).toContain('entered your password\ncorrectly');
    expect(notices[0]?.text).not.toContain('wrong password');

    clock.advance(minutes(2));
    const fresh = await signInWithPassword(owner.info.user.email, randomIp());
    clock.advance(minutes(11));
    const expired = await step('/api/v1/auth/signin/totp', fresh.pendingCookie, {
      code: codeAt(secret, clock),
    });
    expect(expired.json<ErrorJson>().code).toBe('sign_in_expired');
    // No cookie, no second step.
    const none = await step('/api/v1/auth/signin/totp', '', { code: codeAt(secret, clock) });
    expect(none.json<ErrorJson>().code).toBe('sign_in_expired');
  });

  it('keeps counting wrong codes when the password is entered again: a known password does not reset them', async () => {
    const owner = await signUp(t.app);
    await setUpTotp(owner);
    const ip = randomIp();
    for (let round = 0; round < 2; round++) {
      const { pendingCookie } = await signInWithPassword(owner.info.user.email, ip);
      // Two a round: fewer than one address may fail on one account before it waits.
      for (let i = 0; i < 2; i++) {
        await step('/api/v1/auth/signin/totp', pendingCookie, { code: String(200000 + i) }, ip);
      }
    }
    const third = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signin',
      payload: { email: owner.info.user.email, password: testPassword },
      remoteAddress: ip,
    });
    expect(third.statusCode, third.body).toBe(429);
    expect(third.json<ErrorJson>().code).toBe('sign_in_throttled');
  });

  it('asks for the password again before changing how one signs in, 15 minutes after signing in', async () => {
    const owner = await signUp(t.app);
    await setUpTotp(owner);
    clock.advance(minutes(16));
    const changes = [
      { method: 'POST', url: '/api/v1/account/totp' },
      { method: 'DELETE', url: '/api/v1/account/totp' },
      { method: 'POST', url: '/api/v1/account/recovery-codes' },
      { method: 'POST', url: '/api/v1/account/passkeys/options' },
      { method: 'DELETE', url: '/api/v1/account/passkeys/some-passkey' },
    ] as const;
    for (const change of changes) {
      const refused = await send(t.app, owner, change);
      expect(refused.statusCode, `${change.method} ${change.url}`).toBe(403);
      expect(refused.json<ErrorJson>()).toMatchObject({
        code: 'reauthentication_required',
        message: 'Enter your password again to change how you sign in.',
      });
    }
    // Reading is not a change.
    expect((await send(t.app, owner, { method: 'GET', url: '/api/v1/account/security' })).statusCode).toBe(
      200,
    );

    const confirm = (password: string) =>
      send(t.app, owner, { method: 'POST', url: '/api/v1/account/confirm-password', payload: { password } });
    const wrong = await confirm('not-my-password');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json<ErrorJson>().code).toBe('invalid_credentials');
    expect((await send(t.app, owner, changes[2])).statusCode).toBe(403);
    expect((await confirm(testPassword)).statusCode).toBe(204);
    const renewed = await send(t.app, owner, changes[2]);
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect(renewed.json<RecoveryCodes>().codes.length).toBeGreaterThan(0);

    // The confirmation lasts as long as a sign-in does, then is asked for again.
    clock.advance(minutes(16));
    expect((await send(t.app, owner, changes[1])).statusCode).toBe(403);
  });

  it('leads a member without a second factor to set one up when the organisation requires it', async () => {
    const mail = captureMail(t.runtime);
    const owner = await signUp(t.app);
    const recruiter = await addMember(t.app, mail, owner, 'recruiter');
    const required = await send(t.app, owner, {
      method: 'PUT',
      url: '/api/v1/organisation/security',
      payload: { requireSecondFactor: true },
    });
    expect(required.json()).toEqual({ requireSecondFactor: true });
    const forbidden = await send(t.app, recruiter, {
      method: 'PUT',
      url: '/api/v1/organisation/security',
      payload: { requireSecondFactor: false },
    });
    expect(forbidden.statusCode).toBe(403);

    const { res, pendingCookie } = await signInWithPassword(recruiter.info.user.email);
    expect(res.statusCode).toBe(202);
    expect(res.json<SignInNextStep>()).toEqual({
      next: 'set_up_second_factor',
      organisationName: owner.info.organisation.name,
    });
    // The pending sign-in only sets a factor up: it is no session.
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: pendingCookie },
    });
    expect(me.statusCode).toBe(401);
    const setup = await step('/api/v1/auth/signin/set-up/totp', pendingCookie);
    const { secret } = setup.json<TotpSetup>();
    const done = await step('/api/v1/auth/signin/set-up/totp/confirm', pendingCookie, {
      code: codeAt(secret, clock),
    });
    expect(done.statusCode, done.body).toBe(200);
    const body = done.json<{ session: SessionInfo; recoveryCodes: string[] }>();
    expect(body.session.user.id).toBe(recruiter.info.user.id);
    expect(body.recoveryCodes).toHaveLength(10);
    expect(cookieOf(done, 'oneway_session')).toBeDefined();

    // Removing the only factor is refused while the organisation requires one.
    clock.advance(31_000);
    const again = await signInWithPassword(recruiter.info.user.email);
    const session = sessionFrom(
      await step('/api/v1/auth/signin/totp', again.pendingCookie, { code: codeAt(secret, clock) }),
    );
    const removed = await send(t.app, session, { method: 'DELETE', url: '/api/v1/account/totp' });
    expect(removed.statusCode).toBe(400);
    expect(removed.json<ErrorJson>().message).toContain('requires a second factor');
  });

  it('keeps the password change to the session that made it and tells the owner', async () => {
    const mail = captureMail(t.runtime);
    const owner = await signUp(t.app);
    const other = sessionFrom((await signInWithPassword(owner.info.user.email)).res);
    const wrong = await send(t.app, owner, {
      method: 'POST',
      url: '/api/v1/account/password',
      payload: { currentPassword: 'not-it-at-all-1', newPassword: 'granite-orchid-satchel-88' },
    });
    expect(wrong.json<ErrorJson>().code).toBe('wrong_password');
    const weak = await send(t.app, owner, {
      method: 'POST',
      url: '/api/v1/account/password',
      payload: { currentPassword: testPassword, newPassword: 'Summer2024!' },
    });
    expect(weak.json<ErrorJson>().code).toBe('weak_password');
    const changed = await send(t.app, owner, {
      method: 'POST',
      url: '/api/v1/account/password',
      payload: { currentPassword: testPassword, newPassword: 'granite-orchid-satchel-88' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await send(t.app, owner, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
    expect((await send(t.app, other, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    expect(mail.to(owner.info.user.email, /password was changed/)).toHaveLength(1);
    const withNew = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signin',
      payload: { email: owner.info.user.email, password: 'granite-orchid-satchel-88' },
      remoteAddress: randomIp(),
    });
    expect(withNew.statusCode).toBe(200);
  });
});
