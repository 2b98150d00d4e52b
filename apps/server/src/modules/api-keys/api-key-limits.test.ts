import type { ApiKey } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, sendWithKey } from '../../../test/factories/api-keys.ts';
import { createTestClock, minutes, type TestClock } from '../../../test/factories/clock.ts';
import { captureMail } from '../../../test/factories/mail.ts';
import { addMember } from '../../../test/factories/member.ts';
import { send, signUp, type TestSession } from '../../../test/factories/session.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { apiKeyRequestsPerMinute } from './api-key-auth.ts';

describe('what an API key may do, how often, and for how long', () => {
  let t: TestContext;
  let clock: TestClock;
  let owner: TestSession;
  beforeAll(async () => {
    clock = createTestClock();
    t = await createTestApp({}, { clock });
    owner = await signUp(t.app, { organisationName: 'Alpha' });
  });
  afterAll(() => t.close());

  const keyRow = (id: string) =>
    t.runtime.db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('keeps keys away from signing in and out, the team and API keys', async () => {
    const { key } = await createApiKey(t.app, owner, { role: 'admin' });
    const refused = [
      await sendWithKey(t.app, key, { method: 'GET', url: '/api/v1/auth/me' }),
      await sendWithKey(t.app, key, { method: 'POST', url: '/api/v1/auth/signout-everywhere' }),
      await sendWithKey(t.app, key, { method: 'GET', url: '/api/v1/members' }),
      await sendWithKey(t.app, key, { method: 'GET', url: '/api/v1/%6Dembers' }),
      await sendWithKey(t.app, key, {
        method: 'POST',
        url: '/api/v1/members/invitations',
        payload: { email: 'mallory@example.com', role: 'admin' },
      }),
      await sendWithKey(t.app, key, {
        method: 'POST',
        url: '/api/v1/api-keys',
        payload: { name: 'Another', role: 'admin' },
      }),
    ];
    expect(refused.map((r) => r.statusCode)).toEqual([403, 403, 403, 403, 403, 403]);
    expect((await send(t.app, owner, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
  });

  it('stops working once its creator is no longer an owner or admin', async () => {
    const admin = await addMember(t.app, captureMail(t.runtime), owner, 'admin');
    const created = await createApiKey(t.app, admin, { role: 'recruiter' });
    const use = () => sendWithKey(t.app, created.key, { method: 'GET', url: '/api/v1/interviews' });
    expect((await use()).statusCode).toBe(200);
    await send(t.app, owner, {
      method: 'PATCH',
      url: `/api/v1/members/${admin.info.user.id}`,
      payload: { role: 'reviewer' },
    });
    expect((await use()).statusCode).toBe(401);
    const listed = (await send(t.app, owner, { method: 'GET', url: '/api/v1/api-keys' }))
      .json<{ apiKeys: ApiKey[] }>()
      .apiKeys.find((k) => k.id === created.id);
    expect(listed?.status).toBe('inactive');
  });

  it('records when a key was last used, writing at most once a minute', async () => {
    const created = await createApiKey(t.app, owner);
    const use = () => sendWithKey(t.app, created.key, { method: 'GET', url: '/api/v1/organisation' });
    await use();
    const first = (await keyRow(created.id)).last_used_at;
    expect(first).toBe(clock.now().toISOString());
    clock.advance(minutes(1) - 1);
    await use();
    expect((await keyRow(created.id)).last_used_at).toBe(first);
    clock.advance(1);
    await use();
    expect((await keyRow(created.id)).last_used_at).toBe(clock.now().toISOString());
  });

  it(`limits each key to ${apiKeyRequestsPerMinute} requests a minute, then answers 429 with Retry-After`, async () => {
    const busy = await createApiKey(t.app, owner);
    const quiet = await createApiKey(t.app, owner);
    const use = (key: string) => sendWithKey(t.app, key, { method: 'GET', url: '/api/v1/organisation' });
    for (let sent = 0; sent < apiKeyRequestsPerMinute; sent += 50) {
      const batch = await Promise.all(Array.from({ length: 50 }, () => use(busy.key)));
      expect(batch.every((r) => r.statusCode === 200)).toBe(true);
    }
    const limited = await use(busy.key);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'rate_limited' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await use(quiet.key)).statusCode).toBe(200);
  });
  it('is described in the OpenAPI document on the routes a key may call', async () => {
    const res = await send(t.app, null, { method: 'GET', url: '/api/openapi.json' });
    type Operation = { security?: Record<string, string[]>[] };
    const doc = res.json<{
      components: { securitySchemes: Record<string, { type: string; scheme?: string }> };
      paths: Record<string, Record<string, Operation>>;
    }>();
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/api/v1/interviews']?.post?.security).toContainEqual({ bearer: [] });
    expect(doc.paths['/api/v1/api-keys']?.post?.security).not.toContainEqual({ bearer: [] });
    expect(doc.paths['/api/v1/members']?.get?.security).not.toContainEqual({ bearer: [] });
  });
});
