import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, sendWithKey } from '../../../test/factories/api-keys.ts';
import { hours } from '../../../test/factories/clock.ts';
import { createTickingClock } from '../../../test/factories/invitation-api.ts';
import { expectFieldRefused } from '../../../test/factories/interviews.ts';
import { send, type TestSession } from '../../../test/factories/session.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { completeCandidate, setUpReviewWorld, type ReviewWorld } from '../reviews/reviews.test-support.ts';

describe('completion e-mails: at once or as a daily digest', () => {
  const clock = createTickingClock();
  let t: TestContext;
  let w: ReviewWorld;

  beforeAll(async () => {
    // Sessions must outlive the days this test moves the clock on.
    t = await createTestApp({ SESSION_IDLE_HOURS: '720' }, { clock });
    w = await setUpReviewWorld(t, { questions: 1 });
  });
  afterAll(() => t.close());

  const choose = async (session: TestSession, completionEmails: string) => {
    const res = await send(t.app, session, {
      method: 'PUT',
      url: '/api/v1/me/notification-preferences',
      payload: { completionEmails },
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  const teamNoticesFor = (name: string) =>
    w.mail.messages
      .filter((m) => m.subject === `${name} completed the interview ${w.interview.title}`)
      .map((m) => m.to);
  const digestsTo = (session: TestSession) =>
    w.mail.messages.filter((m) => m.to === session.info.user.email && /in the last day$/.test(m.subject));

  it('starts at immediate, takes daily or off, and refuses anything else by name', async () => {
    const get = await send(t.app, w.owner, { method: 'GET', url: '/api/v1/me/notification-preferences' });
    expect(get.json()).toEqual({ completionEmails: 'immediate', requestEmails: 'immediate' });
    const bad = await send(t.app, w.owner, {
      method: 'PUT',
      url: '/api/v1/me/notification-preferences',
      payload: { completionEmails: 'weekly' },
    });
    expectFieldRefused(bad, 'completionEmails');
    const { key } = await createApiKey(t.app, w.owner);
    const byKey = await sendWithKey(t.app, key, {
      method: 'GET',
      url: '/api/v1/me/notification-preferences',
    });
    expect(byKey.statusCode).toBe(403);
  });

  it('mails at once those who want it: the team and assigned reviewers, not daily or off', async () => {
    await choose(w.recruiter, 'daily');
    await choose(w.unassigned, 'immediate');
    await completeCandidate(t, w, { name: 'Nia Now' });
    expect(teamNoticesFor('Nia Now').sort()).toEqual(
      [w.owner.info.user.email, w.reviewer.info.user.email].sort(),
    );
    await choose(w.owner, 'off');
    await completeCandidate(t, w, { name: 'Oli Off' });
    expect(teamNoticesFor('Oli Off')).toEqual([w.reviewer.info.user.email]);
    await choose(w.owner, 'immediate');
  });

  it('sends a daily digest once per 24 hours with the completions since the last', async () => {
    clock.advance(hours(1));
    expect(await t.runtime.services.notifications.sendDueDigests()).toBe(0);
    clock.advance(hours(24));
    expect(await t.runtime.services.notifications.sendDueDigests()).toBe(1);
    expect(await t.runtime.services.notifications.sendDueDigests()).toBe(0);
    const [digest] = digestsTo(w.recruiter);
    expect(digest?.subject).toBe('2 candidates completed an interview in the last day');
    expect(digest?.text).toContain(`${w.interview.title}: 2 completed`);
    expect(digest?.text).toMatch(/- Nia Now: http.*\/interviews\/.*\/review\//);
    expect(digest?.text).toContain('- Oli Off:');

    await completeCandidate(t, w, { name: 'Pia Later' });
    clock.advance(hours(25));
    expect(await t.runtime.services.notifications.sendDueDigests()).toBe(1);
    const later = digestsTo(w.recruiter)[1];
    expect(later?.text).toContain('- Pia Later:');
    expect(later?.text).not.toContain('Nia Now');
    clock.advance(hours(25));
    expect(await t.runtime.services.notifications.sendDueDigests()).toBe(0);
  });

  it('keeps names out of mail to reviewers of an anonymised interview', async () => {
    const anon = await setUpReviewWorld(t, { questions: 1, interview: { anonymisedReview: true } });
    await choose(anon.reviewer, 'daily');
    await completeCandidate(t, anon, { name: 'Quinn Quiet' });
    const atOnce = anon.mail.messages
      .filter((m) => m.subject.startsWith('Quinn Quiet completed'))
      .map((m) => m.to);
    expect(atOnce.sort()).toEqual([anon.owner.info.user.email, anon.recruiter.info.user.email].sort());
    clock.advance(hours(25));
    await t.runtime.services.notifications.sendDueDigests();
    const digest = anon.mail.messages.find(
      (m) => m.to === anon.reviewer.info.user.email && /in the last day$/.test(m.subject),
    );
    expect(digest?.text).toContain('1 completed (names hidden');
    expect(digest?.text).not.toContain('Quinn');
  });
});
