import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { createTestClock, minutes, type TestClock } from '../../../test/factories/clock.ts';
import { captureJobs, type CapturedJob } from '../../../test/factories/invitation-api.ts';
import { captureMail, type CapturedMail } from '../../../test/factories/mail.ts';
import { send, signIn, signUp, uniqueEmail } from '../../../test/factories/session.ts';

const newPassword = 'amber-meadow-compass-77';

describe('password reset', () => {
  let t: TestContext;
  let clock: TestClock;
  let mail: CapturedMail;
  beforeAll(async () => {
    clock = createTestClock();
    t = await createTestApp({ PUBLIC_URL: 'https://hire.example.com' }, { clock });
    mail = captureMail(t.runtime);
    jobs = captureJobs(t.runtime);
  });
  afterAll(() => t.close());

  let jobs: CapturedJob[];
  /** Asks for a link, and runs the account.password-reset job it queued as a worker would. */
  const requestReset = async (email: string) => {
    const res = await send(t.app, null, {
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email },
    });
    await runPasswordResetJobs();
    return res;
  };
  const runPasswordResetJobs = async () => {
    for (const job of jobs.splice(0).filter((j) => j.name === 'account.password-reset')) {
      await t.runtime.services.accounts.sendPasswordResetLink(
        job.payload as { email: string; ip: string | null; userAgent: string | null },
      );
    }
  };
  const completeReset = (token: string, password = newPassword) =>
    send(t.app, null, {
      method: 'POST',
      url: '/api/v1/auth/password-reset/complete',
      payload: { token, password },
    });
  const errorCode = (res: { json: <T>() => T }) => res.json<{ code: string }>().code;

  it('answers an unknown address exactly like a known one and sends nothing', async () => {
    const before = mail.messages.length;
    const res = await requestReset(uniqueEmail('ghost'));
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ ok: true });
    expect(mail.messages).toHaveLength(before);
  });

  it('does the same work for a known and an unknown address: it queues one job and looks nothing up', async () => {
    // The request never reads the account: the job does, away from the answer. So the request's work, and
    // so its time, cannot differ between the two (a structural check, not a timing one).
    const known = (await signUp(t.app)).info.user.email;
    const ask = (email: string) =>
      send(t.app, null, { method: 'POST', url: '/api/v1/auth/password-reset', payload: { email } });
    const effectsOf = async (email: string) => {
      const resets = await t.runtime.db.selectFrom('password_resets').select('id').execute();
      const mails = mail.messages.length;
      jobs.splice(0);
      const res = await ask(email);
      const after = await t.runtime.db.selectFrom('password_resets').select('id').execute();
      return {
        status: res.statusCode,
        body: res.body,
        jobs: jobs.map((j) => ({
          name: j.name,
          keys: Object.keys(j.payload).sort(),
          email: j.payload.email,
        })),
        newResets: after.length - resets.length,
        newMails: mail.messages.length - mails,
      };
    };
    const unknown = uniqueEmail('ghost');
    const forKnown = await effectsOf(known);
    const forUnknown = await effectsOf(unknown);
    expect(forKnown).toEqual({ ...forUnknown, jobs: [{ ...forUnknown.jobs[0], email: known }] });
    expect(forKnown.jobs).toEqual([
      { name: 'account.password-reset', keys: ['email', 'ip', 'userAgent'], email: known },
    ]);
    expect(forKnown).toMatchObject({ status: 202, newResets: 0, newMails: 0 });
    jobs.splice(0);
  });

  it('resets the password through the e-mailed link and ends every session', async () => {
    const owner = await signUp(t.app);
    const email = owner.info.user.email;
    const res = await requestReset(email);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ ok: true });
    const message = mail.messages.at(-1);
    expect(message).toMatchObject({ to: email, organisationId: null });
    expect(message?.text).toContain('https://hire.example.com/reset-password?token=');
    const token = mail.lastToken(email, '/reset-password');
    const stored = await t.runtime.db.selectFrom('password_resets').select('token_hash').execute();
    expect(stored.map((r) => r.token_hash)).not.toContain(token);

    expect((await completeReset(token)).statusCode).toBe(204);
    expect((await send(t.app, owner, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    await expect(signIn(t.app, { email })).rejects.toThrow(/401/);
    const signedIn = await signIn(t.app, { email, password: newPassword });
    expect(signedIn.info.user.email).toBe(email);
  });

  it('refuses a link used once already', async () => {
    const owner = await signUp(t.app);
    await requestReset(owner.info.user.email);
    const token = mail.lastToken(owner.info.user.email, '/reset-password');
    expect((await completeReset(token)).statusCode).toBe(204);
    const again = await completeReset(token, 'another-fresh-password-9');
    expect(again.statusCode).toBe(400);
    expect(errorCode(again)).toBe('reset_link_invalid');
  });

  it('retires the older links of the account when one is used', async () => {
    const owner = await signUp(t.app);
    await requestReset(owner.info.user.email);
    const first = mail.lastToken(owner.info.user.email, '/reset-password');
    await requestReset(owner.info.user.email);
    const second = mail.lastToken(owner.info.user.email, '/reset-password');
    expect(second).not.toBe(first);
    expect((await completeReset(second)).statusCode).toBe(204);
    expect(errorCode(await completeReset(first))).toBe('reset_link_invalid');
  });

  it('refuses a link older than an hour', async () => {
    const owner = await signUp(t.app);
    await requestReset(owner.info.user.email);
    const token = mail.lastToken(owner.info.user.email, '/reset-password');
    clock.advance(minutes(61));
    const res = await completeReset(token);
    expect(res.statusCode).toBe(410);
    expect(errorCode(res)).toBe('reset_link_expired');
    await expect(signIn(t.app, { email: owner.info.user.email })).resolves.toBeDefined();
  });

  it('refuses an unknown token and a weak new password', async () => {
    expect(errorCode(await completeReset('x'.repeat(43)))).toBe('reset_link_invalid');
    const owner = await signUp(t.app);
    await requestReset(owner.info.user.email);
    const token = mail.lastToken(owner.info.user.email, '/reset-password');
    expect(errorCode(await completeReset(token, 'qwertyuiop'))).toBe('weak_password');
    // The refused attempt did not use the link up.
    expect((await completeReset(token)).statusCode).toBe(204);
  });
});

describe('password reset rate limit', () => {
  it('accepts 5 requests a minute from one address', async () => {
    const t = await createTestApp();
    try {
      captureMail(t.runtime);
      const attempt = () =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/password-reset',
          payload: { email: 'someone@example.com' },
          remoteAddress: '192.0.2.5',
        });
      for (let i = 0; i < 5; i++) expect((await attempt()).statusCode).toBe(202);
      expect((await attempt()).statusCode).toBe(429);
    } finally {
      await t.close();
    }
  });
});
