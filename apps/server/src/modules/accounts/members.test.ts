import type { Member, Organisation } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { captureMail, type CapturedMail } from '../../../test/factories/mail.ts';
import { addMember } from '../../../test/factories/member.ts';
import { send, sessionFrom, signUp, uniqueEmail, type TestSession } from '../../../test/factories/session.ts';

const code = (res: { json: <T>() => T }) => res.json<{ code: string }>().code;

describe('members, roles and the organisation', () => {
  let t: TestContext;
  let mail: CapturedMail;
  beforeAll(async () => {
    t = await createTestApp();
    mail = captureMail(t.runtime);
  });
  afterAll(() => t.close());

  const invite = (as: TestSession, role: string) =>
    send(t.app, as, {
      method: 'POST',
      url: '/api/v1/members/invitations',
      payload: { email: uniqueEmail(role), role },
    });
  const changeRole = (as: TestSession, userId: string, role: string) =>
    send(t.app, as, { method: 'PATCH', url: `/api/v1/members/${userId}`, payload: { role } });
  const remove = (as: TestSession, userId: string) =>
    send(t.app, as, { method: 'DELETE', url: `/api/v1/members/${userId}` });
  const me = (as: TestSession) => send(t.app, as, { method: 'GET', url: '/api/v1/auth/me' });

  it('lets every member read the organisation and its members, but only owners and admins manage them', async () => {
    const owner = await signUp(t.app);
    const recruiter = await addMember(t.app, mail, owner, 'recruiter');
    const reviewer = await addMember(t.app, mail, owner, 'reviewer');

    const members = await send(t.app, reviewer, { method: 'GET', url: '/api/v1/members' });
    expect(members.statusCode).toBe(200);
    expect(members.json<{ members: Member[] }>().members.map((m) => m.role)).toEqual([
      'owner',
      'recruiter',
      'reviewer',
    ]);
    expect((await send(t.app, reviewer, { method: 'GET', url: '/api/v1/organisation' })).statusCode).toBe(
      200,
    );

    const refused = await invite(recruiter, 'reviewer');
    expect(refused.statusCode).toBe(403);
    expect(code(refused)).toBe('forbidden');
    expect(code(await send(t.app, recruiter, { method: 'GET', url: '/api/v1/members/invitations' }))).toBe(
      'forbidden',
    );
    expect(code(await changeRole(recruiter, reviewer.info.user.id, 'admin'))).toBe('forbidden');
    expect(code(await remove(reviewer, recruiter.info.user.id))).toBe('forbidden');
    const rename = await send(t.app, recruiter, {
      method: 'PATCH',
      url: '/api/v1/organisation',
      payload: { name: 'X' },
    });
    expect(code(rename)).toBe('forbidden');
  });

  it('lets owners and admins rename the organisation', async () => {
    const owner = await signUp(t.app);
    const admin = await addMember(t.app, mail, owner, 'admin');
    const res = await send(t.app, admin, {
      method: 'PATCH',
      url: '/api/v1/organisation',
      payload: { name: ' Umbrella ' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<Organisation>()).toMatchObject({ id: owner.info.organisation.id, name: 'Umbrella' });
    const read = await send(t.app, owner, { method: 'GET', url: '/api/v1/organisation' });
    expect(read.json<Organisation>().name).toBe('Umbrella');
    const empty = await send(t.app, owner, {
      method: 'PATCH',
      url: '/api/v1/organisation',
      payload: { name: ' ' },
    });
    expect(code(empty)).toBe('validation_failed');
  });

  it('keeps the owner role in the hands of owners', async () => {
    const owner = await signUp(t.app);
    const admin = await addMember(t.app, mail, owner, 'admin');
    const recruiter = await addMember(t.app, mail, owner, 'recruiter');

    expect(code(await invite(admin, 'owner'))).toBe('forbidden');
    expect((await invite(admin, 'admin')).statusCode).toBe(201);
    expect(code(await changeRole(admin, recruiter.info.user.id, 'owner'))).toBe('forbidden');
    expect(code(await changeRole(admin, owner.info.user.id, 'reviewer'))).toBe('forbidden');
    expect(code(await remove(admin, owner.info.user.id))).toBe('forbidden');

    const changed = await changeRole(admin, recruiter.info.user.id, 'reviewer');
    expect(changed.statusCode).toBe(200);
    expect(changed.json<Member>()).toMatchObject({ userId: recruiter.info.user.id, role: 'reviewer' });
    // The new role applies to the member's current session at once.
    expect((await me(recruiter)).json<{ role: string }>().role).toBe('reviewer');

    expect((await changeRole(owner, admin.info.user.id, 'owner')).statusCode).toBe(200);
    expect((await invite(admin, 'owner')).statusCode).toBe(201);
  });

  it('never leaves an organisation without an owner', async () => {
    const owner = await signUp(t.app);
    const admin = await addMember(t.app, mail, owner, 'admin');

    const demote = await changeRole(owner, owner.info.user.id, 'admin');
    expect(demote.statusCode).toBe(409);
    expect(code(demote)).toBe('last_owner');
    expect(code(await remove(owner, owner.info.user.id))).toBe('last_owner');

    expect((await changeRole(owner, admin.info.user.id, 'owner')).statusCode).toBe(200);
    expect((await changeRole(owner, owner.info.user.id, 'recruiter')).statusCode).toBe(200);
    const roles = await t.runtime.db
      .selectFrom('memberships')
      .select(['user_id', 'role'])
      .where('organisation_id', '=', owner.info.organisation.id)
      .execute();
    expect(roles.filter((r) => r.role === 'owner').map((r) => r.user_id)).toEqual([admin.info.user.id]);
  });

  it('removes a member and ends their sessions in that organisation only', async () => {
    const owner = await signUp(t.app);
    const recruiter = await addMember(t.app, mail, owner, 'recruiter');
    const ownSession = await signUp(t.app);
    const other = await addMember(t.app, mail, ownSession, 'admin');
    // `other` joins the first organisation too, keeping a session in their own.
    const invitation = await send(t.app, owner, {
      method: 'POST',
      url: '/api/v1/members/invitations',
      payload: { email: other.info.user.email, role: 'reviewer' },
    });
    expect(invitation.statusCode).toBe(201);
    const token = mail.lastToken(other.info.user.email, '/join');
    const joinedSession = sessionFrom(
      await send(t.app, null, {
        method: 'POST',
        url: '/api/v1/team-invitations/accept',
        payload: { token, password: other.password },
      }),
    );
    expect(joinedSession.info.organisation.id).toBe(owner.info.organisation.id);

    expect((await remove(owner, recruiter.info.user.id)).statusCode).toBe(204);
    expect((await me(recruiter)).statusCode).toBe(401);
    expect((await remove(owner, other.info.user.id)).statusCode).toBe(204);
    expect((await me(joinedSession)).statusCode).toBe(401);
    expect((await me(other)).statusCode).toBe(200);

    const members = await send(t.app, owner, { method: 'GET', url: '/api/v1/members' });
    expect(members.json<{ members: Member[] }>().members.map((m) => m.userId)).toEqual([owner.info.user.id]);
    expect(code(await remove(owner, recruiter.info.user.id))).toBe('not_found');
    const signIn = await send(t.app, null, {
      method: 'POST',
      url: '/api/v1/auth/signin',
      payload: { email: recruiter.info.user.email, password: recruiter.password },
    });
    expect(signIn.statusCode).toBe(403);
    expect(code(signIn)).toBe('forbidden');
  });
});
