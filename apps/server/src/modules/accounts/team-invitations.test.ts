import type { Member, TeamInvitation, TeamInvitationPreview } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { createTestClock, days, type TestClock } from '../../../test/factories/clock.ts';
import { captureMail, type CapturedMail } from '../../../test/factories/mail.ts';
import { inviteMember } from '../../../test/factories/member.ts';
import {
  send,
  sessionFrom,
  signIn,
  signUp,
  testPassword,
  uniqueEmail,
  type TestSession,
} from '../../../test/factories/session.ts';

interface ErrorJson {
  code: string;
  details?: { fields?: { field: string }[] };
}

describe('team invitations', () => {
  let t: TestContext;
  let clock: TestClock;
  let mail: CapturedMail;
  let owner: TestSession;
  beforeAll(async () => {
    clock = createTestClock();
    t = await createTestApp({ PUBLIC_URL: 'https://hire.example.com' }, { clock });
    mail = captureMail(t.runtime);
    owner = await signUp(t.app, { organisationName: 'Globex' });
  });
  afterAll(() => t.close());

  const preview = (token: string) =>
    send(t.app, null, { method: 'GET', url: '/api/v1/team-invitations/preview', query: { token } });
  const accept = (payload: { token: string; name?: string; password: string }) =>
    send(t.app, null, { method: 'POST', url: '/api/v1/team-invitations/accept', payload });
  const listInvitations = async (as = owner) =>
    (await send(t.app, as, { method: 'GET', url: '/api/v1/members/invitations' })).json<{
      invitations: TeamInvitation[];
    }>().invitations;
  const listMembers = async (as = owner) =>
    (await send(t.app, as, { method: 'GET', url: '/api/v1/members' })).json<{ members: Member[] }>().members;

  it('invites a new person who previews the link and joins with a new account', async () => {
    const email = uniqueEmail('newcomer');
    const res = await send(t.app, owner, {
      method: 'POST',
      url: '/api/v1/members/invitations',
      payload: { email, role: 'reviewer' },
    });
    expect(res.statusCode).toBe(201);
    const invitation = res.json<TeamInvitation>();
    expect(invitation).toMatchObject({ email, role: 'reviewer', invitedBy: 'Olivia Owner' });
    expect(Date.parse(invitation.expiresAt) - Date.parse(invitation.createdAt)).toBe(days(7));
    expect(mail.messages.at(-1)).toMatchObject({ to: email, organisationId: owner.info.organisation.id });
    expect(mail.messages.at(-1)?.text).toContain('https://hire.example.com/join?token=');
    expect((await listInvitations()).map((i) => i.id)).toContain(invitation.id);
    const token = mail.lastToken(email, '/join');

    for (let i = 0; i < 2; i++) {
      const shown = await preview(token);
      expect(shown.statusCode).toBe(200);
      expect(shown.json<TeamInvitationPreview>()).toEqual({
        organisationName: 'Globex',
        email,
        role: 'reviewer',
        hasAccount: false,
      });
    }

    const missingName = await accept({ token, password: testPassword });
    expect(missingName.statusCode).toBe(400);
    expect(missingName.json<ErrorJson>().code).toBe('validation_failed');
    expect(missingName.json<ErrorJson>().details?.fields?.map((f) => f.field)).toEqual(['name']);

    const joined = sessionFrom(await accept({ token, name: 'Rita Reviewer', password: testPassword }));
    expect(joined.info).toMatchObject({
      user: { email, name: 'Rita Reviewer' },
      organisation: { id: owner.info.organisation.id },
      role: 'reviewer',
    });
    expect((await send(t.app, joined, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
    expect((await listMembers()).find((m) => m.email === email)?.role).toBe('reviewer');
    expect((await listInvitations()).map((i) => i.id)).not.toContain(invitation.id);

    const second = await accept({ token, name: 'Rita Again', password: testPassword });
    expect(second.statusCode).toBe(409);
    expect(second.json<ErrorJson>().code).toBe('team_invitation_used');
    expect((await preview(token)).json<ErrorJson>().code).toBe('team_invitation_used');
  });

  it('lets someone with an account join with their password', async () => {
    const other = await signUp(t.app, { organisationName: 'Initech' });
    const email = other.info.user.email;
    const { token } = await inviteMember(t.app, mail, owner, { role: 'admin', email });
    expect((await preview(token)).json<TeamInvitationPreview>().hasAccount).toBe(true);

    const wrong = await accept({ token, password: 'not-their-password' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json<ErrorJson>().code).toBe('invalid_credentials');

    const joined = sessionFrom(await accept({ token, name: 'Ignored Name', password: testPassword }));
    expect(joined.info).toMatchObject({
      user: { id: other.info.user.id, name: other.info.user.name },
      organisation: { id: owner.info.organisation.id, name: 'Globex' },
      role: 'admin',
    });
    // Still a member of their own organisation, still signed in there.
    expect((await send(t.app, other, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
    expect((await listMembers(other)).map((m) => m.userId)).toEqual([other.info.user.id]);
  });

  it('refuses an invitation to an existing member', async () => {
    const res = await send(t.app, owner, {
      method: 'POST',
      url: '/api/v1/members/invitations',
      payload: { email: owner.info.user.email.toUpperCase(), role: 'admin' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorJson>().code).toBe('already_member');
  });

  it('replaces an open invitation to the same address', async () => {
    const email = uniqueEmail('twice');
    const first = await inviteMember(t.app, mail, owner, { email, role: 'recruiter' });
    const second = await inviteMember(t.app, mail, owner, { email, role: 'reviewer' });
    const open = (await listInvitations()).filter((i) => i.email === email);
    expect(open).toEqual([second.invitation]);
    expect((await preview(first.token)).json<ErrorJson>().code).toBe('team_invitation_invalid');
    expect((await preview(second.token)).json<TeamInvitationPreview>().role).toBe('reviewer');
  });

  it('refuses an expired link, and resending gives a new one that works', async () => {
    const { invitation, token } = await inviteMember(t.app, mail, owner);
    clock.advance(days(7) + 1);
    // A week idle ends the owner's session too.
    owner = await signIn(t.app, { email: owner.info.user.email });
    const expired = await preview(token);
    expect(expired.statusCode).toBe(410);
    expect(expired.json<ErrorJson>().code).toBe('team_invitation_expired');
    expect((await accept({ token, name: 'Late', password: testPassword })).json<ErrorJson>().code).toBe(
      'team_invitation_expired',
    );

    const resent = await send(t.app, owner, {
      method: 'POST',
      url: `/api/v1/members/invitations/${invitation.id}/resend`,
    });
    expect(resent.statusCode).toBe(204);
    const newToken = mail.lastToken(invitation.email, '/join');
    expect(newToken).not.toBe(token);
    expect((await preview(token)).json<ErrorJson>().code).toBe('team_invitation_invalid');
    expect((await preview(newToken)).statusCode).toBe(200);
  });

  it('refuses a revoked link', async () => {
    const { invitation, token } = await inviteMember(t.app, mail, owner);
    const res = await send(t.app, owner, {
      method: 'DELETE',
      url: `/api/v1/members/invitations/${invitation.id}`,
    });
    expect(res.statusCode).toBe(204);
    const shown = await preview(token);
    expect(shown.statusCode).toBe(404);
    expect(shown.json<ErrorJson>().code).toBe('team_invitation_invalid');
    expect((await accept({ token, name: 'Too Late', password: testPassword })).json<ErrorJson>().code).toBe(
      'team_invitation_invalid',
    );
    expect((await listInvitations()).map((i) => i.id)).not.toContain(invitation.id);
    const again = await send(t.app, owner, {
      method: 'DELETE',
      url: `/api/v1/members/invitations/${invitation.id}`,
    });
    expect(again.statusCode).toBe(404);
  });

  it('refuses an unknown token and a weak password for a new account', async () => {
    expect((await preview('u'.repeat(43))).json<ErrorJson>().code).toBe('team_invitation_invalid');
    const { token } = await inviteMember(t.app, mail, owner);
    const weak = await accept({ token, name: 'Weak', password: '1234567890' });
    expect(weak.json<ErrorJson>().code).toBe('weak_password');
    expect((await preview(token)).statusCode).toBe(200);
  });
});
