import type { Interview, Invitation } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, sendWithKey } from '../../../test/factories/api-keys.ts';
import { captureInvitationMail } from '../../../test/factories/invitation-api.ts';
import { createInterview, validQuestion } from '../../../test/factories/interviews.ts';
import { send, signUp, type TestSession } from '../../../test/factories/session.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';

describe('calling the API with an organisation key', () => {
  let t: TestContext;
  let owner: TestSession;
  let otherOwner: TestSession;
  beforeAll(async () => {
    t = await createTestApp();
    captureInvitationMail(t.runtime);
    owner = await signUp(t.app, { organisationName: 'Alpha' });
    otherOwner = await signUp(t.app, { organisationName: 'Beta' });
  });
  afterAll(() => t.close());

  it('creates an interview and invites a candidate with only the key: no cookie, no CSRF token', async () => {
    const { key } = await createApiKey(t.app, owner, { role: 'recruiter' });
    const created = await sendWithKey(t.app, key, {
      method: 'POST',
      url: '/api/v1/interviews',
      payload: { title: 'Support Engineer', roleTitle: 'Support' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const interview = created.json<Interview>();
    const question = await sendWithKey(t.app, key, {
      method: 'POST',
      url: `/api/v1/interviews/${interview.id}/questions`,
      payload: validQuestion(),
    });
    expect(question.statusCode, question.body).toBe(201);
    const invited = await sendWithKey(t.app, key, {
      method: 'POST',
      url: `/api/v1/interviews/${interview.id}/invitations`,
      payload: { name: 'Grace Hopper', email: 'grace@example.com' },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    expect(invited.json<Invitation>()).toMatchObject({ email: 'grace@example.com', status: 'invited' });

    // What the key does is recorded against the member who created it.
    const row = await t.runtime.db
      .selectFrom('interviews')
      .select(['organisation_id', 'created_by_user_id'])
      .where('id', '=', interview.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      organisation_id: owner.info.organisation.id,
      created_by_user_id: owner.info.user.id,
    });
  });

  it('refuses a revoked key and an unknown one with 401, saying the key is invalid or revoked', async () => {
    const created = await createApiKey(t.app, owner);
    const list = () => sendWithKey(t.app, created.key, { method: 'GET', url: '/api/v1/interviews' });
    expect((await list()).statusCode).toBe(200);
    await send(t.app, owner, { method: 'DELETE', url: `/api/v1/api-keys/${created.id}` });
    for (const res of [
      await list(),
      await sendWithKey(t.app, `ow_live_${'A'.repeat(43)}`, { method: 'GET', url: '/api/v1/interviews' }),
      await sendWithKey(t.app, '', { method: 'GET', url: '/api/v1/interviews' }),
    ]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({
        code: 'unauthenticated',
        message: 'The API key is invalid or has been revoked.',
      });
      expect(res.headers['www-authenticate']).toContain('Bearer');
    }
  });

  it('lets a reviewer key read interviews but not create them', async () => {
    const { key } = await createApiKey(t.app, owner, { role: 'reviewer' });
    expect((await sendWithKey(t.app, key, { method: 'GET', url: '/api/v1/interviews' })).statusCode).toBe(
      200,
    );
    const res = await sendWithKey(t.app, key, {
      method: 'POST',
      url: '/api/v1/interviews',
      payload: { title: 'Not allowed' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'forbidden' });
  });

  it("keeps a key inside its organisation: another organisation's interview is not found", async () => {
    const theirs = await createInterview(t.app, otherOwner);
    const { key } = await createApiKey(t.app, owner, { role: 'admin' });
    const res = await sendWithKey(t.app, key, { method: 'GET', url: `/api/v1/interviews/${theirs.id}` });
    expect(res.statusCode).toBe(404);
    const list = await sendWithKey(t.app, key, { method: 'GET', url: '/api/v1/interviews' });
    expect(list.json<{ interviews: Interview[] }>().interviews.map((i) => i.id)).not.toContain(theirs.id);
  });

  it('uses the key and ignores the cookie when a request carries both', async () => {
    const { key } = await createApiKey(t.app, owner, { role: 'recruiter' });
    const res = await sendWithKey(t.app, key, {
      method: 'POST',
      url: '/api/v1/interviews',
      payload: { title: 'Made with the key' },
      headers: { cookie: otherOwner.headers.cookie },
    });
    expect(res.statusCode, res.body).toBe(201);
    const row = await t.runtime.db
      .selectFrom('interviews')
      .select('organisation_id')
      .where('id', '=', res.json<Interview>().id)
      .executeTakeFirstOrThrow();
    expect(row.organisation_id).toBe(owner.info.organisation.id);
  });
});
