import { createHash } from 'node:crypto';
import type { CandidateData, ErasureConfirmed } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock, days, hours, type TestClock } from '../../../test/factories/clock.ts';
import { giveConsent } from '../../../test/factories/consent.ts';
import { sendAsCandidate, type CandidateBrowser } from '../../../test/factories/invitations.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import {
  grepDatabase,
  listStoredKeys,
  recordCandidate,
  setUpLifecycleWorld,
  type LifecycleCandidate,
  type LifecycleWorld,
} from './privacy.test-support.ts';
import { readZipEntries } from './zip-reader.test-support.ts';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('"Your data": what a candidate sees, downloads and erases themselves', { timeout: 180_000 }, () => {
  let t: TestContext;
  let clock: TestClock;
  let w: LifecycleWorld;
  let origin: string;
  let casey: LifecycleCandidate;

  beforeAll(async () => {
    clock = createTestClock(new Date().toISOString());
    t = await createTestApp({ PUBLIC_URL: 'https://jobs.example.com' }, { clock });
    origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    w = await setUpLifecycleWorld(t);
    casey = await recordCandidate(t, w, { origin, name: 'Casey Candidate', takes: 2 });
  }, 180_000);
  afterAll(() => t.close());

  const yourData = async (browser: CandidateBrowser) => {
    const res = await sendAsCandidate(t.app, browser, { method: 'GET', url: '/api/v1/candidate/your-data' });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<CandidateData>();
  };
  const confirm = (token: string) =>
    sendAsCandidate(t.app, null, {
      method: 'POST',
      url: '/api/v1/candidate/erasure/confirm',
      payload: { token },
    });
  const requestErasure = async (c: LifecycleCandidate): Promise<string> => {
    const res = await sendAsCandidate(t.app, c.browser, {
      method: 'POST',
      url: '/api/v1/candidate/your-data/erasure-request',
    });
    expect(res.statusCode, res.body).toBe(201);
    const mail = w.mail.to(c.email, /Confirm that you want your data erased/).at(-1);
    const token = /\/your-data\/erase\/([A-Za-z0-9_-]{20,})/.exec(mail?.text ?? '')?.[1];
    expect(token, mail?.text).toBeTruthy();
    return token ?? '';
  };

  it('shows everything held about the candidate', async () => {
    expect(await yourData(casey.browser)).toMatchObject({
      name: 'Casey Candidate',
      email: casey.email,
      phone: '+44 20 7946 0001',
      timeZone: 'Europe/Madrid',
      recordings: 2,
      textAnswers: 1,
      submitted: true,
      canWithdrawConsent: false,
      retentionDays: null,
      erasure: { status: 'none', requestedAt: null, dueAt: null },
      erasureWindowDays: 7,
    });
    // Every e-mail to the candidate links to "Your data".
    const mails = w.mail.messages.filter((m) => m.to === casey.email);
    expect(mails.length).toBeGreaterThanOrEqual(2);
    for (const mail of mails)
      expect(mail.text).toMatch(/Your data: .*https:\/\/jobs\.example\.com\/(i\/[\w-]+\/)?your-data/);
  });

  it('downloads a ZIP holding every answer (processed MP4s, the original when processing failed), the consent text and the timeline', async () => {
    // The second take's processing failed: its original is what the candidate gets.
    await t.runtime.db
      .updateTable('take_media')
      .set({ status: 'failed', playback_key: null })
      .where('take_id', '=', casey.takeIds[1] ?? '')
      .execute();
    const res = await sendAsCandidate(t.app, casey.browser, {
      method: 'GET',
      url: '/api/v1/candidate/your-data/export',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe('attachment; filename="your-data.zip"');
    const entries = readZipEntries(res.rawPayload);
    const takes = await t.runtime.db
      .selectFrom('takes')
      .leftJoin('take_media', 'take_media.take_id', 'takes.id')
      .select(['takes.id', 'takes.take_number', 'takes.storage_key', 'take_media.playback_key'])
      .where('takes.invitation_id', '=', casey.invitationId)
      .orderBy('takes.take_number')
      .execute();
    const read = async (key: string) =>
      Buffer.concat(await (await t.runtime.mediaStorage.openReadStream(key)).toArray());
    expect(sha256(entries.get('answers/question-01-take-1.mp4') ?? Buffer.alloc(0))).toBe(
      sha256(await read(takes[0]?.playback_key ?? '-')),
    );
    expect(sha256(entries.get('answers/question-01-take-2-original.webm') ?? Buffer.alloc(0))).toBe(
      sha256(await read(takes[1]?.storage_key ?? '-')),
    );
    expect(entries.get('answers/question-02.txt')?.toString('utf8')).toBe(casey.text);
    const consent = await t.runtime.db
      .selectFrom('consents')
      .select('notice_text')
      .where('invitation_id', '=', casey.invitationId)
      .executeTakeFirstOrThrow();
    expect(entries.get('consent/notice-1.txt')?.toString('utf8')).toBe(consent.notice_text);
    const data = JSON.parse(entries.get('your-data.json')?.toString('utf8') ?? '{}') as {
      you: { name: string; email: string };
      answers: { position: number; answer: string | null }[];
      timeline: { type: string }[];
      consents: { noticeSha256: string }[];
    };
    expect(data.you).toMatchObject({ name: 'Casey Candidate', email: casey.email });
    // The answer of question 1 is the newest take, the candidate's own choice unless they changed it.
    expect(data.answers.map((a) => a.answer)).toEqual([
      'answers/question-01-take-2-original.webm',
      'answers/question-02.txt',
    ]);
    expect(data.timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['sent', 'opened', 'completed']));
    expect(data.consents[0]?.noticeSha256).toBe(sha256(Buffer.from(consent.notice_text)));
    expect([...entries.keys()].sort()).toEqual(
      [
        'README.txt',
        'answers/question-01-take-1.mp4',
        'answers/question-01-take-2-original.webm',
        'answers/question-02.txt',
        'consent/notice-1.txt',
        'your-data.json',
      ].sort(),
    );
  });

  it('refuses the export and the data to a request without a candidate session', async () => {
    const res = await sendAsCandidate(t.app, null, {
      method: 'GET',
      url: '/api/v1/candidate/your-data/export',
    });
    expect(res.statusCode).toBe(401);
    expect(res.body).not.toContain('PK');
  });

  it('withdrawing consent before submitting stops the interview and erases what was uploaded', async () => {
    const dana = await recordCandidate(t, w, { origin, name: 'Dana Draft', takes: 1, submit: false });
    const folder = `${w.organisationId}/${dana.invitationId}/`;
    expect((await listStoredKeys(t, w.organisationId)).filter((k) => k.startsWith(folder))).toHaveLength(3);
    expect((await yourData(dana.browser)).canWithdrawConsent).toBe(true);
    const res = await sendAsCandidate(t.app, dana.browser, {
      method: 'POST',
      url: '/api/v1/candidate/consent/withdraw',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await listStoredKeys(t, w.organisationId)).filter((k) => k.startsWith(folder))).toEqual([]);
    const rows = await t.runtime.db
      .selectFrom('takes')
      .select('id')
      .where('invitation_id', '=', dana.invitationId)
      .union(t.runtime.db.selectFrom('answers').select('id').where('invitation_id', '=', dana.invitationId))
      .execute();
    expect(rows).toEqual([]);
    expect(await grepDatabase(t, [dana.text])).toEqual([]);
    expect(await yourData(dana.browser)).toMatchObject({ recordings: 0, textAnswers: 0, consentedAt: null });
    // The interview has stopped: no take without consent, and consent cannot be given again.
    const take = await sendAsCandidate(t.app, dana.browser, {
      method: 'POST',
      url: '/api/v1/candidate/takes',
      payload: { questionId: w.videoQuestion.id },
    });
    expect(take.json<{ code: string }>().code).toBe('consent_required');
    await expect(giveConsent(t.app, dana.browser)).rejects.toThrow(/consent_withdrawn/);
    const team = w.mail.messages.filter((m) => /withdrew their consent/.test(m.subject));
    expect(team).toHaveLength(2);
  });

  it('tells the team once when a candidate who had not submitted confirms an erasure, saying the interview stopped', async () => {
    const unsubmitted = await recordCandidate(t, w, {
      origin,
      name: 'Uma Unsubmitted',
      takes: 1,
      submit: false,
    });
    const confirmed = await confirm(await requestErasure(unsubmitted));
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const aboutUma = w.mail.messages.filter((m) => m.subject.startsWith(unsubmitted.name));
    // One act, one e-mail: the interview stopping is said in it, not in a second "withdrew consent" e-mail.
    expect(aboutUma.map((m) => m.subject)).toEqual([
      expect.stringMatching(/asked for their data to be erased/),
      expect.stringMatching(/asked for their data to be erased/),
    ]);
    expect(aboutUma[0]?.text).toMatch(/They had not submitted: their interview has stopped/);
  });

  it('answers an unknown, an expired and a used link each with its own message', async () => {
    expect((await confirm('x'.repeat(43))).json<{ code: string }>().code).toBe('erasure_link_invalid');
    const other = await recordCandidate(t, w, { origin, name: 'Olly Other', takes: 1 });
    const expired = await requestErasure(other);
    clock.advance(hours(25));
    const late = await confirm(expired);
    expect(late.statusCode).toBe(410);
    expect(late.json<{ code: string; message: string }>()).toMatchObject({
      code: 'erasure_link_expired',
      message: 'This link has expired. Ask for a new one on the "Your data" page.',
    });
    expect((await yourData(other.browser)).erasure.status).toBe('none');
  });

  it('erases everything through the e-mailed link within the window, tells the team, and nothing earlier', async () => {
    const token = await requestErasure(casey);
    expect((await yourData(casey.browser)).erasure.status).toBe('link_sent');
    const confirmed = await confirm(token);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const { dueAt, held } = confirmed.json<ErasureConfirmed>();
    expect(held).toBe(false);
    expect(Date.parse(dueAt) - clock.now().getTime()).toBe(days(7));
    const reused = await confirm(token);
    expect(reused.statusCode).toBe(409);
    expect(reused.json<{ code: string; details: unknown }>()).toMatchObject({
      code: 'erasure_link_used',
      details: { dueAt },
    });
    expect(await yourData(casey.browser)).toMatchObject({ erasure: { status: 'scheduled', dueAt } });
    const team = w.mail.messages.filter((m) => m.subject.startsWith(`${casey.name} asked for their data`));
    expect(team.map((m) => m.to).sort()).toEqual([w.owner.info.user.email, w.admin.info.user.email].sort());

    const folder = `${w.organisationId}/${casey.invitationId}/`;
    expect(
      (await listStoredKeys(t, w.organisationId)).filter((k) => k.startsWith(folder)).length,
    ).toBeGreaterThan(0);
    // Not yet: the daily job erases it on its last run before the due date.
    clock.advance(days(5));
    await t.runtime.services.retention.runDueErasures();
    expect(await grepDatabase(t, [casey.email])).not.toEqual([]);
    clock.advance(days(1) + hours(1));
    const others = (await listStoredKeys(t, w.organisationId)).filter((k) => !k.startsWith(folder));
    expect(await t.runtime.services.retention.runDueErasures()).toMatchObject({ erased: 1 });
    expect(await listStoredKeys(t, w.organisationId)).toEqual(others);
    expect(await grepDatabase(t, [casey.email, casey.name, casey.text])).toEqual([]);
    const again = await confirm(token);
    expect(again.json<{ code: string; message: string }>()).toMatchObject({
      code: 'erasure_link_used',
      message: 'This link has been used already, and your data has been erased.',
    });
    const record = await t.runtime.db
      .selectFrom('candidate_erasures')
      .selectAll()
      .where('invitation_id', '=', casey.invitationId)
      .executeTakeFirstOrThrow();
    expect(record).toMatchObject({ reason: 'candidate_request', status: 'done', takes: 2, text_answers: 1 });
    expect(record.requested_at).not.toBeNull();
  });
});
