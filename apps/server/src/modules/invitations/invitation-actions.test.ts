import type { BulkInvitationResult, Interview, Invitation, InvitationDetail } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { days } from '../../../test/factories/clock.ts';
import { createInterviewWithQuestions, expectFieldRefused } from '../../../test/factories/interviews.ts';
import {
  captureInvitationMail,
  captureJobs,
  createTickingClock,
  inviteCandidate,
  type CapturedInvitationMail,
  type CapturedJob,
} from '../../../test/factories/invitation-api.ts';
import { send, signUp, type TestSession } from '../../../test/factories/session.ts';

describe('resending, withdrawing, extending and accommodating invitations', () => {
  let t: TestContext;
  let mail: CapturedInvitationMail;
  let jobs: CapturedJob[];
  let owner: TestSession;
  let interview: Interview;
  const clock = createTickingClock('2026-03-02T09:00:00.000Z');
  beforeAll(async () => {
    t = await createTestApp({}, { clock });
    mail = captureInvitationMail(t.runtime);
    jobs = captureJobs(t.runtime);
    owner = await signUp(t.app, { organisationName: 'Northwind Fintech' });
    interview = await createInterviewWithQuestions(t.app, owner, 2);
  });
  afterAll(() => t.close());

  const post = (url: string, payload?: object) => send(t.app, owner, { method: 'POST', url, payload });
  const detailOf = async (id: string) =>
    (await send(t.app, owner, { method: 'GET', url: `/api/v1/invitations/${id}` })).json<InvitationDetail>();
  const findByToken = (token: string) => t.runtime.services.invitations.findInvitationByToken(token);
  const bulk = (payload: object) => post(`/api/v1/interviews/${interview.id}/invitations/bulk`, payload);
  // Moving the clock a week on would end the employer's session, so the deadline moves back instead.
  const expire = async (invitation: Invitation) => {
    const deadline = new Date(clock.now().getTime() - 1000).toISOString();
    await t.runtime.db
      .updateTable('invitations')
      .set({ deadline_at: deadline })
      .where('id', '=', invitation.id)
      .execute();
    await t.runtime.services.invitations.expireInvitationAtDeadline({
      invitationId: invitation.id,
      deadline,
    });
  };

  it('resends with a new link and the old one stops working', async () => {
    const invitation = await inviteCandidate(t.app, owner, interview.id, { email: 'resend@example.com' });
    const oldToken = mail.lastLinkToken('resend@example.com');
    expect((await findByToken(oldToken))?.id).toBe(invitation.id);

    const res = await post(`/api/v1/invitations/${invitation.id}/resend`);
    expect(res.statusCode, res.body).toBe(200);
    const newToken = mail.lastLinkToken('resend@example.com');
    expect(newToken).not.toBe(oldToken);
    expect(await findByToken(oldToken)).toBeUndefined();
    expect((await findByToken(newToken))?.id).toBe(invitation.id);
    const timeline = (await detailOf(invitation.id)).timeline;
    expect(timeline.map((e) => e.type)).toEqual(['sent', 'sent']);
    expect(timeline[1]?.details).toMatchObject({ resent: true });
  });

  it('withdraws: the status changes, the event is recorded, and a completed invitation cannot be withdrawn', async () => {
    const invitation = await inviteCandidate(t.app, owner, interview.id);
    const res = await post(`/api/v1/invitations/${invitation.id}/withdraw`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Invitation>()).toMatchObject({
      status: 'withdrawn',
      withdrawnAt: expect.any(String) as string,
    });
    expect((await post(`/api/v1/invitations/${invitation.id}/withdraw`)).statusCode).toBe(200);
    expect((await detailOf(invitation.id)).timeline.map((e) => e.type)).toEqual(['sent', 'withdrawn']);
    expect((await post(`/api/v1/invitations/${invitation.id}/resend`)).json()).toMatchObject({
      code: 'invitation_withdrawn',
    });

    const done = await inviteCandidate(t.app, owner, interview.id);
    await t.runtime.services.invitations.markInvitationCompleted({ invitationId: done.id });
    const refused = await post(`/api/v1/invitations/${done.id}/withdraw`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'invitation_completed' });
  });

  it('extends one deadline, e-mails a working link and schedules reminders for the new deadline', async () => {
    const invitation = await inviteCandidate(t.app, owner, interview.id, { email: 'extend@example.com' });
    const newDeadline = new Date(Date.parse(invitation.deadline) + days(3)).toISOString();
    jobs.length = 0;
    const res = await post(`/api/v1/invitations/${invitation.id}/extend`, { deadline: newDeadline });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Invitation>()).toMatchObject({
      deadline: newDeadline,
      status: 'invited',
      extensionsGranted: 1,
    });
    const [extended] = mail.to('extend@example.com', /More time/);
    expect(extended?.text).toContain('The new deadline is');
    // The extension e-mail carries a link of its own; the invitation's first link keeps working too.
    expect((await findByToken(mail.lastLinkToken('extend@example.com')))?.id).toBe(invitation.id);
    expect(jobs.map((j) => j.options.dedupeKey).sort()).toEqual([
      `invitation/${invitation.id}/expire/${newDeadline}`,
      `invitation/${invitation.id}/remind/24/${newDeadline}`,
      `invitation/${invitation.id}/remind/48/${newDeadline}`,
    ]);
    const timeline = (await detailOf(invitation.id)).timeline;
    expect(timeline.at(-1)).toMatchObject({
      type: 'extended',
      details: { previousDeadline: invitation.deadline, deadline: newDeadline },
    });

    const earlier = await post(`/api/v1/invitations/${invitation.id}/extend`, {
      deadline: invitation.deadline,
    });
    expectFieldRefused(earlier, 'deadline');
    const past = await post(`/api/v1/invitations/${invitation.id}/extend`, {
      deadline: '2026-01-01T00:00:00Z',
    });
    expectFieldRefused(past, 'deadline');
  });

  it('brings an expired invitation back to how far the candidate had got', async () => {
    const started = await inviteCandidate(t.app, owner, interview.id);
    await t.runtime.services.invitations.markInvitationStarted({ invitationId: started.id });
    await expire(started);
    expect((await detailOf(started.id)).status).toBe('expired');
    const deadline = new Date(clock.now().getTime() + days(2)).toISOString();
    const res = await post(`/api/v1/invitations/${started.id}/extend`, { deadline });
    expect(res.json<Invitation>()).toMatchObject({ status: 'started', expiredAt: null, deadline });
  });

  it('extends, reminds and withdraws in bulk, skipping what an action does not apply to', async () => {
    const expired = await inviteCandidate(t.app, owner, interview.id);
    const opened = await inviteCandidate(t.app, owner, interview.id);
    await t.runtime.services.invitations.markInvitationOpened({ invitationId: opened.id });
    await expire(expired);
    await t.runtime.services.invitations.markInvitationOpened({ invitationId: expired.id });
    const done = await inviteCandidate(t.app, owner, interview.id);
    await t.runtime.services.invitations.markInvitationCompleted({ invitationId: done.id });

    const deadline = new Date(clock.now().getTime() + days(10)).toISOString();
    const extended = await bulk({
      action: 'extend',
      invitationIds: [expired.id, opened.id, done.id],
      deadline,
    });
    expect(extended.statusCode, extended.body).toBe(200);
    expect(extended.json<BulkInvitationResult>()).toEqual({
      updated: [expired.id, opened.id],
      skipped: [{ id: done.id, reason: 'The candidate has completed the interview' }],
    });
    expect((await detailOf(expired.id)).status).toBe('invited');
    expect((await detailOf(opened.id)).status).toBe('opened');

    const reminded = await bulk({ action: 'remind', invitationIds: [opened.id, done.id] });
    expect(reminded.json<BulkInvitationResult>()).toMatchObject({
      updated: [opened.id],
      skipped: [{ id: done.id }],
    });
    expect((await detailOf(opened.id)).timeline.at(-1)).toMatchObject({
      type: 'reminded',
      details: { manual: true },
    });

    const withdrawn = await bulk({ action: 'withdraw', invitationIds: [opened.id, expired.id] });
    expect(withdrawn.json<BulkInvitationResult>().updated).toEqual([opened.id, expired.id]);

    expectFieldRefused(
      await bulk({ action: 'extend', invitationIds: [opened.id], deadline: '2020-01-01T00:00:00Z' }),
      'deadline',
    );
    expectFieldRefused(await bulk({ action: 'shout', invitationIds: [opened.id] }), 'action');
  });

  it('sets accommodations, recording what changed but never why', async () => {
    const invitation = await inviteCandidate(t.app, owner, interview.id);
    const put = (payload: object) =>
      send(t.app, owner, {
        method: 'PUT',
        url: `/api/v1/invitations/${invitation.id}/accommodations`,
        payload,
      });
    const res = await put({ timeMultiplier: null, extraTakes: 2, answerFormat: 'text' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Invitation>()).toMatchObject({
      accommodations: { timeMultiplier: null, extraTakes: 2, answerFormat: 'text' },
      hasAccommodations: true,
    });
    expect((await detailOf(invitation.id)).timeline.at(-1)).toEqual(
      expect.objectContaining({
        type: 'accommodations_changed',
        details: { timeMultiplier: null, extraTakes: 2, answerFormat: 'text' },
      }),
    );
    expectFieldRefused(await put({ timeMultiplier: 4 }), 'timeMultiplier');
    expectFieldRefused(await put({ timeMultiplier: 2, reason: 'dyslexia' }), 'reason');
    const cleared = await put({});
    expect(cleared.json<Invitation>().hasAccommodations).toBe(false);
  });

  it('exports CSV with a file name, guarding cells against formula injection', async () => {
    const exported = await createInterviewWithQuestions(t.app, owner, 1);
    await inviteCandidate(t.app, owner, exported.id, {
      name: '=HYPERLINK("http://evil.example","x")',
      externalId: '+1-555',
      email: 'evil@example.com',
    });
    await inviteCandidate(t.app, owner, exported.id, {
      name: 'Ada, "the first"',
      email: 'ada@example.com',
      phone: '-44 1',
    });
    await inviteCandidate(t.app, owner, exported.id, { name: '@SUM(A1)', email: 'at@example.com' });
    const res = await send(t.app, owner, {
      method: 'GET',
      url: `/api/v1/interviews/${exported.id}/invitations/export.csv`,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="invitations-senior-account-executive-2026-03-02.csv"',
    );
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toMatch(/^name,email,phone,external_id,status,deadline,invited_at,/);
    expect(lines[1]).toMatch(
      // A plain phone-like value runs nothing in a spreadsheet and stays as it is, so the file imports again.
      /^"'=HYPERLINK\(""http:\/\/evil.example"",""x""\)",evil@example.com,,\+1-555,invited,/,
    );
    expect(lines[2]).toMatch(/^"Ada, ""the first""",ada@example.com,'-44 1,,invited,/);
    expect(lines[3]).toMatch(/^'@SUM\(A1\),at@example.com,/);
    const filtered = await send(t.app, owner, {
      method: 'GET',
      url: `/api/v1/interviews/${exported.id}/invitations/export.csv?q=ada`,
    });
    expect(filtered.body.trimEnd().split('\r\n')).toHaveLength(2);
  });
});
