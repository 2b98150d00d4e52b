import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { createTestClock, hours, type TestClock } from '../../../test/factories/clock.ts';
import { captureMail, type CapturedMail } from '../../../test/factories/mail.ts';
import { signUp, testPassword, uniqueEmail } from '../../../test/factories/session.ts';
import { throttleDelaySeconds } from './sign-in-throttle.ts';

interface ErrorJson {
  code: string;
  message: string;
  details?: { retryAfterSeconds?: number };
}

describe('throttleDelaySeconds', () => {
  it('grows by doubling after the free failures, up to its cap', () => {
    expect([0, 1, 2].map((n) => throttleDelaySeconds('pair', n))).toEqual([0, 0, 0]);
    expect([3, 4, 5, 6].map((n) => throttleDelaySeconds('pair', n))).toEqual([1, 2, 4, 8]);
    expect(throttleDelaySeconds('pair', 40)).toBe(15 * 60);
    expect(throttleDelaySeconds('account', 10)).toBe(1);
    expect(throttleDelaySeconds('account', 40)).toBe(30);
  });
});

describe('sign-in throttling per account and per address', () => {
  let t: TestContext;
  let clock: TestClock;
  let mail: CapturedMail;
  beforeAll(async () => {
    clock = createTestClock();
    t = await createTestApp({ PUBLIC_URL: 'https://hire.example.com' }, { clock });
    mail = captureMail(t.runtime);
  });
  afterAll(() => t.close());

  const signInFrom = (ip: string, email: string, password = 'not-the-password-1') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signin',
      payload: { email, password },
      remoteAddress: ip,
    });
  const seconds = (n: number) => clock.advance(n * 1000);

  it('makes one address wait longer after each further failure on an account, and says how long', async () => {
    const { email } = (await signUp(t.app)).info.user;
    for (let i = 0; i < 3; i++) expect((await signInFrom('198.51.100.1', email)).statusCode).toBe(401);
    const slowed = await signInFrom('198.51.100.1', email, testPassword);
    expect(slowed.statusCode).toBe(429);
    expect(slowed.headers['retry-after']).toBe('1');
    expect(slowed.json<ErrorJson>()).toMatchObject({
      code: 'sign_in_throttled',
      message: expect.stringContaining('Wait 1 seconds') as string,
    });
    seconds(1);
    expect((await signInFrom('198.51.100.1', email)).statusCode).toBe(401);
    expect((await signInFrom('198.51.100.1', email)).headers['retry-after']).toBe('2');
    seconds(2);
    // The right password after the wait: in, and the account's count starts again.
    expect((await signInFrom('198.51.100.1', email, testPassword)).statusCode).toBe(200);
    expect((await signInFrom('198.51.100.1', email)).statusCode).toBe(401);
  });

  it('does not slow the account’s owner down on another address while one address is slowed', async () => {
    const { email } = (await signUp(t.app)).info.user;
    for (let i = 0; i < 6; i++) {
      if (i > 0) seconds(20);
      expect((await signInFrom('198.51.100.2', email)).statusCode).toBe(401);
    }
    expect((await signInFrom('198.51.100.2', email, testPassword)).statusCode).toBe(429);
    expect((await signInFrom('203.0.113.9', email, testPassword)).statusCode).toBe(200);
  });

  it('slows guesses spread over many addresses by at most 30 s, and never for an address the owner uses', async () => {
    const owner = await signUp(t.app);
    const { email } = owner.info.user;
    // The owner is signed in from 192.0.2.200 (a session from there).
    expect((await signInFrom('192.0.2.200', email, testPassword)).statusCode).toBe(200);
    for (let i = 0; i < 40; i++) await signInFrom(`10.9.${Math.floor(i / 200)}.${i + 1}`, email);
    const fromNewAddress = await signInFrom('203.0.113.50', email, testPassword);
    expect(fromNewAddress.statusCode).toBe(429);
    expect(Number(fromNewAddress.headers['retry-after'])).toBeLessThanOrEqual(30);
    expect((await signInFrom('192.0.2.200', email, testPassword)).statusCode).toBe(200);
    seconds(30);
    expect((await signInFrom('203.0.113.50', email, testPassword)).statusCode).toBe(200);
  });

  it('slows an address that tries many accounts (credential stuffing)', async () => {
    // Through the service: the HTTP limit of 10 a minute would answer first within one test's minute.
    const attempt = () =>
      t.runtime.services.accounts.signIn({
        input: { email: uniqueEmail('stuffed'), password: 'not-the-password-1' },
        client: { ip: '198.51.100.3', userAgent: null },
      });
    for (let i = 0; i < 20; i++)
      await expect(attempt()).rejects.toMatchObject({ code: 'invalid_credentials' });
    await expect(attempt()).rejects.toMatchObject({ code: 'sign_in_throttled' });
  });

  it('answers an unknown address exactly as a known one while slowed', async () => {
    const { email } = (await signUp(t.app)).info.user;
    const unknown = uniqueEmail('ghost');
    for (let i = 0; i < 3; i++) {
      await signInFrom('198.51.100.4', email);
      await signInFrom('198.51.100.5', unknown);
    }
    const known = await signInFrom('198.51.100.4', email);
    const ghost = await signInFrom('198.51.100.5', unknown);
    expect([known.statusCode, ghost.statusCode]).toEqual([429, 429]);
    expect(known.json<ErrorJson>().message).toBe(ghost.json<ErrorJson>().message);
  });

  it('tells the account’s owner by e-mail after five failures in a row, then at most once a day', async () => {
    const { email } = (await signUp(t.app)).info.user;
    const notices = () => mail.to(email, /Failed sign-ins/);
    for (let i = 0; i < 4; i++) {
      await signInFrom(`198.51.100.${10 + i}`, email);
    }
    expect(notices()).toHaveLength(0);
    await signInFrom('198.51.100.20', email);
    expect(notices()).toHaveLength(1);
    expect(notices()[0]).toMatchObject({ organisationId: null });
    expect(notices()[0]?.text).toContain('https://hire.example.com/forgot-password');
    for (let i = 0; i < 5; i++) await signInFrom(`198.51.100.${30 + i}`, email);
    expect(notices()).toHaveLength(1);
    clock.advance(hours(25));
    for (let i = 0; i < 5; i++) await signInFrom(`198.51.100.${40 + i}`, email);
    expect(notices()).toHaveLength(2);
    // Nobody to tell about an address without an account.
    const ghost = uniqueEmail('ghost');
    for (let i = 0; i < 6; i++) await signInFrom(`198.51.100.${50 + i}`, ghost);
    expect(mail.to(ghost)).toHaveLength(0);
  });
});
