import { createHash } from 'node:crypto';
import type { ApiKey } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../../test/factories/api-keys.ts';
import { expectFieldRefused } from '../../../test/factories/interviews.ts';
import { captureMail } from '../../../test/factories/mail.ts';
import { addMember } from '../../../test/factories/member.ts';
import { send, signUp, type TestSession } from '../../../test/factories/session.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';

describe('managing API keys', () => {
  let t: TestContext;
  let owner: TestSession;
  let admin: TestSession;
  let recruiter: TestSession;
  let reviewer: TestSession;
  let otherOwner: TestSession;
  beforeAll(async () => {
    t = await createTestApp();
    const mail = captureMail(t.runtime);
    owner = await signUp(t.app, { organisationName: 'Keyholders' });
    admin = await addMember(t.app, mail, owner, 'admin');
    recruiter = await addMember(t.app, mail, owner, 'recruiter');
    reviewer = await addMember(t.app, mail, owner, 'reviewer');
    otherOwner = await signUp(t.app, { organisationName: 'Elsewhere' });
  });
  afterAll(() => t.close());

  const list = async (session: TestSession) => {
    const res = await send(t.app, session, { method: 'GET', url: '/api/v1/api-keys' });
    expect(res.statusCode, res.body).toBe(200);
    return { body: res.body, apiKeys: res.json<{ apiKeys: ApiKey[] }>().apiKeys };
  };

  it('shows a new key once: the answer holds it, the list and the database only its prefix and hash', async () => {
    const created = await createApiKey(t.app, owner, { name: 'Greenhouse', role: 'admin' });
    expect(created.key).toMatch(/^ow_live_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({
      name: 'Greenhouse',
      role: 'admin',
      status: 'active',
      prefix: created.key.slice(0, 12),
      createdBy: { id: owner.info.user.id, name: 'Olivia Owner' },
      lastUsedAt: null,
      revokedAt: null,
    });

    const { body, apiKeys } = await list(owner);
    expect(apiKeys.find((k) => k.id === created.id)).toMatchObject({ prefix: created.key.slice(0, 12) });
    expect(body).not.toContain(created.key);
    expect(body).not.toContain('"key"');

    const row = await t.runtime.db
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(createHash('sha256').update(created.key).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(created.key);
  });

  it('lets owners and admins manage keys, and nobody else', async () => {
    const byAdmin = await createApiKey(t.app, admin, { name: 'Reporting', role: 'reviewer' });
    expect(byAdmin.createdBy.id).toBe(admin.info.user.id);
    for (const session of [recruiter, reviewer]) {
      const refused = [
        await send(t.app, session, { method: 'GET', url: '/api/v1/api-keys' }),
        await send(t.app, session, {
          method: 'POST',
          url: '/api/v1/api-keys',
          payload: { name: 'Mine', role: 'reviewer' },
        }),
        await send(t.app, session, { method: 'DELETE', url: `/api/v1/api-keys/${byAdmin.id}` }),
      ];
      expect(refused.map((r) => r.statusCode)).toEqual([403, 403, 403]);
    }
    expect((await send(t.app, null, { method: 'GET', url: '/api/v1/api-keys' })).statusCode).toBe(401);
    expect((await list(owner)).apiKeys.find((k) => k.id === byAdmin.id)?.status).toBe('active');
  });

  it('refuses a key acting as owner and a key without a name, naming each field', async () => {
    const post = (payload: object) =>
      send(t.app, owner, { method: 'POST', url: '/api/v1/api-keys', payload });
    expectFieldRefused(await post({ name: 'Too strong', role: 'owner' }), 'role');
    expectFieldRefused(await post({ name: '   ', role: 'admin' }), 'name');
    expectFieldRefused(await post({ name: 'x'.repeat(81), role: 'admin' }), 'name');
  });

  it('revokes a key for good: it stays listed as revoked, revoking again changes nothing', async () => {
    const created = await createApiKey(t.app, owner, { name: 'Old integration' });
    const revoke = () => send(t.app, admin, { method: 'DELETE', url: `/api/v1/api-keys/${created.id}` });
    expect((await revoke()).statusCode).toBe(204);
    const revoked = (await list(owner)).apiKeys.find((k) => k.id === created.id);
    expect(revoked).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) as string });
    expect((await revoke()).statusCode).toBe(204);
    expect((await list(owner)).apiKeys.find((k) => k.id === created.id)?.revokedAt).toBe(revoked?.revokedAt);

    const events = await t.runtime.db
      .selectFrom('audit_events')
      .select(['action', 'actor_user_id'])
      .where('target_id', '=', created.id)
      .orderBy('action')
      .execute();
    expect(events).toEqual([
      { action: 'api_key.created', actor_user_id: owner.info.user.id },
      { action: 'api_key.revoked', actor_user_id: admin.info.user.id },
    ]);
  });

  it("neither lists nor revokes another organisation's keys", async () => {
    const created = await createApiKey(t.app, owner, { name: 'Ours' });
    const res = await send(t.app, otherOwner, { method: 'DELETE', url: `/api/v1/api-keys/${created.id}` });
    expect(res.statusCode).toBe(404);
    expect((await list(otherOwner)).apiKeys).toEqual([]);
    expect((await list(owner)).apiKeys.find((k) => k.id === created.id)?.status).toBe('active');
  });
});
