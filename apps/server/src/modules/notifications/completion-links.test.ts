import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hours } from '../../../test/factories/clock.ts';
import { createTickingClock } from '../../../test/factories/invitation-api.ts';
import { send, type TestSession } from '../../../test/factories/session.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { completeCandidate, setUpReviewWorld, type ReviewWorld } from '../reviews/reviews.test-support.ts';

/** The path of every link to this Oneway in a text. */
const linksIn = (text: string): string[] =>
  [...text.matchAll(/https?:\/\/[^\s]+/g)].map((m) => new URL(m[0]).pathname);

describe('completion e-mails lead each recipient to a page they may open', () => {
  const clock = createTickingClock();
  let t: TestContext;
  let w: ReviewWorld;

  beforeAll(async () => {
    t = await createTestApp({ SESSION_IDLE_HOURS: '720' }, { clock });
    w = await setUpReviewWorld(t, { questions: 1 });
  });
  afterAll(() => t.close());

  const mailsTo = (session: TestSession, subject: RegExp) => w.mail.to(session.info.user.email, subject);
  /** The review page's own API call for that link: what the page would show the recipient. */
  const openAs = async (session: TestSession, pathname: string) => {
    const match = /^\/interviews\/([^/]+)\/review\/([^/]+)$/.exec(pathname);
    expect(match, `${pathname} is a candidate's review page`).not.toBeNull();
    const res = await send(t.app, session, {
      method: 'GET',
      url: `/api/v1/invitations/${match?.[2]}/review`,
    });
    return res.statusCode;
  };

  it("links the team's completion e-mail to the candidate's review page, for every role that gets it", async () => {
    const candidate = await completeCandidate(t, w, { name: 'Lena Link' });
    const subject = /^Lena Link completed/;
    for (const member of [w.owner, w.recruiter, w.reviewer]) {
      const [mail] = mailsTo(member, subject);
      expect(mail, `${member.info.role} gets the e-mail`).toBeDefined();
      const review = `/interviews/${w.interview.id}/review/${candidate.invitationId}`;
      expect(linksIn(mail?.text ?? '')).toEqual([review]);
      expect(mail?.html ?? '').toContain(review);
      expect(await openAs(member, review)).toBe(200);
    }
    expect(mailsTo(w.unassigned, subject)).toEqual([]);
  });

  it('links the daily digest to review pages, and sends none to a reviewer who is not assigned', async () => {
    for (const member of [w.reviewer, w.unassigned, w.recruiter]) {
      const res = await send(t.app, member, {
        method: 'PUT',
        url: '/api/v1/me/notification-preferences',
        payload: { completionEmails: 'daily' },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const candidate = await completeCandidate(t, w, { name: 'Dana Digest' });
    clock.advance(hours(25));
    await t.runtime.services.notifications.sendDueDigests();
    const review = `/interviews/${w.interview.id}/review/${candidate.invitationId}`;
    for (const member of [w.reviewer, w.recruiter]) {
      const [digest] = mailsTo(member, /in the last day$/);
      expect(linksIn(digest?.text ?? '')).toContain(review);
      expect(await openAs(member, review)).toBe(200);
    }
    expect(mailsTo(w.unassigned, /in the last day$/)).toEqual([]);
  });
});
