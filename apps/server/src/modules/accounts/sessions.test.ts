import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../lib/tokens.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { createTestClock, hours, minutes, type TestClock } from '../../../test/factories/clock.ts';
import { send, signUp, type TestSession } from '../../../test/factories/session.ts';

describe('session lifetimes', () => {
  let t: TestContext;
  let clock: TestClock;
  beforeAll(async () => {
    clock = createTestClock();
    t = await createTestApp({ SESSION_IDLE_HOURS: '2', SESSION_ABSOLUTE_DAYS: '1' }, { clock });
  });
  afterAll(() => t.close());

  const me = (session: TestSession) => send(t.app, session, { method: 'GET', url: '/api/v1/auth/me' });
  const storedSession = (session: TestSession) =>
    t.runtime.db
      .selectFrom('sessions')
      .selectAll()
      .where('id', '=', hashToken(session.token))
      .executeTakeFirst();

  it('ends a session idle for longer than the idle lifetime and deletes it', async () => {
    const owner = await signUp(t.app);
    clock.advance(hours(2) - minutes(1));
    expect((await me(owner)).statusCode).toBe(200);
    clock.advance(hours(2));
    const res = await me(owner);
    expect(res.statusCode).toBe(401);
    expect(res.json<{ code: string }>().code).toBe('unauthenticated');
    expect(await storedSession(owner)).toBeUndefined();
  });

  it('keeps an active session alive past the first idle window', async () => {
    const owner = await signUp(t.app);
    for (let i = 0; i < 5; i++) {
      clock.advance(hours(1));
      expect((await me(owner)).statusCode).toBe(200);
    }
    expect((await storedSession(owner))?.last_seen_at).toBe(clock.now().toISOString());
  });

  it('writes last_seen_at at most once a minute', async () => {
    const owner = await signUp(t.app);
    const before = (await storedSession(owner))?.last_seen_at;
    clock.advance(30_000);
    await me(owner);
    expect((await storedSession(owner))?.last_seen_at).toBe(before);
    clock.advance(40_000);
    await me(owner);
    expect((await storedSession(owner))?.last_seen_at).toBe(clock.now().toISOString());
  });

  it('ends a session at its absolute lifetime however active it is', async () => {
    const owner = await signUp(t.app);
    expect((await storedSession(owner))?.expires_at).toBe(
      new Date(clock.now().getTime() + hours(24)).toISOString(),
    );
    for (let i = 0; i < 23; i++) {
      clock.advance(hours(1));
      expect((await me(owner)).statusCode).toBe(200);
    }
    clock.advance(hours(1));
    expect((await me(owner)).statusCode).toBe(401);
    expect(await storedSession(owner)).toBeUndefined();
  });

  it('refuses an expired session on a state-changing request as unauthenticated, not as a CSRF failure', async () => {
    const owner = await signUp(t.app);
    clock.advance(hours(3));
    const res = await send(t.app, owner, { method: 'POST', url: '/api/v1/auth/signout' });
    expect(res.statusCode).toBe(401);
  });

  it('purges sessions that can no longer be used', async () => {
    const stale = await signUp(t.app);
    clock.advance(hours(3));
    const fresh = await signUp(t.app);
    await t.runtime.services.accounts.purgeExpiredSessions();
    expect(await storedSession(stale)).toBeUndefined();
    expect(await storedSession(fresh)).toBeDefined();
  });
});
