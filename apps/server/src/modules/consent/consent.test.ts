import { createHash } from 'node:crypto';
import type { ConsentNotice, Interview } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { addQuestion, createInterview } from '../../../test/factories/interviews.ts';
import {
  captureInvitationMail,
  type CapturedInvitationMail,
} from '../../../test/factories/invitation-api.ts';
import {
  candidateHeaders,
  inviteWithLink,
  openInvitationLink,
  sendAsCandidate,
  type CandidateBrowser,
} from '../../../test/factories/invitations.ts';
import { signUp, type TestSession } from '../../../test/factories/session.ts';

describe('candidate consent to recording', () => {
  let t: TestContext;
  let mail: CapturedInvitationMail;
  let owner: TestSession;
  let interview: Interview;
  beforeAll(async () => {
    t = await createTestApp();
    mail = captureInvitationMail(t.runtime);
    owner = await signUp(t.app, { organisationName: 'Northwind Fintech', email: 'olivia@consent.test' });
    interview = await createInterview(t.app, owner);
    await addQuestion(t.app, owner, interview.id);
  });
  afterAll(() => t.close());

  const openAsCandidate = async () => {
    const invitation = await inviteWithLink(t.app, mail, owner, interview.id);
    return { invitation, browser: await openInvitationLink(t.app, invitation.token) };
  };
  const readNotice = async (browser: CandidateBrowser, query = '') => {
    const res = await sendAsCandidate(t.app, browser, {
      method: 'GET',
      url: `/api/v1/candidate/consent-notice${query}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ConsentNotice>();
  };
  const consentRows = (invitationId: string) =>
    t.runtime.db.selectFrom('consents').selectAll().where('invitation_id', '=', invitationId).execute();

  it('serves a notice that names the company, says no automated scoring, and hashes its exact text', async () => {
    const { browser } = await openAsCandidate();
    const notice = await readNotice(browser);
    expect(notice.text).toContain('No automated scoring: people at Northwind Fintech watch your answers');
    expect(notice.text).toMatch(/Retention:/);
    expect(notice.hash).toBe(createHash('sha256').update(notice.text).digest('hex'));
    expect(notice.consentedAt).toBeNull();
  });

  it('stores the consent with the exact text, hash, version, IP and user agent', async () => {
    const { invitation, browser } = await openAsCandidate();
    const notice = await readNotice(browser);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/candidate/consent',
      headers: { ...candidateHeaders, cookie: browser.cookie, 'user-agent': 'TestBrowser/1.0' },
      payload: { noticeVersion: notice.version, noticeHash: notice.hash },
      remoteAddress: '198.51.100.23',
    });
    expect(res.statusCode, res.body).toBe(201);
    const rows = await consentRows(invitation.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      notice_text: notice.text,
      notice_hash: notice.hash,
      notice_version: notice.version,
      ip: '198.51.100.23',
      user_agent: 'TestBrowser/1.0',
      created_at: res.json<{ consentedAt: string }>().consentedAt,
    });
    expect((await readNotice(browser)).consentedAt).toBe(rows[0]?.created_at);
  });

  it('refuses a hash that is not the hash of the notice served, and stores nothing', async () => {
    const { invitation, browser } = await openAsCandidate();
    const notice = await readNotice(browser);
    const res = await sendAsCandidate(t.app, browser, {
      method: 'POST',
      url: '/api/v1/candidate/consent',
      payload: { noticeVersion: notice.version, noticeHash: 'a'.repeat(64) },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed' });
    expect(res.json<{ message: string }>().message).toMatch(/notice has changed/);
    expect(await consentRows(invitation.id)).toHaveLength(0);
  });

  it("keeps one invitation's consent apart from another's", async () => {
    const first = await openAsCandidate();
    const second = await openAsCandidate();
    const notice = await readNotice(second.browser);
    const res = await sendAsCandidate(t.app, second.browser, {
      method: 'POST',
      url: '/api/v1/candidate/consent',
      payload: { noticeVersion: notice.version, noticeHash: notice.hash },
    });
    expect(res.statusCode).toBe(201);
    expect(await consentRows(second.invitation.id)).toHaveLength(1);
    expect(await consentRows(first.invitation.id)).toHaveLength(0);
    expect((await readNotice(first.browser)).consentedAt).toBeNull();
  });

  it('refuses requests without a candidate cookie, or without the CSRF header', async () => {
    const noCookie = await sendAsCandidate(t.app, null, {
      method: 'GET',
      url: '/api/v1/candidate/consent-notice',
    });
    expect(noCookie.statusCode).toBe(401);
    const postNoCookie = await sendAsCandidate(t.app, null, {
      method: 'POST',
      url: '/api/v1/candidate/consent',
      payload: { noticeVersion: 'x', noticeHash: 'a'.repeat(64) },
    });
    expect(postNoCookie.statusCode).toBe(401);
    const { browser } = await openAsCandidate();
    const notice = await readNotice(browser);
    const noHeader = await sendAsCandidate(t.app, browser, {
      method: 'POST',
      url: '/api/v1/candidate/consent',
      payload: { noticeVersion: notice.version, noticeHash: notice.hash },
      withoutCsrfHeader: true,
    });
    expect(noHeader.statusCode).toBe(403);
  });

  it('writes the notice in Spanish for an English interview when asked, and in English by default', async () => {
    const { browser } = await openAsCandidate();
    const english = await readNotice(browser);
    expect(english.language).toBe('en');
    expect(english.text).toContain('No automated scoring: people at Northwind Fintech watch your answers');
    const spanish = await readNotice(browser, '?language=es');
    expect(spanish.language).toBe('es');
    expect(spanish.version).toBe(english.version);
    expect(spanish.text).toContain(
      'Sin puntuación automática: las personas de Northwind Fintech ven tus respuestas',
    );
    expect(spanish.text).not.toContain('No automated scoring');
    expect(spanish.hash).toBe(createHash('sha256').update(spanish.text).digest('hex'));
    expect(spanish.hash).not.toBe(english.hash);
    expect((await readNotice(browser, '?language=en')).hash).toBe(english.hash);
  });

  it('stores the Spanish text and hash when the candidate agrees to the Spanish notice, and lets them start', async () => {
    const { invitation, browser } = await openAsCandidate();
    const spanish = await readNotice(browser, '?language=es');
    const res = await sendAsCandidate(t.app, browser, {
      method: 'POST',
      url: '/api/v1/candidate/consent',
      payload: { language: 'es', noticeVersion: spanish.version, noticeHash: spanish.hash },
    });
    expect(res.statusCode, res.body).toBe(201);
    const rows = await consentRows(invitation.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      notice_text: spanish.text,
      notice_hash: spanish.hash,
      notice_version: spanish.version,
    });
    // Agreeing in Spanish is agreeing to the notice: the English page says so, and the questions open.
    expect((await readNotice(browser)).consentedAt).toBe(rows[0]?.created_at);
    const interviewView = await sendAsCandidate(t.app, browser, {
      method: 'GET',
      url: '/api/v1/candidate/interview',
    });
    expect(interviewView.statusCode, interviewView.body).toBe(200);
    expect(interviewView.json<{ consentedAt: string | null }>().consentedAt).not.toBeNull();
  });

  it('refuses the hash of the Spanish notice named as English or with no language, and stores nothing', async () => {
    const { invitation, browser } = await openAsCandidate();
    const spanish = await readNotice(browser, '?language=es');
    for (const language of ['en', undefined]) {
      const res = await sendAsCandidate(t.app, browser, {
        method: 'POST',
        url: '/api/v1/candidate/consent',
        payload: { language, noticeVersion: spanish.version, noticeHash: spanish.hash },
      });
      expect(res.statusCode, `language ${language}`).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'validation_failed',
        details: { fields: [{ field: 'noticeHash' }] },
      });
    }
    expect(await consentRows(invitation.id)).toHaveLength(0);
    expect((await readNotice(browser, '?language=es')).consentedAt).toBeNull();
  });

  it('refuses a language the pages do not offer with a validation error naming the field', async () => {
    const { invitation, browser } = await openAsCandidate();
    for (const query of ['?language=fr', '?language=', '?language=ES']) {
      const res = await sendAsCandidate(t.app, browser, {
        method: 'GET',
        url: `/api/v1/candidate/consent-notice${query}`,
      });
      expect(res.statusCode, query).toBe(400);
      expect(res.json(), query).toMatchObject({
        code: 'validation_failed',
        message: 'Check these fields: language',
        details: { fields: [{ field: 'language', message: 'Use en or es' }] },
      });
    }
    const notice = await readNotice(browser);
    const post = await sendAsCandidate(t.app, browser, {
      method: 'POST',
      url: '/api/v1/candidate/consent',
      payload: { language: 'fr', noticeVersion: notice.version, noticeHash: notice.hash },
    });
    expect(post.statusCode).toBe(400);
    expect(post.json()).toMatchObject({
      code: 'validation_failed',
      details: { fields: [{ field: 'language', message: 'Use en or es' }] },
    });
    expect(await consentRows(invitation.id)).toHaveLength(0);
  });

  it('writes the notice in Spanish for a Spanish interview', async () => {
    const es = await createInterview(t.app, owner, { language: 'es' });
    await addQuestion(t.app, owner, es.id);
    const invitation = await inviteWithLink(t.app, mail, owner, es.id);
    const browser = await openInvitationLink(t.app, invitation.token);
    const notice = await readNotice(browser);
    expect(notice.language).toBe('es');
    expect(notice.text).toContain(
      'Sin puntuación automática: las personas de Northwind Fintech ven tus respuestas',
    );
    // And in English when the candidate reads the pages in English.
    expect((await readNotice(browser, '?language=en')).text).toContain(
      'No automated scoring: people at Northwind Fintech watch your answers',
    );
  });
});

describe('upload speed test', () => {
  let t: TestContext;
  let browser: CandidateBrowser;
  beforeAll(async () => {
    t = await createTestApp();
    const mail = captureInvitationMail(t.runtime);
    const owner = await signUp(t.app);
    const interview = await createInterview(t.app, owner);
    await addQuestion(t.app, owner, interview.id);
    const invitation = await inviteWithLink(t.app, mail, owner, interview.id);
    browser = await openInvitationLink(t.app, invitation.token);
  });
  afterAll(() => t.close());

  const upload = (bytes: number, cookie: string | null) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/candidate/speed-test',
      headers: {
        ...candidateHeaders,
        'content-type': 'application/octet-stream',
        ...(cookie ? { cookie } : {}),
      },
      payload: Buffer.alloc(bytes),
    });

  it('takes about 1 MB from a candidate and answers how much arrived', async () => {
    const res = await upload(1_000_000, browser.cookie);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ bytes: 1_000_000 });
  });

  it('refuses more than 2 MB, and anyone without a candidate cookie', async () => {
    expect((await upload(2 * 1024 * 1024 + 1, browser.cookie)).statusCode).toBe(413);
    expect((await upload(1000, null)).statusCode).toBe(401);
  });
});
