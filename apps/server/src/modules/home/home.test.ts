import type { Home } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTickingClock } from '../../../test/factories/invitation-api.ts';
import { hours } from '../../../test/factories/clock.ts';
import { createInterview, addQuestion } from '../../../test/factories/interviews.ts';
import { inviteWithLink, openInvitationLink, sendAsCandidate } from '../../../test/factories/invitations.ts';
import { send, type TestSession } from '../../../test/factories/session.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import {
  assignReviewers,
  completeCandidate,
  rate,
  setUpReviewWorld,
  type ReviewWorld,
} from '../reviews/reviews.test-support.ts';

/** The signed-in landing page: what waits for me today, across interviews. */
describe('the home page', () => {
  const clock = createTickingClock();
  let t: TestContext;
  let w: ReviewWorld;
  beforeAll(async () => {
    t = await createTestApp({ SESSION_IDLE_HOURS: '720' }, { clock });
    w = await setUpReviewWorld(t, { questions: 1 });
  });
  afterAll(() => t.close());

  const home = async (session: TestSession) => {
    const res = await send(t.app, session, { method: 'GET', url: '/api/v1/home' });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Home>();
  };

  it('lists the answers waiting for my review across interviews, with counts per interview', async () => {
    const second = await createInterview(t.app, w.owner, { title: 'Second interview' });
    const secondQuestion = await addQuestion(t.app, w.owner, second.id, {
      answerType: 'text',
      answerSeconds: null,
      textMaxChars: 500,
    });
    await assignReviewers(t.app, w.owner, second.id, [w.reviewer]);
    const first = await completeCandidate(t, w, { name: 'Ann First' });
    await completeCandidate(t, w, { name: 'Bob First' });
    await completeCandidate(
      t,
      { ...w, interview: second, questions: [secondQuestion] },
      { name: 'Cy Second' },
    );
    await completeCandidate(t, w, { name: 'Dee Unfinished', submit: false });

    const mine = await home(w.reviewer);
    expect(mine.toReview.total).toBe(3);
    expect(mine.toReview.candidates.map((c) => c.name).sort()).toEqual([
      'Ann First',
      'Bob First',
      'Cy Second',
    ]);
    expect(mine.toReview.interviews).toEqual(
      expect.arrayContaining([
        { interviewId: w.interview.id, title: w.interview.title, toReview: 2 },
        { interviewId: second.id, title: 'Second interview', toReview: 1 },
      ]),
    );
    // Requests, expiring invitations and processing problems are for those who handle them.
    expect(mine.requests).toBeNull();
    expect(mine.expiringSoon).toBeNull();
    expect(mine.processing).toBeNull();

    await rate(t.app, w.reviewer, w, first.invitationId, 4);
    const after = await home(w.reviewer);
    expect(after.toReview.total).toBe(2);
    expect(after.toReview.candidates.map((c) => c.name)).not.toContain('Ann First');
    expect((await home(w.unassigned)).toReview.total).toBe(0);
  });

  it('shows owners the requests waiting, invitations about to expire and processing problems', async () => {
    const soon = await inviteWithLink(t.app, w.mail, w.owner, w.interview.id, {
      name: 'Sam Soon',
      deadline: new Date(clock.now().getTime() + hours(20)).toISOString(),
    });
    const browser = await openInvitationLink(t.app, soon.token);
    const asked = await sendAsCandidate(t.app, browser, {
      method: 'POST',
      url: '/api/v1/candidate/requests',
      payload: { kind: 'extension', days: 5 },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const owner = await home(w.owner);
    expect(owner.requests).toEqual({ pending: 1 });
    expect(owner.expiringSoon?.invitations.map((i) => i.name)).toContain('Sam Soon');
    expect(owner.expiringSoon?.invitations.map((i) => i.name)).not.toContain('Dee Unfinished');
    expect(owner.processing).toEqual({ failed: 0, stuck: 0 });
    const recruiter = await home(w.recruiter);
    expect(recruiter.requests).toEqual({ pending: 1 });
    expect(recruiter.processing).toBeNull();
  });

  it('names no one to a reviewer of an anonymised interview', async () => {
    const anon = await setUpReviewWorld(t, { questions: 1, interview: { anonymisedReview: true } });
    await completeCandidate(t, anon, { name: 'Hidden Name' });
    const mine = await home(anon.reviewer);
    expect(mine.toReview.candidates.map((c) => c.name)).toEqual(['Candidate 1']);
  });

  it('numbers an anonymised candidate as the review list does, after an earlier candidate was erased', async () => {
    const anon = await setUpReviewWorld(t, { questions: 1, interview: { anonymisedReview: true } });
    const first = await completeCandidate(t, anon, { name: 'First Person' });
    await completeCandidate(t, anon, { name: 'Second Person' });
    const erased = await send(t.app, anon.owner, {
      method: 'POST',
      url: `/api/v1/invitations/${first.invitationId}/erase`,
      payload: { confirmation: first.email },
    });
    expect(erased.statusCode, erased.body).toBe(200);

    const list = await send(t.app, anon.reviewer, {
      method: 'GET',
      url: `/api/v1/interviews/${anon.interview.id}/reviews`,
    });
    expect(list.statusCode, list.body).toBe(200);
    const listed = list.json<{ candidates: { name: string }[] }>().candidates.map((c) => c.name);
    expect(listed).toEqual(['Candidate 2']);
    const mine = await home(anon.reviewer);
    expect(mine.toReview.candidates.map((c) => c.name)).toEqual(listed);
  });
});
