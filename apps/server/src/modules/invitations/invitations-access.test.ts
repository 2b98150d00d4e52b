import type { Interview, Invitation } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { createInterviewWithQuestions } from '../../../test/factories/interviews.ts';
import { inviteCandidate } from '../../../test/factories/invitation-api.ts';
import { captureMail, type CapturedMail } from '../../../test/factories/mail.ts';
import { addMember } from '../../../test/factories/member.ts';
import { send, signUp, type TestSession } from '../../../test/factories/session.ts';

describe('invitations are walled off by organisation and role', () => {
  let t: TestContext;
  let mail: CapturedMail;
  let ownerA: TestSession;
  let reviewerA: TestSession;
  let recruiterA: TestSession;
  let interviewA: Interview;
  let invitationA: Invitation;
  let ownerB: TestSession;
  let interviewB: Interview;
  beforeAll(async () => {
    t = await createTestApp();
    mail = captureMail(t.runtime);
    ownerA = await signUp(t.app, { organisationName: 'Alpha' });
    reviewerA = await addMember(t.app, mail, ownerA, 'reviewer');
    recruiterA = await addMember(t.app, mail, ownerA, 'recruiter');
    interviewA = await createInterviewWithQuestions(t.app, ownerA, 1);
    invitationA = await inviteCandidate(t.app, ownerA, interviewA.id);
    ownerB = await signUp(t.app, { organisationName: 'Beta' });
    interviewB = await createInterviewWithQuestions(t.app, ownerB, 1);
  });
  afterAll(() => t.close());

  const future = '2026-12-20T12:00:00Z';
  const csv = 'name,email\nMallory,mallory@example.com';
  const routesOn = (interviewId: string, invitationId: string, invitationIds = [invitationId]) => [
    {
      method: 'POST' as const,
      url: `/api/v1/interviews/${interviewId}/invitations`,
      payload: { name: 'M', email: 'm@example.com' },
    },
    { method: 'GET' as const, url: `/api/v1/interviews/${interviewId}/invitations` },
    { method: 'GET' as const, url: `/api/v1/interviews/${interviewId}/invitations/export.csv` },
    {
      method: 'POST' as const,
      url: `/api/v1/interviews/${interviewId}/invitations/import/preview`,
      payload: { csv },
    },
    {
      method: 'POST' as const,
      url: `/api/v1/interviews/${interviewId}/invitations/import`,
      payload: { csv },
    },
    {
      method: 'POST' as const,
      url: `/api/v1/interviews/${interviewId}/invitations/bulk`,
      payload: { action: 'withdraw', invitationIds },
    },
    {
      method: 'POST' as const,
      url: `/api/v1/interviews/${interviewId}/invitations/bulk`,
      payload: { action: 'extend', invitationIds, deadline: future },
    },
    { method: 'GET' as const, url: `/api/v1/invitations/${invitationId}` },
    { method: 'POST' as const, url: `/api/v1/invitations/${invitationId}/resend` },
    { method: 'POST' as const, url: `/api/v1/invitations/${invitationId}/withdraw` },
    {
      method: 'POST' as const,
      url: `/api/v1/invitations/${invitationId}/extend`,
      payload: { deadline: future },
    },
    {
      method: 'PUT' as const,
      url: `/api/v1/invitations/${invitationId}/accommodations`,
      payload: { timeMultiplier: 2 },
    },
    { method: 'GET' as const, url: `/api/v1/interviews/${interviewId}/email-templates` },
    {
      method: 'PUT' as const,
      url: `/api/v1/interviews/${interviewId}/email-templates/invitation`,
      payload: { subject: 'x', text: 'y' },
    },
    { method: 'DELETE' as const, url: `/api/v1/interviews/${interviewId}/email-templates/invitation` },
  ];

  // Everything organisation A holds that these routes could change.
  const snapshotOfA = async () => {
    const db = t.runtime.db;
    const organisationId = ownerA.info.organisation.id;
    return {
      invitations: await db
        .selectFrom('invitations')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .orderBy('id')
        .execute(),
      events: await db
        .selectFrom('invitation_events')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .orderBy('id')
        .execute(),
      links: await db
        .selectFrom('invitation_links')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .orderBy('token_hash')
        .execute(),
      templates: await db
        .selectFrom('email_templates')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .execute(),
      mails: mail.messages.length,
    };
  };

  it("answers 404 for every id of another organisation's interview or invitation, and changes nothing", async () => {
    const before = await snapshotOfA();
    for (const route of routesOn(interviewA.id, invitationA.id)) {
      const res = await send(t.app, ownerB, route);
      expect({
        route: `${route.method} ${route.url}`,
        status: res.statusCode,
        code: res.json<{ code: string }>().code,
      }).toEqual({
        route: `${route.method} ${route.url}`,
        status: 404,
        code: 'not_found',
      });
    }
    // B's own interview with A's invitation ids in a bulk action.
    for (const action of ['withdraw', 'remind'] as const) {
      const res = await send(t.app, ownerB, {
        method: 'POST',
        url: `/api/v1/interviews/${interviewB.id}/invitations/bulk`,
        payload: { action, invitationIds: [invitationA.id] },
      });
      expect(res.statusCode).toBe(404);
    }
    expect(await snapshotOfA()).toEqual(before);
  });

  it('refuses reviewers every invitation route (403) and lets recruiters in', async () => {
    const before = await snapshotOfA();
    for (const route of routesOn(interviewA.id, invitationA.id)) {
      const res = await send(t.app, reviewerA, route);
      expect({ route: `${route.method} ${route.url}`, status: res.statusCode }).toEqual({
        route: `${route.method} ${route.url}`,
        status: 403,
      });
    }
    expect(await snapshotOfA()).toEqual(before);
    const res = await send(t.app, recruiterA, {
      method: 'GET',
      url: `/api/v1/invitations/${invitationA.id}`,
    });
    expect(res.statusCode).toBe(200);
  });

  it('answers 401 without a session', async () => {
    const res = await send(t.app, null, {
      method: 'GET',
      url: `/api/v1/interviews/${interviewA.id}/invitations`,
    });
    expect(res.statusCode).toBe(401);
  });
});
