import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { createInterview, addQuestion } from '../../../test/factories/interviews.ts';
import {
  captureInvitationMail,
  type CapturedInvitationMail,
} from '../../../test/factories/invitation-api.ts';
import {
  inviteWithLink,
  openInvitationLink,
  sendAsCandidate,
  withdrawInvitation,
} from '../../../test/factories/invitations.ts';
import { signUp, type TestSession } from '../../../test/factories/session.ts';

/** Whether the answer tells the browser to drop the candidate cookie (an expired Set-Cookie for it). */
const clearsCandidateCookie = (setCookie: string | string[] | undefined): boolean =>
  [setCookie ?? []]
    .flat()
    .some((c) => /^(__Host-)?oneway_candidate=;/.test(c) && /Expires=Thu, 01 Jan 1970/i.test(c));

describe('which failures end a candidate session', () => {
  let t: TestContext;
  let mail: CapturedInvitationMail;
  let owner: TestSession;
  let interviewId: string;
  beforeAll(async () => {
    t = await createTestApp();
    mail = captureInvitationMail(t.runtime);
    owner = await signUp(t.app);
    interviewId = (await createInterview(t.app, owner)).id;
    await addQuestion(t.app, owner, interviewId);
  });
  afterAll(() => t.close());

  it('keeps the cookie when the database fails while the session is read (500)', async () => {
    const invitation = await inviteWithLink(t.app, mail, owner, interviewId);
    const browser = await openInvitationLink(t.app, invitation.token);
    // A real failure of the query that reads the session: its table is gone for a moment.
    await sql`alter table candidate_sessions rename to candidate_sessions_away`.execute(t.runtime.db);
    try {
      const res = await sendAsCandidate(t.app, browser, { method: 'GET', url: '/api/v1/candidate/landing' });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toMatchObject({ code: 'internal_error' });
      expect(clearsCandidateCookie(res.headers['set-cookie'])).toBe(false);
    } finally {
      await sql`alter table candidate_sessions_away rename to candidate_sessions`.execute(t.runtime.db);
    }
    const again = await sendAsCandidate(t.app, browser, { method: 'GET', url: '/api/v1/candidate/landing' });
    expect(again.statusCode).toBe(200);
  });

  it('keeps the cookie on a refusal that is not about who the candidate is', async () => {
    const invitation = await inviteWithLink(t.app, mail, owner, interviewId);
    const browser = await openInvitationLink(t.app, invitation.token);
    const res = await sendAsCandidate(t.app, browser, {
      method: 'POST',
      url: '/api/v1/candidate/takes',
      payload: { questionId: 'no-such-question' },
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(clearsCandidateCookie(res.headers['set-cookie'])).toBe(false);
  });

  it('clears the cookie when the session is unknown or the invitation withdrawn', async () => {
    const unknown = await sendAsCandidate(
      t.app,
      { cookie: 'oneway_candidate=not-a-session', landing: undefined as never },
      { method: 'GET', url: '/api/v1/candidate/landing' },
    );
    expect(unknown.json()).toMatchObject({ code: 'candidate_session_invalid' });
    expect(clearsCandidateCookie(unknown.headers['set-cookie'])).toBe(true);

    const invitation = await inviteWithLink(t.app, mail, owner, interviewId);
    const browser = await openInvitationLink(t.app, invitation.token);
    await withdrawInvitation(t.app, owner, invitation.id);
    const withdrawn = await sendAsCandidate(t.app, browser, {
      method: 'GET',
      url: '/api/v1/candidate/landing',
    });
    expect(withdrawn.json()).toMatchObject({ code: 'invitation_withdrawn' });
    expect(clearsCandidateCookie(withdrawn.headers['set-cookie'])).toBe(true);
  });
});
