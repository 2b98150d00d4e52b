import type { CandidateLanding, Interview } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { createTestClock, days, hours } from '../../../test/factories/clock.ts';
import { addQuestion, createInterview } from '../../../test/factories/interviews.ts';
import {
  captureInvitationMail,
  type CapturedInvitationMail,
} from '../../../test/factories/invitation-api.ts';
import {
  eventTypesOf,
  inviteWithLink,
  openInvitationLink,
  sendAsCandidate,
  withdrawInvitation,
} from '../../../test/factories/invitations.ts';
import { send, signUp, type TestSession } from '../../../test/factories/session.ts';

describe('candidate entry: from the link to the landing page', () => {
  let t: TestContext;
  let mail: CapturedInvitationMail;
  let owner: TestSession;
  let interview: Interview;
  const clock = createTestClock();
  beforeAll(async () => {
    t = await createTestApp({}, { clock });
    mail = captureInvitationMail(t.runtime);
    owner = await signUp(t.app, { organisationName: 'Northwind Fintech', email: 'olivia@northwind.test' });
    interview = await createInterview(t.app, owner, { introText: 'Welcome!', instructions: 'Be yourself.' });
    await addQuestion(t.app, owner, interview.id, { promptText: 'Secret prompt one' });
  });
  afterAll(() => t.close());

  const invite = (overrides: Parameters<typeof inviteWithLink>[4] = {}) =>
    inviteWithLink(t.app, mail, owner, interview.id, overrides);
  const invitationRow = (id: string) =>
    t.runtime.db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const countSessions = async (invitationId: string) =>
    (
      await t.runtime.db
        .selectFrom('candidate_sessions')
        .select('id')
        .where('invitation_id', '=', invitationId)
        .execute()
    ).length;

  it('starts a session from the token with an httpOnly SameSite=Lax cookie and marks the invitation opened', async () => {
    const invitation = await invite();
    const browser = await openInvitationLink(t.app, invitation.token);
    const cookie = browser.landing.cookies.find((c) => c.name === 'oneway_candidate');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.value).not.toBe(invitation.token);
    const row = await invitationRow(invitation.id);
    expect(row.status).toBe('opened');
    expect(row.opened_at).not.toBeNull();
    expect((await eventTypesOf(t.runtime, invitation.id)).sort()).toEqual(['opened', 'sent']);
    // The session is stored only as a hash of the cookie's value.
    const stored = await t.runtime.db
      .selectFrom('candidate_sessions')
      .selectAll()
      .where('invitation_id', '=', invitation.id)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.id).not.toBe(cookie?.value);

    await openInvitationLink(t.app, invitation.token);
    expect((await eventTypesOf(t.runtime, invitation.id)).sort()).toEqual(['opened', 'sent']);
  });

  it('touches the session at most once a minute (recording sends a request a second)', async () => {
    const invitation = await invite();
    const browser = await openInvitationLink(t.app, invitation.token);
    const lastSeen = async () =>
      (
        await t.runtime.db
          .selectFrom('candidate_sessions')
          .select('last_seen_at')
          .where('invitation_id', '=', invitation.id)
          .executeTakeFirstOrThrow()
      ).last_seen_at;
    const landing = () =>
      sendAsCandidate(t.app, browser, { method: 'GET', url: '/api/v1/candidate/landing' });
    const opened = await lastSeen();
    clock.advance(30_000);
    expect((await landing()).statusCode).toBe(200);
    expect(await lastSeen()).toBe(opened);
    clock.advance(31_000);
    expect((await landing()).statusCode).toBe(200);
    expect(await lastSeen()).toBe(clock.now().toISOString());
  });

  it('uses a __Host- Secure cookie when served over HTTPS', async () => {
    const secure = await createTestApp({ PUBLIC_URL: 'https://interviews.example.com' });
    try {
      const secureMail = captureInvitationMail(secure.runtime);
      const o = await signUp(secure.app);
      const i = await createInterview(secure.app, o);
      await addQuestion(secure.app, o, i.id);
      const invitation = await inviteWithLink(secure.app, secureMail, o, i.id);
      const res = await sendAsCandidate(secure.app, null, {
        method: 'POST',
        url: '/api/v1/candidate/session',
        payload: { token: invitation.token },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.cookies[0]).toMatchObject({ name: '__Host-oneway_candidate', secure: true, path: '/' });
    } finally {
      await secure.close();
    }
  });

  it('consumes nothing when the link itself is fetched (mail scanners follow links)', async () => {
    const invitation = await invite();
    const res = await t.app.inject({ method: 'GET', url: `/i/${invitation.token}` });
    expect(res.cookies).toHaveLength(0);
    expect((await invitationRow(invitation.id)).status).toBe('invited');
    expect(await eventTypesOf(t.runtime, invitation.id)).toEqual(['sent']);
    expect(await countSessions(invitation.id)).toBe(0);
  });

  it('answers an unknown token with a kind 404 that reveals nothing', async () => {
    const res = await sendAsCandidate(t.app, null, {
      method: 'POST',
      url: '/api/v1/candidate/session',
      payload: { token: 'x'.repeat(43) },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'invitation_not_found' });
    expect(res.json<{ message: string }>().message).toMatch(/whole link/);
    expect(res.cookies).toHaveLength(0);
  });

  it('limits how often one address can try tokens', async () => {
    const attempt = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/candidate/session',
        headers: { 'x-requested-with': 'oneway' },
        payload: { token: 'guessed-token-guessed-token-guessed-token' },
        remoteAddress: '192.0.2.77',
      });
    for (let i = 0; i < 20; i++) expect((await attempt()).statusCode).toBe(404);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'rate_limited' });
  });

  it('refuses a withdrawn invitation and ends its sessions', async () => {
    const invitation = await invite();
    const browser = await openInvitationLink(t.app, invitation.token);
    await withdrawInvitation(t.app, owner, invitation.id);
    const res = await sendAsCandidate(t.app, null, {
      method: 'POST',
      url: '/api/v1/candidate/session',
      payload: { token: invitation.token },
    });
    expect(res.statusCode).toBe(410);
    expect(res.json()).toMatchObject({ code: 'invitation_withdrawn' });
    const landing = await sendAsCandidate(t.app, browser, {
      method: 'GET',
      url: '/api/v1/candidate/landing',
    });
    expect(landing.statusCode).toBe(410);
    expect(landing.json()).toMatchObject({ code: 'invitation_withdrawn' });
  });

  it('shows the company, texts, deadline, contact and rules, but no question prompts', async () => {
    const invitation = await invite();
    const { landing } = await openInvitationLink(t.app, invitation.token);
    expect(landing.body).not.toContain('Secret prompt one');
    expect(landing.body).not.toContain(interview.practiceQuestion.promptText);
    expect(landing.json<CandidateLanding>()).toMatchObject({
      companyName: 'Northwind Fintech',
      candidateName: 'Casey Candidate',
      interviewTitle: 'Senior Account Executive',
      roleTitle: 'Account Executive',
      introText: 'Welcome!',
      instructions: 'Be yourself.',
      language: 'en',
      expired: false,
      status: 'opened',
      deadlineTimeZone: null,
      contactEmail: 'olivia@northwind.test',
      retention: { days: null },
      questions: [{ position: 1, answerType: 'video', think: 45, answerSeconds: 120, takes: 2 }],
      practiceQuestion: { enabled: true, think: 30, answerSeconds: 90 },
      accommodationsApplied: { timeMultiplier: 1, extraTakes: 0, answerFormat: null },
      pendingRequests: [],
    });
  });

  it('stores a valid time zone and refuses a made-up one', async () => {
    const invitation = await invite();
    const browser = await openInvitationLink(t.app, invitation.token);
    const put = (timeZone: string) =>
      sendAsCandidate(t.app, browser, {
        method: 'PUT',
        url: '/api/v1/candidate/time-zone',
        payload: { timeZone },
      });
    expect((await put('America/Bogota')).statusCode).toBe(204);
    expect((await invitationRow(invitation.id)).candidate_time_zone).toBe('America/Bogota');
    const bad = await put('Mars/Olympus_Mons');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation_failed' });
  });

  it('refuses state-changing candidate requests without the x-requested-with header', async () => {
    const invitation = await invite();
    const noHeader = await sendAsCandidate(t.app, null, {
      method: 'POST',
      url: '/api/v1/candidate/session',
      payload: { token: invitation.token },
      withoutCsrfHeader: true,
    });
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json()).toMatchObject({ code: 'csrf_failed' });
    expect(await countSessions(invitation.id)).toBe(0);

    const browser = await openInvitationLink(t.app, invitation.token);
    for (const request of [
      { method: 'POST' as const, url: '/api/v1/candidate/requests', payload: { kind: 'extension', days: 2 } },
      { method: 'PUT' as const, url: '/api/v1/candidate/time-zone', payload: { timeZone: 'UTC' } },
    ]) {
      const res = await sendAsCandidate(t.app, browser, { ...request, withoutCsrfHeader: true });
      expect(res.statusCode, request.url).toBe(403);
      expect(res.json()).toMatchObject({ code: 'csrf_failed' });
    }
    expect(await t.runtime.db.selectFrom('invitation_requests').selectAll().execute()).toHaveLength(0);
    const landing = await sendAsCandidate(t.app, browser, {
      method: 'GET',
      url: '/api/v1/candidate/landing',
      withoutCsrfHeader: true,
    });
    expect(landing.statusCode).toBe(200);
  });

  it('keeps each candidate session to its own invitation', async () => {
    const first = await invite({ name: 'Ann First' });
    const second = await invite({ name: 'Ben Second' });
    const firstBrowser = await openInvitationLink(t.app, first.token);
    await openInvitationLink(t.app, second.token);
    const landing = await sendAsCandidate(t.app, firstBrowser, {
      method: 'GET',
      url: '/api/v1/candidate/landing',
    });
    expect(landing.json<CandidateLanding>().candidateName).toBe('Ann First');
    const created = await sendAsCandidate(t.app, firstBrowser, {
      method: 'POST',
      url: '/api/v1/candidate/requests',
      payload: { kind: 'extension', days: 3 },
    });
    expect(created.statusCode, created.body).toBe(201);
    const requests = await t.runtime.db
      .selectFrom('invitation_requests')
      .select('invitation_id')
      .where('invitation_id', 'in', [first.id, second.id])
      .execute();
    expect(requests.map((r) => r.invitation_id)).toEqual([first.id]);

    const forged = await sendAsCandidate(
      t.app,
      { cookie: 'oneway_candidate=forged-value', landing },
      { method: 'GET', url: '/api/v1/candidate/landing' },
    );
    expect(forged.statusCode).toBe(401);
    expect(forged.json()).toMatchObject({ code: 'candidate_session_invalid' });
    // A candidate cookie is no key to the employer's routes.
    const employerRoute = await sendAsCandidate(t.app, firstBrowser, {
      method: 'GET',
      url: '/api/v1/invitation-requests',
    });
    expect(employerRoute.statusCode).toBe(401);
    const withoutCookie = await send(t.app, null, { method: 'GET', url: '/api/v1/candidate/landing' });
    expect(withoutCookie.statusCode).toBe(401);
  });

  it('ends the previous session of the browser when a link is opened again', async () => {
    const invitation = await invite();
    const browser = await openInvitationLink(t.app, invitation.token);
    const res = await sendAsCandidate(t.app, browser, {
      method: 'POST',
      url: '/api/v1/candidate/session',
      payload: { token: invitation.token },
    });
    expect(res.statusCode).toBe(200);
    expect(await countSessions(invitation.id)).toBe(1);
    const old = await sendAsCandidate(t.app, browser, { method: 'GET', url: '/api/v1/candidate/landing' });
    expect(old.statusCode).toBe(401);
  });

  // Last: it moves the clock past every deadline (and the owner's session).
  it('opens an expired invitation and says it has expired, so the candidate can ask for more time', async () => {
    const invitation = await invite();
    const marked = await invite();
    const { deadline_at: deadline } = await invitationRow(invitation.id);
    const browser = await openInvitationLink(t.app, invitation.token);
    expect(browser.landing.json<CandidateLanding>()).toMatchObject({ expired: false, status: 'opened' });
    clock.advance(days(7) + hours(12));
    // Not yet marked by the expiry job: the deadline alone decides.
    const again = await sendAsCandidate(t.app, browser, { method: 'GET', url: '/api/v1/candidate/landing' });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json<CandidateLanding>()).toMatchObject({ expired: true, deadline });

    // A day after the deadline the session ends, but the link still opens to ask for more time.
    clock.advance(days(3));
    const ended = await sendAsCandidate(t.app, browser, { method: 'GET', url: '/api/v1/candidate/landing' });
    expect(ended.statusCode).toBe(401);
    const late = await openInvitationLink(t.app, invitation.token);
    expect(late.landing.json<CandidateLanding>().expired).toBe(true);

    await t.runtime.services.invitations.expireInvitationAtDeadline({ invitationId: marked.id, deadline });
    const markedBrowser = await openInvitationLink(t.app, marked.token);
    expect(markedBrowser.landing.json<CandidateLanding>()).toMatchObject({
      expired: true,
      status: 'expired',
    });
  });
});
