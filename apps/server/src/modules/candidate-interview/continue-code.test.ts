import { continueCodeMaxAttempts, type CandidateLanding } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock, minutes, type TestClock } from '../../../test/factories/clock.ts';
import {
  candidateHeaders,
  sendAsCandidate,
  withdrawInvitation,
  type CandidateBrowser,
} from '../../../test/factories/invitations.ts';
import { randomIp, type TestSession } from '../../../test/factories/session.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { startTestSmtpServer, waitFor, type TestSmtpServer } from '../../../test/smtp.ts';
import {
  getInterview,
  refusal,
  setUpInterview,
  type InterviewCandidate,
  type InviteOptions,
} from './candidate-interview.test-support.ts';

describe('continuing on another device with an e-mailed code (real SMTP server)', () => {
  let smtp: TestSmtpServer;
  let clock: TestClock;
  let t: TestContext;
  let owner: TestSession;
  let invite: (options?: InviteOptions) => Promise<InterviewCandidate>;
  let inviteInSpanish: (options?: InviteOptions) => Promise<InterviewCandidate>;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    clock = createTestClock();
    t = await createTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://interviews.example.com' }, { clock });
    await t.runtime.queue.start();
    const linkTokenOf = async (email: string) => {
      const mail = await smtp.waitForMessage((m) => m.to.includes(email), 15_000);
      return /\/i\/([A-Za-z0-9_-]{20,})/.exec(mail.text)?.[1] ?? '';
    };
    // No reminders: their e-mails carry link tokens of their own, and this file counts link tokens.
    ({ owner, invite } = await setUpInterview(t, { linkTokenOf, interview: { reminderHours: [] } }));
    ({ invite: inviteInSpanish } = await setUpInterview(t, {
      linkTokenOf,
      interview: { language: 'es', reminderHours: [] },
    }));
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const codeMails = (email: string) =>
    smtp.messages.filter((m) => m.to.includes(email) && /another device|otro dispositivo/.test(m.subject));

  /** Asks for a code on the first device and reads it from the e-mail that arrives. */
  const requestCode = async (c: InterviewCandidate) => {
    const before = codeMails(c.email).length;
    const res = await sendAsCandidate(t.app, c.browser, {
      method: 'POST',
      url: '/api/v1/candidate/continue-code',
    });
    expect(res.statusCode, res.body).toBe(204);
    const mail = await waitFor(() => codeMails(c.email)[before], {
      timeoutMs: 15_000,
      what: 'the code e-mail',
    });
    const code = /^(\d{6})$/m.exec(mail.text)?.[1];
    expect(code, mail.text).toBeDefined();
    return { code: code ?? '', mail };
  };

  /** The other device: no cookie at all. */
  const useCode = (email: string, code: string, headers: Record<string, string> = candidateHeaders) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/candidate/session/code',
      headers,
      payload: { email, code },
      remoteAddress: randomIp(),
    });

  const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
  const attemptsOf = async (invitationId: string) =>
    (
      await t.runtime.db
        .selectFrom('continue_codes')
        .select('attempts')
        .where('invitation_id', '=', invitationId)
        .executeTakeFirstOrThrow()
    ).attempts;

  it('e-mails a code that starts a session in a fresh browser, once', async () => {
    const c = await invite();
    const { code, mail } = await requestCode(c);
    expect(mail.text).toContain('https://interviews.example.com/continue');
    expect(mail.text).toContain('30 minutes');
    const row = await t.runtime.db
      .selectFrom('continue_codes')
      .selectAll()
      .where('invitation_id', '=', c.invitationId)
      .executeTakeFirstOrThrow();
    expect(row.code_hash).not.toContain(code);

    const res = await useCode(c.email.toUpperCase(), code);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<CandidateLanding>().candidateName).toBe('Casey Candidate');
    const cookie = res.cookies.find((k) => k.name.endsWith('oneway_candidate'));
    expect(cookie?.value).toBeTruthy();
    const otherDevice: CandidateBrowser = { cookie: `${cookie?.name}=${cookie?.value}`, landing: res };
    const view = await getInterview(t.app, { ...c, browser: otherDevice });
    expect(view.consentedAt).not.toBeNull();
    expect(view.questions.map((q) => q.id)).toEqual(c.questionIds);
    // The first device keeps its own session.
    expect((await getInterview(t.app, c)).status).toBe(view.status);

    expect(refusal(await useCode(c.email, code))).toEqual({ status: 400, code: 'continue_code_invalid' });
    const links = await t.runtime.db
      .selectFrom('invitation_links')
      .select('token_hash')
      .where('invitation_id', '=', c.invitationId)
      .execute();
    expect(links).toEqual([]);
  });

  it('counts wrong codes and ends the code after the last wrong try allowed', async () => {
    const c = await invite();
    const { code } = await requestCode(c);
    const wrong = otherCode(code);
    for (let i = 1; i <= continueCodeMaxAttempts; i++) {
      expect(refusal(await useCode(c.email, wrong))).toEqual({ status: 400, code: 'continue_code_invalid' });
      expect(await attemptsOf(c.invitationId)).toBe(i);
    }
    expect(refusal(await useCode(c.email, code))).toEqual({ status: 400, code: 'continue_code_invalid' });
  });

  it('answers an unknown address exactly as a wrong code', async () => {
    const c = await invite();
    const { code } = await requestCode(c);
    const unknown = await useCode('nobody-here@example.com', code);
    const wrong = await useCode(c.email, otherCode(code));
    expect(unknown.statusCode).toBe(400);
    const bodyOf = (res: typeof unknown) => {
      const { code: errorCode, message } = res.json<{ code: string; message: string }>();
      return { errorCode, message };
    };
    expect(bodyOf(unknown)).toEqual(bodyOf(wrong));
  });

  it('refuses a code after its 30 minutes, and an old code once a new one was sent', async () => {
    const c = await invite();
    const { code: expired } = await requestCode(c);
    clock.advance(minutes(31));
    expect(refusal(await useCode(c.email, expired))).toEqual({ status: 400, code: 'continue_code_invalid' });

    const { code: old } = await requestCode(c);
    const { code: current } = await requestCode(c);
    // One chance in a million that both codes are equal; then there is no old code to refuse.
    if (old !== current) {
      expect(refusal(await useCode(c.email, old))).toEqual({ status: 400, code: 'continue_code_invalid' });
    }
    expect((await useCode(c.email, current)).statusCode).toBe(200);
  });

  it('refuses a withdrawn invitation as the link does, and a request without the header', async () => {
    const c = await invite();
    const { code } = await requestCode(c);
    expect((await useCode(c.email, code, {})).statusCode).toBe(403);
    await withdrawInvitation(t.app, owner, c.invitationId);
    const linkCount = async () =>
      (await t.runtime.db.selectFrom('invitation_links').select('token_hash').execute()).length;
    const links = await linkCount();
    expect(refusal(await useCode(c.email, code))).toEqual({ status: 410, code: 'invitation_withdrawn' });
    // The token that would have started the session is gone again.
    expect(await linkCount()).toBe(links);
  });

  it('writes the e-mail in the language of the interview', async () => {
    const c = await inviteInSpanish();
    const { mail } = await requestCode(c);
    expect(mail.subject).toMatch(/Tu código para seguir en otro dispositivo/);
    expect(mail.text).toContain('30 minutos');
    expect(mail.text).toContain('https://interviews.example.com/continue');
  });

  it('sends no code without a candidate session', async () => {
    const res = await sendAsCandidate(t.app, null, {
      method: 'POST',
      url: '/api/v1/candidate/continue-code',
    });
    expect(res.statusCode).toBe(401);
  });
});
