import { randomUUID } from 'node:crypto';
import type { Member, TeamInvitation } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { captureMail, type CapturedMail } from '../../../test/factories/mail.ts';
import { addMember, inviteMember } from '../../../test/factories/member.ts';
import { send, signUp, type TestSession } from '../../../test/factories/session.ts';

describe('organisations are walled off from each other', () => {
  let t: TestContext;
  let mail: CapturedMail;
  let ownerA: TestSession;
  let recruiterA: TestSession;
  let invitationA: { invitation: TeamInvitation; token: string };
  let ownerB: TestSession;
  beforeAll(async () => {
    t = await createTestApp();
    mail = captureMail(t.runtime);
    ownerA = await signUp(t.app, { organisationName: 'Alpha' });
    recruiterA = await addMember(t.app, mail, ownerA, 'recruiter');
    invitationA = await inviteMember(t.app, mail, ownerA, { role: 'reviewer' });
    ownerB = await signUp(t.app, { organisationName: 'Beta' });
  });
  afterAll(() => t.close());

  // Everything organisation A holds, to prove a refused request changed none of it.
  const snapshotOfA = async () => {
    const organisationId = ownerA.info.organisation.id;
    const db = t.runtime.db;
    return {
      organisation: await db
        .selectFrom('organisations')
        .selectAll()
        .where('id', '=', organisationId)
        .execute(),
      memberships: await db
        .selectFrom('memberships')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .orderBy('user_id')
        .execute(),
      invitations: await db
        .selectFrom('team_invitations')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .orderBy('id')
        .execute(),
      sessions: await db
        .selectFrom('sessions')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .orderBy('id')
        .execute(),
    };
  };

  const routesTakingAnId = () => [
    {
      method: 'PATCH' as const,
      url: `/api/v1/members/${recruiterA.info.user.id}`,
      payload: { role: 'admin' },
    },
    {
      method: 'PATCH' as const,
      url: `/api/v1/members/${ownerA.info.user.id}`,
      payload: { role: 'reviewer' },
    },
    { method: 'DELETE' as const, url: `/api/v1/members/${recruiterA.info.user.id}` },
    { method: 'DELETE' as const, url: `/api/v1/members/${ownerA.info.user.id}` },
    { method: 'DELETE' as const, url: `/api/v1/members/invitations/${invitationA.invitation.id}` },
    { method: 'POST' as const, url: `/api/v1/members/invitations/${invitationA.invitation.id}/resend` },
  ];

  it("answers 404 for every id of another organisation's member or invitation, and changes nothing", async () => {
    const before = await snapshotOfA();
    const mailsBefore = mail.messages.length;
    for (const route of routesTakingAnId()) {
      const res = await send(t.app, ownerB, route);
      expect({ route: `${route.method} ${route.url}`, status: res.statusCode }).toEqual({
        route: `${route.method} ${route.url}`,
        status: 404,
      });
      expect(res.json<{ code: string }>().code).toBe('not_found');
    }
    expect(await snapshotOfA()).toEqual(before);
    expect(mail.messages).toHaveLength(mailsBefore);
    expect((await send(t.app, recruiterA, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
    const preview = await send(t.app, null, {
      method: 'GET',
      url: '/api/v1/team-invitations/preview',
      query: { token: invitationA.token },
    });
    expect(preview.statusCode).toBe(200);
  });

  it('answers the same 404 for an id that exists nowhere', async () => {
    for (const route of routesTakingAnId()) {
      const res = await send(t.app, ownerB, {
        ...route,
        url: route.url.replace(/[0-9a-f-]{36}/, randomUUID()),
      });
      expect(res.statusCode).toBe(404);
    }
  });

  it("lists only the caller's own members and invitations", async () => {
    const members = await send(t.app, ownerB, { method: 'GET', url: '/api/v1/members' });
    expect(members.json<{ members: Member[] }>().members.map((m) => m.userId)).toEqual([ownerB.info.user.id]);
    const invitations = await send(t.app, ownerB, { method: 'GET', url: '/api/v1/members/invitations' });
    expect(invitations.json<{ invitations: TeamInvitation[] }>().invitations).toEqual([]);
    const organisation = await send(t.app, ownerB, { method: 'GET', url: '/api/v1/organisation' });
    expect(organisation.json<{ name: string }>().name).toBe('Beta');
  });
});
