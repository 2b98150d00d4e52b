import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addQuestion, createInterview } from '../../../test/factories/interviews.ts';
import { captureMail, type CapturedMail } from '../../../test/factories/mail.ts';
import { addMember } from '../../../test/factories/member.ts';
import {
  eventTypesOf,
  inviteWithLink,
  openInvitationLink,
  withdrawInvitation,
} from '../../../test/factories/invitations.ts';
import { send, signUp, type TestSession } from '../../../test/factories/session.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { hashToken } from '../../lib/tokens.ts';

/** A recruiter without a mail server copies a candidate's link instead; no token is ever stored in the clear. */
describe('copying a candidate link', () => {
  let t: TestContext;
  let mail: CapturedMail;
  let owner: TestSession;
  let reviewer: TestSession;
  let interviewId: string;

  beforeAll(async () => {
    t = await createTestApp();
    mail = captureMail(t.runtime);
    owner = await signUp(t.app);
    reviewer = await addMember(t.app, mail, owner, 'reviewer');
    interviewId = (await createInterview(t.app, owner)).id;
    await addQuestion(t.app, owner, interviewId);
  });
  afterAll(() => t.close());

  const copyLink = (session: TestSession, invitationId: string) =>
    send(t.app, session, { method: 'POST', url: `/api/v1/invitations/${invitationId}/link` });

  it('gives a fresh working link, keeps the e-mailed one working and stores only its hash', async () => {
    const invitation = await inviteWithLink(t.app, mail, owner, interviewId);
    const res = await copyLink(owner, invitation.id);
    expect(res.statusCode, res.body).toBe(200);
    const { url, expiresAt } = res.json<{ url: string; expiresAt: string }>();
    const token = /\/i\/([A-Za-z0-9_-]{20,})$/.exec(url)?.[1] ?? '';
    expect(token).not.toBe('');
    expect(token).not.toBe(invitation.token);
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());

    await openInvitationLink(t.app, token);
    await openInvitationLink(t.app, invitation.token);
    const links = await t.runtime.db
      .selectFrom('invitation_links')
      .selectAll()
      .where('invitation_id', '=', invitation.id)
      .execute();
    expect(links.map((l) => l.token_hash)).toContain(hashToken(token));
    expect(JSON.stringify(links)).not.toContain(token);
    expect(await eventTypesOf(t.runtime, invitation.id)).toContain('link_copied');
  });

  it('refuses reviewers, and invitations whose link can no longer work', async () => {
    const invitation = await inviteWithLink(t.app, mail, owner, interviewId);
    const refused = await copyLink(reviewer, invitation.id);
    expect(refused.statusCode).toBe(403);
    await withdrawInvitation(t.app, owner, invitation.id);
    const withdrawn = await copyLink(owner, invitation.id);
    expect(withdrawn.statusCode).toBe(410);
    expect(withdrawn.json<{ code: string }>().code).toBe('invitation_withdrawn');
  });
});
