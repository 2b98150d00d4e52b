import type { EmailTemplate, Interview } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFieldRefused } from '../../../test/factories/interviews.ts';
import { send, type TestSession } from '../../../test/factories/session.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { completeCandidate, setUpReviewWorld, type ReviewWorld } from './reviews.test-support.ts';

/** Telling candidates the outcome: optional per decision, in the interview's language, never on its own unless on. */
describe('outcome e-mails to candidates', () => {
  let t: TestContext;
  let w: ReviewWorld;
  beforeAll(async () => {
    t = await createTestApp();
    w = await setUpReviewWorld(t, { questions: 1, interview: { ratingsHiddenUntilRated: false } });
  });
  afterAll(() => t.close());

  const decide = (invitationId: string, payload: object, session: TestSession = w.recruiter) =>
    send(t.app, session, { method: 'PUT', url: `/api/v1/invitations/${invitationId}/decision`, payload });
  const outcomeMailsTo = (email: string) =>
    w.mail.messages.filter((m) => m.to === email && !/^(Thank you|Your video interview)/.test(m.subject));
  const setOutcomeEmails = async (interviewId: string, outcomeEmails: object) => {
    const res = await send(t.app, w.owner, {
      method: 'PATCH',
      url: `/api/v1/interviews/${interviewId}`,
      payload: { outcomeEmails },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Interview>();
  };

  it('sends nothing by default, and only when asked for one decision', async () => {
    expect(w.interview.outcomeEmails).toEqual({ advance: false, hold: false, reject: false });
    const quiet = await completeCandidate(t, w, { name: 'Quinn Quiet' });
    const res = await decide(quiet.invitationId, { decision: 'reject' });
    expect(res.json()).toMatchObject({ decision: 'reject', candidateEmail: 'none' });
    expect(outcomeMailsTo(quiet.email)).toEqual([]);

    const asked = await completeCandidate(t, w, { name: 'Ada Asked' });
    const sent = await decide(asked.invitationId, { decision: 'advance', notifyCandidate: true });
    expect(sent.json()).toMatchObject({ candidateEmail: 'queued' });
    const [mail] = outcomeMailsTo(asked.email);
    expect(mail?.subject).toContain(w.interview.title);
    expect(mail?.text).toContain('Ada Asked');
    expect(mail?.text).toMatch(/next step/i);
  });

  it('sends the e-mail of a decision the team turned on, once, and never on a change to another', async () => {
    const interview = await setOutcomeEmails(w.interview.id, { reject: true });
    expect(interview.outcomeEmails).toEqual({ advance: false, hold: false, reject: true });
    const candidate = await completeCandidate(t, w, { name: 'Rex Rejected' });
    expect((await decide(candidate.invitationId, { decision: 'reject' })).json()).toMatchObject({
      candidateEmail: 'queued',
    });
    await decide(candidate.invitationId, { decision: 'reject', note: 'Same again' });
    expect((await decide(candidate.invitationId, { decision: 'hold' })).json()).toMatchObject({
      candidateEmail: 'none',
    });
    const mails = outcomeMailsTo(candidate.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).not.toContain('Same again');
    // The team can still keep quiet about one decision.
    const other = await completeCandidate(t, w, { name: 'Sid Silent' });
    await decide(other.invitationId, { decision: 'reject', notifyCandidate: false });
    expect(outcomeMailsTo(other.email)).toEqual([]);
    await setOutcomeEmails(w.interview.id, { reject: false });
  });

  it("writes in the interview's language, with its own wording when reworded", async () => {
    const es = await setUpReviewWorld(t, {
      questions: 1,
      interview: { language: 'es', ratingsHiddenUntilRated: false, title: 'Comercial' },
    });
    const reworded = await send(t.app, es.owner, {
      method: 'PUT',
      url: `/api/v1/interviews/${es.interview.id}/email-templates/outcome_hold`,
      payload: {
        subject: 'Seguimos con {{interviewTitle}}',
        text: 'Hola {{candidateName}}, te escribimos pronto.',
      },
    });
    expect(reworded.statusCode, reworded.body).toBe(200);
    const a = await completeCandidate(t, es, { name: 'Lucía' });
    const b = await completeCandidate(t, es, { name: 'Mateo' });
    await send(t.app, es.owner, {
      method: 'PUT',
      url: `/api/v1/invitations/${a.invitationId}/decision`,
      payload: { decision: 'advance', notifyCandidate: true },
    });
    await send(t.app, es.owner, {
      method: 'PUT',
      url: `/api/v1/invitations/${b.invitationId}/decision`,
      payload: { decision: 'hold', notifyCandidate: true },
    });
    expect(es.mail.to(a.email).at(-1)?.text).toMatch(/Hola, Lucía/);
    // The interview's own wording, then the "Your data" line every e-mail to a candidate ends with (in Spanish).
    const toMateo = es.mail.to(b.email).at(-1);
    expect(toMateo?.subject).toBe('Seguimos con Comercial');
    expect(toMateo?.text).toMatch(/^Hola Mateo, te escribimos pronto\.\n\nTus datos: .*\/your-data\n?$/);
  });

  it('lists the outcome e-mails with the others, previews a draft and sends a test to me', async () => {
    const list = await send(t.app, w.owner, {
      method: 'GET',
      url: `/api/v1/interviews/${w.interview.id}/email-templates`,
    });
    const kinds = list.json<{ templates: EmailTemplate[] }>().templates.map((x) => x.kind);
    expect(kinds).toEqual(expect.arrayContaining(['outcome_advance', 'outcome_hold', 'outcome_reject']));

    const draft = { subject: 'About {{interviewTitle}}', text: 'Dear {{candidateName}}, thank you.' };
    const preview = await send(t.app, w.owner, {
      method: 'POST',
      url: `/api/v1/interviews/${w.interview.id}/email-templates/outcome_reject/preview`,
      payload: draft,
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json<{ subject: string }>().subject).toBe(`About ${w.interview.title}`);
    // The preview is what the candidate gets: the wording, then the "Your data" line.
    expect(preview.json<{ text: string }>().text).toMatch(
      /^Dear Alex Example, thank you\.\n\nYour data: .*\/your-data\n$/,
    );
    expectFieldRefused(
      await send(t.app, w.owner, {
        method: 'POST',
        url: `/api/v1/interviews/${w.interview.id}/email-templates/outcome_reject/preview`,
        payload: { subject: 'Hi {{nope}}', text: 'x' },
      }),
      'subject',
    );

    const test = await send(t.app, w.recruiter, {
      method: 'POST',
      url: `/api/v1/interviews/${w.interview.id}/email-templates/outcome_reject/test`,
      payload: draft,
    });
    expect(test.statusCode, test.body).toBe(200);
    expect(test.json()).toMatchObject({ to: w.recruiter.info.user.email });
    const [sent] = w.mail.to(w.recruiter.info.user.email, /^\[Test\] About /);
    expect(sent?.text).toContain('Dear Alex Example, thank you.');
  });

  it('refuses a bad outcome setting by name', async () => {
    const res = await send(t.app, w.owner, {
      method: 'PATCH',
      url: `/api/v1/interviews/${w.interview.id}`,
      payload: { outcomeEmails: { reject: 'yes' } },
    });
    expectFieldRefused(res, 'outcomeEmails.reject');
  });
});
