import type { Interview, Invitation, InvitationDetail, InterviewSummary } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { createTestClock, days } from '../../../test/factories/clock.ts';
import {
  createInterview,
  createInterviewWithQuestions,
  expectFieldRefused,
} from '../../../test/factories/interviews.ts';
import {
  captureInvitationMail,
  inviteCandidate,
  type CapturedInvitationMail,
} from '../../../test/factories/invitation-api.ts';
import { send, signUp, type TestSession } from '../../../test/factories/session.ts';
import { hashToken } from '../../lib/tokens.ts';

describe('inviting candidates one at a time', () => {
  let t: TestContext;
  let mail: CapturedInvitationMail;
  let owner: TestSession;
  let interview: Interview;
  const clock = createTestClock('2026-03-02T09:00:00.000Z');
  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_URL: 'https://jobs.example.com' }, { clock });
    mail = captureInvitationMail(t.runtime);
    owner = await signUp(t.app, { organisationName: 'Northwind Fintech' });
    interview = await createInterviewWithQuestions(t.app, owner, 3);
  });
  afterAll(() => t.close());

  const invite = (interviewId: string, payload: object) =>
    send(t.app, owner, { method: 'POST', url: `/api/v1/interviews/${interviewId}/invitations`, payload });
  const rowOf = (id: string) =>
    t.runtime.db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('invites a candidate with a hashed 256-bit link token, the current version and the default deadline', async () => {
    const invitation = await inviteCandidate(t.app, owner, interview.id, {
      name: '  Grace Hopper ',
      email: 'Grace@Example.com',
      phone: '+44 20 7946 0000',
      externalId: 'GH-1',
    });
    expect(invitation).toMatchObject({
      name: 'Grace Hopper',
      email: 'grace@example.com',
      phone: '+44 20 7946 0000',
      externalId: 'GH-1',
      status: 'invited',
      // The interview's default policy: 7 days from now.
      deadline: new Date(clock.now().getTime() + days(7)).toISOString(),
      hasAccommodations: false,
      pendingRequestCount: 0,
    });
    const version = await t.runtime.db
      .selectFrom('interview_versions')
      .selectAll()
      .where('id', '=', invitation.interviewVersionId)
      .executeTakeFirstOrThrow();
    expect(version.interview_id).toBe(interview.id);

    const [message] = mail.to('grace@example.com');
    expect(message?.subject).toBe(`Your video interview with Northwind Fintech: ${interview.title}`);
    expect(message?.text).toContain('Hello Grace Hopper');
    expect(message?.text).toContain('You answer 3 questions');
    expect(message?.text).toContain('Monday 9 March 2026, 09:00 (UTC)');
    const token = mail.lastLinkToken('grace@example.com');
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(message?.text).toContain(`https://jobs.example.com/i/${token}`);
    expect(message?.html).toContain(`href="https://jobs.example.com/i/${token}"`);
    const row = await rowOf(invitation.id);
    expect(row.token_hash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);

    const detail = await send(t.app, owner, { method: 'GET', url: `/api/v1/invitations/${invitation.id}` });
    expect(detail.json<InvitationDetail>().timeline.map((e) => e.type)).toEqual(['sent']);
  });

  it('takes a deadline and accommodations given with the invitation', async () => {
    const invitation = await inviteCandidate(t.app, owner, interview.id, {
      deadline: '2026-03-20T17:00:00+01:00',
      accommodations: { timeMultiplier: 2 },
    });
    expect(invitation.deadline).toBe('2026-03-20T16:00:00.000Z');
    expect(invitation.accommodations).toEqual({ timeMultiplier: 2, extraTakes: 0, answerFormat: null });
    expect(invitation.hasAccommodations).toBe(true);
  });

  it("uses a fixed deadline in the interview's time zone and language", async () => {
    const spanish = await createInterview(t.app, owner, {
      title: 'Ejecutivo de cuentas',
      language: 'es',
      deadlinePolicy: { mode: 'fixed', at: '2026-04-10T17:00:00+02:00', timeZone: 'Europe/Madrid' },
    });
    await send(t.app, owner, {
      method: 'POST',
      url: `/api/v1/interviews/${spanish.id}/questions`,
      payload: {
        promptText: '¿Por qué ventas?',
        answerType: 'video',
        think: { mode: 'none' },
        answerSeconds: 60,
        takes: 1,
        startMode: 'ready',
      },
    });
    const invitation = await inviteCandidate(t.app, owner, spanish.id, { email: 'lucia@example.com' });
    expect(invitation.deadline).toBe('2026-04-10T15:00:00.000Z');
    const [message] = mail.to('lucia@example.com');
    expect(message?.subject).toBe('Tu entrevista en vídeo con Northwind Fintech: Ejecutivo de cuentas');
    expect(message?.text).toContain('viernes, 10 de abril de 2026, 17:00 (Europe/Madrid)');
  });

  it('refuses a second invitation for the same e-mail address, but not after a withdrawal', async () => {
    const first = await inviteCandidate(t.app, owner, interview.id, { email: 'twice@example.com' });
    const again = await invite(interview.id, { name: 'Twice', email: 'TWICE@example.com' });
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json()).toMatchObject({ code: 'invitation_exists' });

    await send(t.app, owner, { method: 'POST', url: `/api/v1/invitations/${first.id}/withdraw` });
    await inviteCandidate(t.app, owner, interview.id, { email: 'twice@example.com' });
  });

  it('refuses a deadline in the past, naming the deadline, and stores nothing', async () => {
    const before = mail.messages.length;
    const res = await invite(interview.id, {
      name: 'Late',
      email: 'late@example.com',
      deadline: '2026-03-01T09:00:00Z',
    });
    expectFieldRefused(res, 'deadline');
    expect(mail.messages).toHaveLength(before);
    expect(
      await t.runtime.db
        .selectFrom('invitations')
        .where('candidate_email', '=', 'late@example.com')
        .select('id')
        .execute(),
    ).toEqual([]);
  });

  it('refuses an e-mail address that is not one, and a missing name', async () => {
    expectFieldRefused(await invite(interview.id, { name: 'Bad', email: 'not-an-email' }), 'email');
    expectFieldRefused(await invite(interview.id, { name: ' ', email: 'ok@example.com' }), 'name');
  });

  it('refuses invitations to an archived interview and to one without questions', async () => {
    const archived = await createInterviewWithQuestions(t.app, owner, 1);
    await send(t.app, owner, { method: 'POST', url: `/api/v1/interviews/${archived.id}/archive` });
    const res = await invite(archived.id, { name: 'A', email: 'archived@example.com' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'interview_archived' });

    const empty = await createInterview(t.app, owner);
    expectFieldRefused(await invite(empty.id, { name: 'A', email: 'empty@example.com' }), 'questions');
  });

  it('lists, searches, filters and sorts invitations, and counts them on the interview list', async () => {
    const listed = await createInterviewWithQuestions(t.app, owner, 1);
    await inviteCandidate(t.app, owner, listed.id, { name: 'Zoe Zhang', email: 'zoe@example.com' });
    clock.advance(1000);
    const amy = await inviteCandidate(t.app, owner, listed.id, {
      name: 'Amy_Adams',
      email: 'amy@example.org',
    });
    clock.advance(1000);
    const withdrawn = await inviteCandidate(t.app, owner, listed.id, {
      name: 'Bob',
      email: 'bob@example.com',
    });
    await send(t.app, owner, { method: 'POST', url: `/api/v1/invitations/${withdrawn.id}/withdraw` });
    const list = async (query: Record<string, string>) => {
      const res = await send(t.app, owner, {
        method: 'GET',
        url: `/api/v1/interviews/${listed.id}/invitations`,
        query,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ invitations: Invitation[] }>().invitations.map((i) => i.name);
    };
    expect(await list({})).toEqual(['Bob', 'Amy_Adams', 'Zoe Zhang']);
    expect(await list({ sort: 'name' })).toEqual(['Amy_Adams', 'Bob', 'Zoe Zhang']);
    expect(await list({ q: 'ZHANG' })).toEqual(['Zoe Zhang']);
    expect(await list({ q: 'example.org' })).toEqual(['Amy_Adams']);
    // "_" is a character to find, not a wildcard.
    expect(await list({ q: 'y_a' })).toEqual(['Amy_Adams']);
    expect(await list({ q: 'o_z' })).toEqual([]);
    expect(await list({ status: 'withdrawn' })).toEqual(['Bob']);
    expect(await list({ status: 'invited', sort: '-name' })).toEqual(['Zoe Zhang', 'Amy_Adams']);

    const summaries = await send(t.app, owner, { method: 'GET', url: '/api/v1/interviews' });
    const summary = summaries
      .json<{ interviews: InterviewSummary[] }>()
      .interviews.find((i) => i.id === listed.id);
    expect(summary?.counts).toEqual({
      invited: 2,
      opened: 0,
      started: 0,
      completed: 0,
      expired: 0,
      withdrawn: 1,
    });
    expect(amy.lastActivityAt).toBe(amy.invitedAt);
  });

  it('documents every invitation route in the OpenAPI document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode, res.body).toBe(200);
    const paths = res.json<{ paths: Record<string, Record<string, { summary?: string; tags?: string[] }>> }>()
      .paths;
    const documented = [
      ['post', '/api/v1/interviews/{id}/invitations'],
      ['get', '/api/v1/interviews/{id}/invitations'],
      ['get', '/api/v1/interviews/{id}/invitations/export.csv'],
      ['post', '/api/v1/interviews/{id}/invitations/import/preview'],
      ['post', '/api/v1/interviews/{id}/invitations/import'],
      ['post', '/api/v1/interviews/{id}/invitations/bulk'],
      ['get', '/api/v1/invitations/{id}'],
      ['post', '/api/v1/invitations/{id}/resend'],
      ['post', '/api/v1/invitations/{id}/withdraw'],
      ['post', '/api/v1/invitations/{id}/extend'],
      ['put', '/api/v1/invitations/{id}/accommodations'],
      ['get', '/api/v1/interviews/{id}/email-templates'],
      ['put', '/api/v1/interviews/{id}/email-templates/{kind}'],
      ['delete', '/api/v1/interviews/{id}/email-templates/{kind}'],
    ] as const;
    for (const [method, path] of documented) {
      expect({ path, summary: Boolean(paths[path]?.[method]?.summary) }).toEqual({ path, summary: true });
    }
  });
});
