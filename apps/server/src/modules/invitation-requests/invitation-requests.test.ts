import type { CandidateLanding, CandidateRequest, Interview, InvitationRequest } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { addQuestion, createInterview } from '../../../test/factories/interviews.ts';
import { createTestClock, days } from '../../../test/factories/clock.ts';
import {
  captureInvitationMail,
  type CapturedInvitationMail,
} from '../../../test/factories/invitation-api.ts';
import {
  eventTypesOf,
  inviteWithLink,
  openInvitationLink,
  sendAsCandidate,
  type CandidateBrowser,
} from '../../../test/factories/invitations.ts';
import { captureMail } from '../../../test/factories/mail.ts';
import { addMember } from '../../../test/factories/member.ts';
import { send, signUp, type TestSession } from '../../../test/factories/session.ts';

describe('requests for more time or an accommodation', () => {
  const clock = createTestClock();
  let t: TestContext;
  let mail: CapturedInvitationMail;
  let owner: TestSession;
  let reviewer: TestSession;
  let interview: Interview;
  beforeAll(async () => {
    t = await createTestApp({}, { clock });
    owner = await signUp(t.app, { organisationName: 'Northwind Fintech' });
    reviewer = await addMember(t.app, captureMail(t.runtime), owner, 'reviewer');
    mail = captureInvitationMail(t.runtime);
    interview = await createInterview(t.app, owner, { autoExtension: { maxDays: 3, maxTimes: 1 } });
    await addQuestion(t.app, owner, interview.id);
  });
  afterAll(() => t.close());

  const invitationRow = (id: string) =>
    t.runtime.db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const ask = (browser: CandidateBrowser, payload: object) =>
    sendAsCandidate(t.app, browser, { method: 'POST', url: '/api/v1/candidate/requests', payload });
  const candidateWithInvitation = async (overrides: Parameters<typeof inviteWithLink>[4] = {}) => {
    const invitation = await inviteWithLink(t.app, mail, owner, interview.id, overrides);
    return { invitation, browser: await openInvitationLink(t.app, invitation.token) };
  };
  const listPending = async (session: TestSession, query: Record<string, string> = {}) => {
    const res = await send(t.app, session, { method: 'GET', url: '/api/v1/invitation-requests', query });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ requests: InvitationRequest[] }>().requests;
  };
  const decide = (session: TestSession, id: string, action: 'approve' | 'decline', payload: object = {}) =>
    send(t.app, session, { method: 'POST', url: `/api/v1/invitation-requests/${id}/${action}`, payload });

  it('approves an extension at once when the interview allows it automatically', async () => {
    const { invitation, browser } = await candidateWithInvitation();
    const before = await invitationRow(invitation.id);
    const res = await ask(browser, { kind: 'extension', days: 2, reason: 'Travelling' });
    expect(res.statusCode, res.body).toBe(201);
    const expected = new Date(Date.parse(before.deadline_at) + days(2)).toISOString();
    expect(res.json<CandidateRequest>()).toMatchObject({
      kind: 'extension',
      status: 'approved',
      autoApproved: true,
      days: 2,
      newDeadline: expected,
    });
    const after = await invitationRow(invitation.id);
    expect(new Date(after.deadline_at).toISOString()).toBe(expected);
    expect(after.extensions_granted).toBe(1);
    expect(await eventTypesOf(t.runtime, invitation.id)).toEqual(
      expect.arrayContaining(['opened', 'extension_requested', 'extended']),
    );
    // The invitations module e-mails the new deadline, after the invitation e-mail itself.
    expect(mail.to(invitation.email)).toHaveLength(2);
    const stored = await t.runtime.db
      .selectFrom('invitation_requests')
      .selectAll()
      .where('invitation_id', '=', invitation.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ status: 'approved', auto_approved: 1, decided_by_user_id: null });

    // The rule allows one automatic extension per invitation: the next waits for the employer.
    const second = await ask(browser, { kind: 'extension', days: 1 });
    expect(second.json<CandidateRequest>()).toMatchObject({ status: 'pending', autoApproved: false });
  });

  it('leaves a longer extension pending, one of each kind at a time', async () => {
    const { invitation, browser } = await candidateWithInvitation();
    const res = await ask(browser, { kind: 'extension', days: 5 });
    expect(res.json<CandidateRequest>()).toMatchObject({ status: 'pending', autoApproved: false });
    expect((await invitationRow(invitation.id)).extensions_granted).toBe(0);

    const again = await ask(browser, { kind: 'extension', days: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'request_pending' });

    const accommodation = await ask(browser, {
      kind: 'accommodation',
      timeMultiplier: 2,
      reason: 'Dyslexia',
    });
    expect(accommodation.statusCode, accommodation.body).toBe(201);
    expect(accommodation.json<CandidateRequest>()).toMatchObject({
      kind: 'accommodation',
      status: 'pending',
      accommodations: { timeMultiplier: 2 },
    });
    const secondAccommodation = await ask(browser, { kind: 'accommodation', extraTakes: 1 });
    expect(secondAccommodation.json()).toMatchObject({ code: 'request_pending' });

    const landing = await sendAsCandidate(t.app, browser, {
      method: 'GET',
      url: '/api/v1/candidate/landing',
    });
    expect(
      landing
        .json<CandidateLanding>()
        .pendingRequests.map((r) => r.kind)
        .sort(),
    ).toEqual(['accommodation', 'extension']);
    expect(landing.body).not.toContain('Dyslexia');
    const events = await t.runtime.db
      .selectFrom('invitation_events')
      .selectAll()
      .where('invitation_id', '=', invitation.id)
      .where('type', '=', 'accommodation_requested')
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]?.details).toBeNull();
  });

  it('refuses bad requests with the field named', async () => {
    const { browser } = await candidateWithInvitation();
    for (const payload of [
      { kind: 'extension', days: 0 },
      { kind: 'extension', days: 31 },
      { kind: 'accommodation' },
      { kind: 'accommodation', timeMultiplier: 5 },
      { kind: 'holiday' },
    ]) {
      const res = await ask(browser, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_failed' });
    }
  });

  it('lets the employer list pending requests and approve an extension with the deadline they choose', async () => {
    const { invitation, browser } = await candidateWithInvitation({ name: 'Dana Deadline' });
    const asked = (
      await ask(browser, { kind: 'extension', days: 10, reason: 'Exams' })
    ).json<CandidateRequest>();
    const pending = await listPending(owner);
    expect(pending.find((r) => r.id === asked.id)).toMatchObject({
      invitationId: invitation.id,
      interviewId: interview.id,
      interviewTitle: interview.title,
      candidateName: 'Dana Deadline',
      kind: 'extension',
      days: 10,
      reason: 'Exams',
      status: 'pending',
    });
    expect(
      (await listPending(owner, { interviewId: 'another' })).find((r) => r.id === asked.id),
    ).toBeUndefined();

    const past = await decide(owner, asked.id, 'approve', { deadline: '2001-01-01T00:00:00Z' });
    expect(past.statusCode).toBe(400);
    expect(past.json()).toMatchObject({ details: { fields: [{ field: 'deadline' }] } });

    const chosen = new Date(clock.now().getTime() + days(20)).toISOString();
    const approved = await decide(owner, asked.id, 'approve', { deadline: chosen });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json<InvitationRequest>()).toMatchObject({
      status: 'approved',
      autoApproved: false,
      outcome: { deadline: chosen },
      currentDeadline: chosen,
    });
    expect(new Date((await invitationRow(invitation.id)).deadline_at).toISOString()).toBe(chosen);
    expect((await listPending(owner)).find((r) => r.id === asked.id)).toBeUndefined();

    const twice = await decide(owner, asked.id, 'decline');
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'request_decided' });
  });

  it('approves an extension by default with the days asked for', async () => {
    const { invitation, browser } = await candidateWithInvitation();
    const deadline = (await invitationRow(invitation.id)).deadline_at;
    const asked = (await ask(browser, { kind: 'extension', days: 7 })).json<CandidateRequest>();
    const res = await decide(owner, asked.id, 'approve');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<InvitationRequest>().currentDeadline).toBe(
      new Date(Date.parse(deadline) + days(7)).toISOString(),
    );
  });

  it('approves an accommodation as asked, which the landing page then shows', async () => {
    const { invitation, browser } = await candidateWithInvitation();
    const asked = (
      await ask(browser, { kind: 'accommodation', timeMultiplier: 2, answerFormat: 'audio' })
    ).json<CandidateRequest>();
    mail.messages.length = 0;
    const res = await decide(owner, asked.id, 'approve');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<InvitationRequest>()).toMatchObject({
      status: 'approved',
      currentAccommodations: { timeMultiplier: 2, extraTakes: 0, answerFormat: 'audio' },
    });
    const landing = (
      await sendAsCandidate(t.app, browser, { method: 'GET', url: '/api/v1/candidate/landing' })
    ).json<CandidateLanding>();
    expect(landing.accommodationsApplied).toEqual({
      timeMultiplier: 2,
      extraTakes: 0,
      answerFormat: 'audio',
    });
    expect(landing.questions[0]).toMatchObject({ answerType: 'audio', answerSeconds: 240 });
    expect(landing.pendingRequests).toEqual([]);
    expect(await eventTypesOf(t.runtime, invitation.id)).toContain('accommodations_changed');
    const row = await invitationRow(invitation.id);
    expect(mail.messages.map((m) => [m.to, m.subject])).toEqual([
      [row.candidate_email, `Accommodation approved: ${interview.title}`],
    ]);
  });

  it('lets the employer grant a different accommodation from the one asked for', async () => {
    const { browser } = await candidateWithInvitation();
    const asked = (await ask(browser, { kind: 'accommodation', timeMultiplier: 3 })).json<CandidateRequest>();
    const granted = { timeMultiplier: 2, extraTakes: 1, answerFormat: null };
    const res = await decide(owner, asked.id, 'approve', { accommodations: granted });
    expect(res.json<InvitationRequest>()).toMatchObject({ outcome: { accommodations: granted } });
    const wrongKind = await decide(owner, asked.id, 'approve', { deadline: clock.now().toISOString() });
    expect(wrongKind.statusCode).toBe(409);
  });

  it('declines an extension, records it and e-mails the candidate the note', async () => {
    const { invitation, browser } = await candidateWithInvitation();
    const asked = (await ask(browser, { kind: 'extension', days: 9 })).json<CandidateRequest>();
    mail.messages.length = 0;
    const res = await decide(owner, asked.id, 'decline', { message: 'We close the role on Friday.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<InvitationRequest>()).toMatchObject({
      status: 'declined',
      outcome: { message: 'We close the role on Friday.' },
    });
    expect(await eventTypesOf(t.runtime, invitation.id)).toContain('extension_declined');
    const row = await invitationRow(invitation.id);
    expect(row.extensions_granted).toBe(0);
    expect(mail.messages).toHaveLength(1);
    expect(mail.messages[0]).toMatchObject({ to: row.candidate_email });
    expect(mail.messages[0]?.text).toContain('We close the role on Friday.');
    expect(mail.messages[0]?.text).toContain('Casey Candidate');
  });

  it('writes the decline e-mail in the interview’s language', async () => {
    const spanish = await createInterview(t.app, owner, { title: 'Ejecutivo de cuentas', language: 'es' });
    await addQuestion(t.app, owner, spanish.id);
    const invitation = await inviteWithLink(t.app, mail, owner, spanish.id);
    const browser = await openInvitationLink(t.app, invitation.token);
    const asked = (await ask(browser, { kind: 'accommodation', extraTakes: 2 })).json<CandidateRequest>();
    mail.messages.length = 0;
    await decide(owner, asked.id, 'decline');
    expect(await eventTypesOf(t.runtime, invitation.id)).toContain('accommodation_declined');
    expect(mail.messages[0]?.subject).toBe('Tu solicitud de adaptación: Ejecutivo de cuentas');
    expect(mail.messages[0]?.text).toMatch(/^Hola, Casey Candidate:/);
  });

  it('keeps requests from reviewers and lists one invitation’s requests for editors', async () => {
    const { invitation, browser } = await candidateWithInvitation();
    await ask(browser, { kind: 'extension', days: 8 });
    const forbidden = await send(t.app, reviewer, { method: 'GET', url: '/api/v1/invitation-requests' });
    expect(forbidden.statusCode).toBe(403);
    const res = await send(t.app, owner, {
      method: 'GET',
      url: `/api/v1/invitations/${invitation.id}/requests`,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ requests: InvitationRequest[] }>().requests.map((r) => r.days)).toEqual([8]);
  });

  it("answers another organisation's requests and invitations as not found", async () => {
    const { invitation, browser } = await candidateWithInvitation();
    const asked = (await ask(browser, { kind: 'extension', days: 12 })).json<CandidateRequest>();
    const other = await signUp(t.app, { organisationName: 'Other Org' });
    expect((await listPending(other)).map((r) => r.id)).not.toContain(asked.id);
    const list = await send(t.app, other, {
      method: 'GET',
      url: `/api/v1/invitations/${invitation.id}/requests`,
    });
    expect(list.statusCode).toBe(404);
    for (const action of ['approve', 'decline'] as const) {
      const res = await decide(other, asked.id, action);
      expect(res.statusCode, action).toBe(404);
    }
    const stored = await t.runtime.db
      .selectFrom('invitation_requests')
      .select('status')
      .where('id', '=', asked.id)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('pending');
  });

  // Last: it moves the clock past every deadline (and the owner's session).
  it('extends an expired invitation from now, so the days asked for are whole days', async () => {
    const { invitation, browser } = await candidateWithInvitation();
    const { deadline_at: deadline } = await invitationRow(invitation.id);
    clock.advance(days(7) + 3_600_000);
    await t.runtime.services.invitations.expireInvitationAtDeadline({
      invitationId: invitation.id,
      deadline,
    });
    expect((await invitationRow(invitation.id)).status).toBe('expired');
    const res = await ask(browser, { kind: 'extension', days: 2 });
    expect(res.json<CandidateRequest>().status).toBe('approved');
    const row = await invitationRow(invitation.id);
    expect(new Date(row.deadline_at).toISOString()).toBe(
      new Date(clock.now().getTime() + days(2)).toISOString(),
    );
    expect(row.status).toBe('opened');
    const landing = await sendAsCandidate(t.app, browser, {
      method: 'GET',
      url: '/api/v1/candidate/landing',
    });
    expect(landing.json<CandidateLanding>().expired).toBe(false);
  });
});
