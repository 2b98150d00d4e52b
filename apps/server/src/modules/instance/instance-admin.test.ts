import type { AdminOrganisation, AdminOrganisationDetail, OutboxMessage, SessionInfo } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { createApiKey, sendWithKey } from '../../../test/factories/api-keys.ts';
import { addQuestion, createInterview } from '../../../test/factories/interviews.ts';
import { inviteCandidate } from '../../../test/factories/invitation-api.ts';
import { openInvitationLink, sendAsCandidate } from '../../../test/factories/invitations.ts';
import { captureMail } from '../../../test/factories/mail.ts';
import { randomIp, send, signUp, testPassword, type TestSession } from '../../../test/factories/session.ts';

interface ErrorJson {
  code: string;
  message: string;
}

describe('instance administration', () => {
  let t: TestContext;
  let admin: TestSession;
  let tenant: TestSession;
  beforeAll(async () => {
    t = await createTestApp({ MAIL_DAILY_LIMIT: '3' });
    // The first account administers the instance.
    admin = await signUp(t.app, { organisationName: 'Operator' });
    tenant = await signUp(t.app, { organisationName: 'Tenant Ltd' });
  });
  afterAll(() => t.close());

  const adminGet = <T>(url: string, as = admin) =>
    send(t.app, as, { method: 'GET', url }).then((res) => ({ res, body: res.json<T>() }));

  it('is for the instance administrator only', async () => {
    expect(admin.info.instanceAdmin).toBe(true);
    expect(tenant.info.instanceAdmin).toBe(false);
    const refused = await send(t.app, tenant, { method: 'GET', url: '/api/v1/admin/organisations' });
    expect(refused.statusCode).toBe(403);
    const { key } = await createApiKey(t.app, admin);
    expect(
      (await sendWithKey(t.app, key, { method: 'GET', url: '/api/v1/admin/organisations' })).statusCode,
    ).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/admin/organisations' })).statusCode).toBe(401);
  });

  it('lists organisations with their members, invitations, takes, bytes and e-mails today', async () => {
    const interview = await createInterview(t.app, tenant);
    await addQuestion(t.app, tenant, interview.id);
    await inviteCandidate(t.app, tenant, interview.id);
    const { body } = await adminGet<{ organisations: AdminOrganisation[] }>('/api/v1/admin/organisations');
    const row = body.organisations.find((o) => o.id === tenant.info.organisation.id);
    expect(row).toMatchObject({
      name: 'Tenant Ltd',
      members: 1,
      invitations: 1,
      takes: 0,
      suspendedAt: null,
    });
    expect(row?.mailToday).toBe(1);
    const detail = await adminGet<AdminOrganisationDetail>(
      `/api/v1/admin/organisations/${tenant.info.organisation.id}`,
    );
    expect(detail.body.members).toEqual([
      expect.objectContaining({ email: tenant.info.user.email, role: 'owner' }),
    ]);
    expect(detail.body.mail).toHaveLength(1);
    expect(detail.body.mail[0]).toMatchObject({ sent: 0, failed: 0, waiting: 1, held: 0 });
  });

  it('holds an organisation’s e-mails past its daily limit, and says so in its outbox', async () => {
    const owner = await signUp(t.app, { organisationName: 'Busy Co' });
    const interview = await createInterview(t.app, owner);
    await addQuestion(t.app, owner, interview.id);
    // The session tells the app how many e-mails are left today, so it never says "sent" of a held one.
    const leftToday = async () =>
      (await send(t.app, owner, { method: 'GET', url: '/api/v1/auth/me' })).json<SessionInfo>().mailLeftToday;
    expect(owner.info.mailLeftToday).toBe(3);
    await inviteCandidate(t.app, owner, interview.id);
    expect(await leftToday()).toBe(2);
    for (let i = 0; i < 4; i++) await inviteCandidate(t.app, owner, interview.id);
    expect(await leftToday()).toBe(0);
    const outbox = await send(t.app, owner, { method: 'GET', url: '/api/v1/outbox' });
    const messages = outbox.json<{ messages: OutboxMessage[] }>().messages;
    const held = messages.filter((m) => m.status === 'held');
    expect(held).toHaveLength(2);
    expect(held.every((m) => m.heldReason === 'daily_limit')).toBe(true);
    expect(messages.filter((m) => m.status === 'queued')).toHaveLength(3);
  });

  it('suspends an organisation: members signed out and refused, API keys refused, candidates told, mail held', async () => {
    const owner = await signUp(t.app, { organisationName: 'Suspect Inc' });
    const { key } = await createApiKey(t.app, owner);
    const interview = await createInterview(t.app, owner);
    await addQuestion(t.app, owner, interview.id);
    const mail = captureMail(t.runtime);
    const invitation = await inviteCandidate(t.app, owner, interview.id);
    const link = mail.lastLinkToken(invitation.email);
    const candidate = await openInvitationLink(t.app, link);
    // The outbox is what the rest of this test looks at: e-mails are written to it again.
    vi.restoreAllMocks();

    const organisationId = owner.info.organisation.id;
    const selfSuspend = await send(t.app, admin, {
      method: 'POST',
      url: `/api/v1/admin/organisations/${admin.info.organisation.id}/suspend`,
    });
    expect(selfSuspend.statusCode).toBe(400);
    const suspended = await send(t.app, admin, {
      method: 'POST',
      url: `/api/v1/admin/organisations/${organisationId}/suspend`,
    });
    expect(suspended.statusCode).toBe(204);

    expect((await send(t.app, owner, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signin',
      payload: { email: owner.info.user.email, password: testPassword },
      remoteAddress: randomIp(),
    });
    expect(signIn.statusCode).toBe(403);
    expect(signIn.json<ErrorJson>()).toMatchObject({
      code: 'organisation_suspended',
      message: expect.stringContaining('suspended by the administrator') as string,
    });
    const withKey = await sendWithKey(t.app, key, { method: 'GET', url: '/api/v1/interviews' });
    expect(withKey.json<ErrorJson>().code).toBe('organisation_suspended');

    const landing = await sendAsCandidate(t.app, candidate, {
      method: 'GET',
      url: '/api/v1/candidate/landing',
    });
    expect(landing.statusCode).toBe(403);
    expect(landing.json<ErrorJson>()).toMatchObject({
      code: 'organisation_suspended',
      message: expect.stringContaining('not available at the moment') as string,
    });
    const reopened = await t.app.inject({
      method: 'POST',
      url: '/api/v1/candidate/session',
      headers: { 'x-requested-with': 'oneway' },
      payload: { token: link },
      remoteAddress: randomIp(),
    });
    expect(reopened.json<ErrorJson>().code).toBe('organisation_suspended');

    // A reminder written while suspended is held, and goes once the organisation is restored.
    await t.runtime.services.mail.queueEmail({
      organisationId,
      to: 'late@example.com',
      subject: 'Reminder',
      text: 'x',
    });
    const heldRow = () =>
      t.runtime.db
        .selectFrom('outbox_emails')
        .select(['status', 'held_reason'])
        .where('to_address', '=', 'late@example.com')
        .executeTakeFirstOrThrow();
    expect(await heldRow()).toEqual({ status: 'held', held_reason: 'suspended' });
    const { body } = await adminGet<{ organisations: AdminOrganisation[] }>('/api/v1/admin/organisations');
    expect(body.organisations.find((o) => o.id === organisationId)?.suspendedAt).toEqual(expect.any(String));

    expect(
      (
        await send(t.app, admin, {
          method: 'POST',
          url: `/api/v1/admin/organisations/${organisationId}/restore`,
        })
      ).statusCode,
    ).toBe(204);
    expect(await heldRow()).toEqual({ status: 'queued', held_reason: null });
    const back = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signin',
      payload: { email: owner.info.user.email, password: testPassword },
      remoteAddress: randomIp(),
    });
    expect(back.statusCode).toBe(200);
    expect(
      (await sendAsCandidate(t.app, candidate, { method: 'GET', url: '/api/v1/candidate/landing' }))
        .statusCode,
    ).toBe(200);
  });

  it('invites someone to create an organisation, and withdraws an invitation', async () => {
    const mail = captureMail(t.runtime);
    const created = await send(t.app, admin, {
      method: 'POST',
      url: '/api/v1/admin/invitations',
      payload: { email: 'New.Tenant@Example.com' },
    });
    expect(created.statusCode).toBe(201);
    const { invitation, link } = created.json<{ invitation: { id: string; email: string }; link: string }>();
    expect(invitation.email).toBe('new.tenant@example.com');
    expect(mail.to('new.tenant@example.com')[0]?.text).toContain(link);
    const existing = await send(t.app, admin, {
      method: 'POST',
      url: '/api/v1/admin/invitations',
      payload: { email: tenant.info.user.email },
    });
    expect(existing.statusCode).toBe(409);
    const revoked = await send(t.app, admin, {
      method: 'DELETE',
      url: `/api/v1/admin/invitations/${invitation.id}`,
    });
    expect(revoked.statusCode).toBe(204);
    const token = new URL(link).searchParams.get('invitation') ?? '';
    const preview = await t.app.inject({
      method: 'GET',
      url: `/api/v1/instance-invitations/preview?token=${token}`,
    });
    expect(preview.json<ErrorJson>().code).toBe('instance_invitation_invalid');
  });
});
