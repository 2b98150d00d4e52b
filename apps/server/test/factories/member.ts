import type { Role, TeamInvitation } from '@oneway/shared';
import type { FastifyInstance } from 'fastify';
import type { CapturedMail } from './mail.ts';
import { send, sessionFrom, testPassword, uniqueEmail, type TestSession } from './session.ts';

/** Invites someone as `inviter` through the API; returns the invitation and the token from its e-mail. */
export async function inviteMember(
  app: FastifyInstance,
  mail: CapturedMail,
  inviter: TestSession,
  { role = 'recruiter', email = uniqueEmail(role) }: { role?: Role; email?: string } = {},
): Promise<{ invitation: TeamInvitation; token: string }> {
  const res = await send(app, inviter, {
    method: 'POST',
    url: '/api/v1/members/invitations',
    payload: { email, role },
  });
  if (res.statusCode !== 201) throw new Error(`Invitation failed with ${res.statusCode}: ${res.body}`);
  return { invitation: res.json<TeamInvitation>(), token: mail.lastToken(email, '/join') };
}

/** Adds a new member with `role` to the inviter's organisation (invite, then accept) and returns their session. */
export async function addMember(
  app: FastifyInstance,
  mail: CapturedMail,
  inviter: TestSession,
  role: Role,
): Promise<TestSession> {
  const { token } = await inviteMember(app, mail, inviter, { role });
  const res = await send(app, null, {
    method: 'POST',
    url: '/api/v1/team-invitations/accept',
    payload: { token, name: `Member ${role}`, password: testPassword },
  });
  return sessionFrom(res);
}
