import type { Interview, InvitationDetail } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { days, hours } from '../../../test/factories/clock.ts';
import { createInterviewWithQuestions } from '../../../test/factories/interviews.ts';
import {
  captureInvitationMail,
  captureJobs,
  createTickingClock,
  inviteCandidate,
  type CapturedInvitationMail,
  type CapturedJob,
} from '../../../test/factories/invitation-api.ts';
import { send, signUp, uniqueEmail, type TestSession } from '../../../test/factories/session.ts';
import { AppError } from '../../errors.ts';
import { newId } from '../../lib/tokens.ts';

describe('reminders, expiry and the candidate-side lifecycle', () => {
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

  const invitations = () => t.runtime.services.invitations;
  const rowOf = (id: string) =>
    t.runtime.db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const eventTypes = async (id: string) =>
    (await send(t.app, owner, { method: 'GET', url: `/api/v1/invitations/${id}` }))
      .json<InvitationDetail>()
      .timeline.map((e) => e.type);
  const jobsFor = (invitationId: string) => jobs.filter((j) => j.payload.invitationId === invitationId);
  const remindPayload = (job: CapturedJob) =>
    job.payload as { invitationId: string; hours: number; deadline: string };
  const setDeadline = (id: string, deadline: string) =>
    t.runtime.db.updateTable('invitations').set({ deadline_at: deadline }).where('id', '=', id).execute();

  it('schedules a reminder 48 h and 24 h before the deadline and the expiry at it', async () => {
    const invitation = await inviteCandidate(t.app, owner, interview.id);
    const deadline = Date.parse(invitation.deadline);
    const scheduled = jobsFor(invitation.id).map((j) => ({
      name: j.name,
      runAt: j.options.runAt?.toISOString(),
      key: j.options.dedupeKey,
    }));
    expect(scheduled).toEqual([
      {
        name: 'invitation.expire',
        runAt: invitation.deadline,
        key: `invitation/${invitation.id}/expire/${invitation.deadline}`,
      },
      {
        name: 'invitation.remind',
        runAt: new Date(deadline - hours(48)).toISOString(),
        key: `invitation/${invitation.id}/remind/48/${invitation.deadline}`,
      },
      {
        name: 'invitation.remind',
        runAt: new Date(deadline - hours(24)).toISOString(),
        key: `invitation/${invitation.id}/remind/24/${invitation.deadline}`,
      },
    ]);
    // Stored in the queue, not only handed to it.
    if (t.runtime.dialect === 'sqlite') {
      const stored = await t.runtime.db
        .selectFrom('jobs')
        .select('dedupe_key')
        .where('dedupe_key', 'like', `invitation/${invitation.id}/%`)
        .execute();
      expect(stored).toHaveLength(3);
    }
  });

  it('schedules only the reminders still ahead', async () => {
    const invitation = await inviteCandidate(t.app, owner, interview.id, {
      deadline: new Date(clock.now().getTime() + hours(30)).toISOString(),
    });
    expect(jobsFor(invitation.id).map((j) => j.options.dedupeKey)).toEqual([
      `invitation/${invitation.id}/expire/${invitation.deadline}`,
      `invitation/${invitation.id}/remind/24/${invitation.deadline}`,
    ]);
  });

  it('sends a reminder with a working link once, and none when completed, withdrawn or the deadline moved', async () => {
    const email = uniqueEmail('remind');
    const invitation = await inviteCandidate(t.app, owner, interview.id, { email });
    const [reminder48] = jobsFor(invitation.id).filter((j) => j.name === 'invitation.remind');
    const payload = remindPayload(reminder48 as CapturedJob);
    await invitations().remindInvitationBeforeDeadline(payload);
    await invitations().remindInvitationBeforeDeadline(payload);
    const reminders = mail.to(email, /^Reminder/);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.text).toContain('is open until Monday 9 March 2026, 09:00 (UTC)');
    expect((await invitations().findInvitationByToken(mail.lastLinkToken(email)))?.id).toBe(invitation.id);
    expect(await eventTypes(invitation.id)).toEqual(['sent', 'reminded']);

    // The deadline moved: the old reminder is stale.
    await invitations().extendInvitationDeadline({
      organisationId: owner.info.organisation.id,
      invitationId: invitation.id,
      actor: { organisationId: owner.info.organisation.id, userId: null },
      deadline: new Date(Date.parse(invitation.deadline) + days(1)).toISOString(),
    });
    const sent = mail.messages.length;
    await invitations().remindInvitationBeforeDeadline({ ...payload, hours: 24 });
    expect(mail.messages).toHaveLength(sent);

    const completed = await inviteCandidate(t.app, owner, interview.id);
    await invitations().markInvitationCompleted({ invitationId: completed.id });
    const withdrawn = await inviteCandidate(t.app, owner, interview.id);
    await send(t.app, owner, { method: 'POST', url: `/api/v1/invitations/${withdrawn.id}/withdraw` });
    const before = mail.messages.length;
    for (const job of [...jobsFor(completed.id), ...jobsFor(withdrawn.id)]) {
      if (job.name === 'invitation.remind')
        await invitations().remindInvitationBeforeDeadline(remindPayload(job));
    }
    expect(mail.messages).toHaveLength(before);
    expect(await eventTypes(completed.id)).not.toContain('reminded');
  });

  it('follows changed reminder hours: removed hours stay silent, new hours are queued for open invitations', async () => {
    const changing = await createInterviewWithQuestions(t.app, owner, 1);
    const email = uniqueEmail('rehours');
    const invitation = await inviteCandidate(t.app, owner, changing.id, { email });
    const [old48] = jobsFor(invitation.id).filter((j) => j.name === 'invitation.remind');
    const done = await inviteCandidate(t.app, owner, changing.id);
    await invitations().markInvitationCompleted({ invitationId: done.id });

    const res = await send(t.app, owner, {
      method: 'PATCH',
      url: `/api/v1/interviews/${changing.id}`,
      payload: { reminderHours: [72] },
    });
    expect(res.statusCode, res.body).toBe(200);
    const [reschedule] = jobs.filter(
      (j) => j.name === 'interview.reminders-reschedule' && j.payload.interviewId === changing.id,
    );
    expect(reschedule?.payload).toEqual({
      organisationId: owner.info.organisation.id,
      interviewId: changing.id,
    });
    await invitations().rescheduleInterviewReminders({
      organisationId: owner.info.organisation.id,
      interviewId: changing.id,
    });

    const deadline = Date.parse(invitation.deadline);
    const newReminders = jobsFor(invitation.id).filter(
      (j) => j.name === 'invitation.remind' && remindPayload(j).hours === 72,
    );
    expect(newReminders.map((j) => j.options.runAt?.toISOString())).toEqual([
      new Date(deadline - hours(72)).toISOString(),
    ]);
    expect(jobsFor(done.id).filter((j) => remindPayload(j).hours === 72)).toEqual([]);

    const sent = mail.to(email, /^Reminder/).length;
    await invitations().remindInvitationBeforeDeadline(remindPayload(old48 as CapturedJob));
    expect(mail.to(email, /^Reminder/)).toHaveLength(sent);
    await invitations().remindInvitationBeforeDeadline(remindPayload(newReminders[0] as CapturedJob));
    expect(mail.to(email, /^Reminder/)).toHaveLength(sent + 1);
  });

  it('expires an invitation at its deadline; a job left from before an extension does nothing', async () => {
    const invitation = await inviteCandidate(t.app, owner, interview.id);
    const [expireJob] = jobsFor(invitation.id).filter((j) => j.name === 'invitation.expire');
    const payload = expireJob?.payload as { invitationId: string; deadline: string };
    // Run early (a worker whose clock is behind): it fails, so the queue tries again later.
    await expect(invitations().expireInvitationAtDeadline(payload)).rejects.toThrow(/before the deadline/);

    const past = new Date(clock.now().getTime() - 1000).toISOString();
    await setDeadline(invitation.id, past);
    await invitations().expireInvitationAtDeadline({ invitationId: invitation.id, deadline: past });
    await invitations().expireInvitationAtDeadline({ invitationId: invitation.id, deadline: past });
    expect(await rowOf(invitation.id)).toMatchObject({
      status: 'expired',
      expired_at: expect.any(String) as string,
    });
    expect(await eventTypes(invitation.id)).toEqual(['sent', 'expired']);

    const later = new Date(clock.now().getTime() + days(3)).toISOString();
    const extended = await send(t.app, owner, {
      method: 'POST',
      url: `/api/v1/invitations/${invitation.id}/extend`,
      payload: { deadline: later },
    });
    expect(extended.statusCode, extended.body).toBe(200);
    await invitations().expireInvitationAtDeadline({ invitationId: invitation.id, deadline: past });
    expect((await rowOf(invitation.id)).status).toBe('invited');
  });

  it('refuses to start an expired invitation, even before the expiry job has run', async () => {
    const invitation = await inviteCandidate(t.app, owner, interview.id);
    const row = await rowOf(invitation.id);
    expect(invitations().isInvitationExpired(row)).toBe(false);
    await setDeadline(invitation.id, new Date(clock.now().getTime() - 1000).toISOString());
    const due = await rowOf(invitation.id);
    expect(due.status).toBe('invited');
    expect(invitations().isInvitationExpired(due)).toBe(true);
    const refusal = await invitations()
      .markInvitationStarted({ invitationId: invitation.id })
      .catch((err: unknown) => err);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: 'invitation_expired', status: 410 });
    expect((await rowOf(invitation.id)).status).toBe('invited');
  });

  it('moves through opened, started and completed once each, whatever the repeats', async () => {
    const invitation = await inviteCandidate(t.app, owner, interview.id);
    await invitations().markInvitationOpened({ invitationId: invitation.id });
    await invitations().markInvitationOpened({ invitationId: invitation.id });
    const started = await invitations().markInvitationStarted({ invitationId: invitation.id });
    await invitations().markInvitationStarted({ invitationId: invitation.id });
    expect(started).toMatchObject({ status: 'started', started_at: expect.any(String) as string });
    const completed = await invitations().markInvitationCompleted({ invitationId: invitation.id });
    await invitations().markInvitationCompleted({ invitationId: invitation.id });
    expect(completed.status).toBe('completed');
    expect(completed.last_activity_at).toBe(completed.completed_at);
    expect(await eventTypes(invitation.id)).toEqual(['sent', 'opened', 'started', 'completed']);
    await expect(invitations().markInvitationStarted({ invitationId: invitation.id })).rejects.toMatchObject({
      code: 'invitation_completed',
    });
  });

  it("sends the completion e-mails once: the candidate's confirmation and the team's notice", async () => {
    const organisationId = owner.info.organisation.id;
    const now = clock.now().toISOString();
    for (const role of ['recruiter', 'reviewer'] as const) {
      const userId = newId();
      await t.runtime.db
        .insertInto('users')
        .values({
          id: userId,
          email: `${role}@northwind.test`,
          name: role,
          password_hash: 'x',
          created_at: now,
          password_changed_at: now,
        })
        .execute();
      await t.runtime.db
        .insertInto('memberships')
        .values({ organisation_id: organisationId, user_id: userId, role, created_at: now })
        .execute();
    }
    const email = uniqueEmail('done');
    const invitation = await inviteCandidate(t.app, owner, interview.id, { email, name: 'Dana Done' });
    await invitations().sendCompletionEmails({ invitationId: invitation.id });
    expect(mail.to(email, /^Thank you/)).toHaveLength(0);
    await invitations().markInvitationCompleted({ invitationId: invitation.id });
    await invitations().sendCompletionEmails({ invitationId: invitation.id });
    await invitations().sendCompletionEmails({ invitationId: invitation.id });
    expect(mail.to(email, /^Thank you/)).toHaveLength(1);
    const team = mail.messages.filter(
      (m) => m.subject === `Dana Done completed the interview ${interview.title}`,
    );
    expect(team.map((m) => m.to).sort()).toEqual([owner.info.user.email, 'recruiter@northwind.test'].sort());
    expect(team[0]?.text).toContain(`/interviews/${interview.id}/review/${invitation.id}`);
  });

  it('puts delivery on the timeline once the mail server has the invitation e-mail', async () => {
    const invitation = await inviteCandidate(t.app, owner, interview.id);
    const emailRow = await t.runtime.db
      .selectFrom('invitation_emails')
      .selectAll()
      .where('invitation_id', '=', invitation.id)
      .executeTakeFirstOrThrow();
    await invitations().recordInvitationEmailDelivered({ messageId: emailRow.message_id });
    await invitations().recordInvitationEmailDelivered({ messageId: emailRow.message_id });
    await invitations().recordInvitationEmailDelivered({ messageId: 'not-an-invitation-email' });
    expect(await eventTypes(invitation.id)).toEqual(['sent', 'delivered']);
  });
});
