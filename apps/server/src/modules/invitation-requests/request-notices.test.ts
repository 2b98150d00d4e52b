import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addQuestion, createInterview } from '../../../test/factories/interviews.ts';
import { inviteWithLink, openInvitationLink, sendAsCandidate } from '../../../test/factories/invitations.ts';
import { captureMail, type CapturedMail } from '../../../test/factories/mail.ts';
import { addMember } from '../../../test/factories/member.ts';
import { send, signUp, type TestSession } from '../../../test/factories/session.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';

/** A candidate's request reaches the people who can decide it: by e-mail, and as a count in the navigation. */
describe('candidate requests reach the team', () => {
  let t: TestContext;
  let mail: CapturedMail;
  let owner: TestSession;
  let admin: TestSession;
  let recruiter: TestSession;
  let reviewer: TestSession;
  let interviewId: string;

  beforeAll(async () => {
    t = await createTestApp();
    mail = captureMail(t.runtime);
    owner = await signUp(t.app);
    admin = await addMember(t.app, mail, owner, 'admin');
    recruiter = await addMember(t.app, mail, owner, 'recruiter');
    reviewer = await addMember(t.app, mail, owner, 'reviewer');
    interviewId = (await createInterview(t.app, owner, { title: 'Support lead' })).id;
    await addQuestion(t.app, owner, interviewId);
  });
  afterAll(() => t.close());

  const ask = async (payload: object) => {
    const invitation = await inviteWithLink(t.app, mail, owner, interviewId, { name: 'Rory Request' });
    const browser = await openInvitationLink(t.app, invitation.token);
    const res = await sendAsCandidate(t.app, browser, {
      method: 'POST',
      url: '/api/v1/candidate/requests',
      payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    return invitation;
  };
  const noticesTo = (session: TestSession) =>
    mail.to(session.info.user.email, /^Rory Request asked for/).map((m) => m.text);
  const pendingCount = async (session: TestSession) => {
    const res = await send(t.app, session, { method: 'GET', url: '/api/v1/invitation-requests/summary' });
    return { status: res.statusCode, pending: res.json<{ pending?: number }>().pending };
  };

  it('e-mails owners, admins and recruiters who want it, with a link to the requests page', async () => {
    const off = await send(t.app, admin, {
      method: 'PUT',
      url: '/api/v1/me/notification-preferences',
      payload: { completionEmails: 'immediate', requestEmails: 'off' },
    });
    expect(off.statusCode, off.body).toBe(200);
    await ask({ kind: 'extension', days: 4, reason: 'A family matter' });
    for (const member of [owner, recruiter]) {
      const [text] = noticesTo(member);
      expect(text).toContain('4 more days');
      expect(text).toContain('Support lead');
      expect(text).toMatch(/https?:\/\/[^\s]+\/requests\b/);
    }
    expect(noticesTo(admin)).toEqual([]);
    expect(noticesTo(reviewer)).toEqual([]);
  });

  it('never puts what an accommodation is for into the e-mail', async () => {
    await ask({ kind: 'accommodation', timeMultiplier: 2, reason: 'A private medical reason' });
    const texts = noticesTo(owner).join('\n');
    expect(texts).toContain('an accommodation');
    expect(texts).not.toContain('medical');
  });

  it('counts the requests waiting for the navigation, for those who decide them only', async () => {
    expect(await pendingCount(owner)).toEqual({ status: 200, pending: 2 });
    expect(await pendingCount(recruiter)).toEqual({ status: 200, pending: 2 });
    expect((await pendingCount(reviewer)).status).toBe(403);
  });
});
