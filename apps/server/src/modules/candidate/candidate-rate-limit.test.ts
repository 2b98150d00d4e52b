import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { addQuestion, createInterview } from '../../../test/factories/interviews.ts';
import {
  captureInvitationMail,
  type CapturedInvitationMail,
} from '../../../test/factories/invitation-api.ts';
import { candidateHeaders, inviteWithLink } from '../../../test/factories/invitations.ts';
import { signUp, type TestSession } from '../../../test/factories/session.ts';

/** Every request of these tests comes from this one address, as from an office or a campus behind one NAT. */
const sharedAddress = '198.51.100.7';

describe('rate limits on candidate links', () => {
  let t: TestContext;
  let mail: CapturedInvitationMail;
  let owner: TestSession;
  let interviewId: string;
  beforeAll(async () => {
    t = await createTestApp();
    mail = captureInvitationMail(t.runtime);
    owner = await signUp(t.app);
    interviewId = (await createInterview(t.app, owner)).id;
    await addQuestion(t.app, owner, interviewId);
  });
  afterAll(() => t.close());

  const fromAddress = (
    remoteAddress: string,
    options: { method: 'GET' | 'POST'; url: string; cookie?: string; payload?: object },
  ) =>
    t.app.inject({
      method: options.method,
      url: options.url,
      payload: options.payload,
      headers: { ...candidateHeaders, ...(options.cookie ? { cookie: options.cookie } : {}) },
      remoteAddress,
    });
  const openLink = (token: string, remoteAddress = sharedAddress) =>
    fromAddress(remoteAddress, { method: 'POST', url: '/api/v1/candidate/session', payload: { token } });

  it('lets 40 candidates behind one address open their links and load their pages', async () => {
    const invitations = [];
    for (let i = 0; i < 40; i++) invitations.push(await inviteWithLink(t.app, mail, owner, interviewId));
    for (const invitation of invitations) {
      const opened = await openLink(invitation.token);
      expect(opened.statusCode, opened.body).toBe(200);
      const session = opened.cookies.find((c) => c.name.endsWith('oneway_candidate'));
      const cookie = `${session?.name}=${session?.value}`;
      // What the page asks for as it loads, and again on a reload.
      for (const url of ['landing', 'consent-notice', 'interview', 'landing', 'interview']) {
        const res = await fromAddress(sharedAddress, {
          method: 'GET',
          url: `/api/v1/candidate/${url}`,
          cookie,
        });
        expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      }
    }
  });

  it('still limits one address hammering unknown tokens, without locking out candidates elsewhere', async () => {
    const guesser = '203.0.113.9';
    let refusedAfter = 0;
    for (let i = 0; i < 400; i++) {
      const res = await openLink(`guessed-token-${i}-${'x'.repeat(30)}`, guesser);
      if (res.statusCode === 429) {
        expect(res.json()).toMatchObject({ code: 'rate_limited' });
        refusedAfter = i;
        break;
      }
      expect(res.statusCode).toBe(404);
    }
    expect(refusedAfter).toBeGreaterThanOrEqual(300);
    expect(refusedAfter).toBeLessThanOrEqual(301);
    // Refused from that address whatever the token, until the minute is over…
    const real = await inviteWithLink(t.app, mail, owner, interviewId);
    expect((await openLink(real.token, guesser)).statusCode).toBe(429);
    // …while a candidate anywhere else opens theirs.
    expect((await openLink(real.token)).statusCode).toBe(200);
  });

  it('limits hammering one unknown token', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 21; i++) {
      codes.push((await openLink('one-guessed-token-one-guessed-token-xx', '203.0.113.10')).statusCode);
    }
    expect(codes.slice(0, 20)).toEqual(Array(20).fill(404));
    expect(codes[20]).toBe(429);
  });
});
