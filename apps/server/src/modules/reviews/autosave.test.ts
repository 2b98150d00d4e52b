import type { CandidateReview, MyRatings } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFieldRefused } from '../../../test/factories/interviews.ts';
import { addMember } from '../../../test/factories/member.ts';
import { send, type TestSession } from '../../../test/factories/session.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import {
  assignReviewers,
  completeCandidate,
  getReview,
  setUpReviewWorld,
  type ReviewWorld,
} from './reviews.test-support.ts';

describe('scores saved as they are picked', () => {
  let t: TestContext;
  let w: ReviewWorld;
  beforeAll(async () => {
    t = await createTestApp();
    w = await setUpReviewWorld(t, { questions: 3 });
  });
  afterAll(() => t.close());

  const q = (i: number) => w.questions[i]?.id ?? '';
  const scoreQuestion = (session: TestSession, invitationId: string, questionId: string, payload: object) =>
    send(t.app, session, {
      method: 'PUT',
      url: `/api/v1/invitations/${invitationId}/ratings/questions/${questionId}`,
      payload,
    });
  const scoreOverall = (session: TestSession, invitationId: string, payload: object) =>
    send(t.app, session, {
      method: 'PUT',
      url: `/api/v1/invitations/${invitationId}/ratings/overall`,
      payload,
    });
  const myScores = (review: CandidateReview) => review.questions.map((x) => x.myRating?.score ?? null);

  it('keeps each question score as it is saved, alone, and gives it back on the next load', async () => {
    const { invitationId } = await completeCandidate(t, w);
    const first = await scoreQuestion(w.reviewer, invitationId, q(0), { score: 4 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<MyRatings>().questionRatings).toEqual([{ questionId: q(0), score: 4, note: null }]);
    expect((await scoreQuestion(w.reviewer, invitationId, q(2), { score: 2 })).statusCode).toBe(200);
    expect(myScores(await getReview(t.app, w.reviewer, invitationId))).toEqual([4, null, 2]);

    // Changing one question leaves the others as they were; null takes a score back.
    await scoreQuestion(w.reviewer, invitationId, q(0), { score: 5 });
    await scoreQuestion(w.reviewer, invitationId, q(2), { score: null });
    expect(myScores(await getReview(t.app, w.reviewer, invitationId))).toEqual([5, null, null]);

    const overall = await scoreOverall(w.reviewer, invitationId, { overall: 3 });
    expect(overall.json<MyRatings>()).toMatchObject({ overall: 3 });
    const review = await getReview(t.app, w.reviewer, invitationId);
    expect(review.myOverall).toBe(3);
    expect(myScores(review)).toEqual([5, null, null]);

    // Taking back every score and the overall leaves nothing rated.
    await scoreQuestion(w.reviewer, invitationId, q(0), { score: null });
    await scoreOverall(w.reviewer, invitationId, { overall: null });
    expect((await getReview(t.app, w.reviewer, invitationId)).myRatedAt).toBeNull();
  });

  it('keeps every score when one reviewer picks several at the same moment', async () => {
    const { invitationId } = await completeCandidate(t, w);
    const results = await Promise.all([
      scoreQuestion(w.reviewer, invitationId, q(0), { score: 1 }),
      scoreQuestion(w.reviewer, invitationId, q(1), { score: 2 }),
      scoreQuestion(w.reviewer, invitationId, q(2), { score: 3 }),
      scoreOverall(w.reviewer, invitationId, { overall: 4 }),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    const review = await getReview(t.app, w.reviewer, invitationId);
    expect(myScores(review)).toEqual([1, 2, 3]);
    expect(review.myOverall).toBe(4);
  });

  it('keeps both scores when two reviewers score the same answer at the same moment', async () => {
    const second = await addMember(t.app, w.mail, w.owner, 'reviewer');
    await assignReviewers(t.app, w.owner, w.interview.id, [w.reviewer, second]);
    const { invitationId } = await completeCandidate(t, w);
    const [a, b] = await Promise.all([
      scoreQuestion(w.reviewer, invitationId, q(0), { score: 2 }),
      scoreQuestion(second, invitationId, q(0), { score: 5 }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(myScores(await getReview(t.app, w.reviewer, invitationId))[0]).toBe(2);
    expect(myScores(await getReview(t.app, second, invitationId))[0]).toBe(5);
    const stored = await t.runtime.db
      .selectFrom('question_ratings')
      .innerJoin('rating_sets', 'rating_sets.id', 'question_ratings.rating_set_id')
      .select(['rating_sets.rater_user_id', 'question_ratings.score'])
      .where('rating_sets.invitation_id', '=', invitationId)
      .execute();
    expect(stored.map((s) => [s.rater_user_id, s.score]).sort()).toEqual(
      [
        [w.reviewer.info.user.id, 2],
        [second.info.user.id, 5],
      ].sort(),
    );
  });

  it('refuses a bad score, another question or an unfinished candidate, naming what is wrong', async () => {
    const { invitationId } = await completeCandidate(t, w);
    expectFieldRefused(await scoreQuestion(w.reviewer, invitationId, q(0), { score: 6 }), 'score');
    expectFieldRefused(await scoreQuestion(w.reviewer, invitationId, q(0), { score: 2.5 }), 'score');
    expectFieldRefused(await scoreQuestion(w.reviewer, invitationId, q(0), {}), 'score');
    expectFieldRefused(await scoreOverall(w.reviewer, invitationId, { overall: 0 }), 'overall');
    expectFieldRefused(
      await scoreQuestion(w.reviewer, invitationId, 'not-asked', { score: 3 }),
      'questionId',
    );
    const unfinished = await completeCandidate(t, w, { submit: false });
    const early = await scoreQuestion(w.reviewer, unfinished.invitationId, q(0), { score: 3 });
    expect(early.statusCode).toBe(409);
    expect(early.json<{ code: string }>().code).toBe('invitation_not_completed');
    const outsider = await scoreQuestion(w.unassigned, invitationId, q(0), { score: 3 });
    expect(outsider.statusCode).toBe(403);
    expect((await getReview(t.app, w.reviewer, invitationId)).myRatedAt).toBeNull();
  });

  it("keeps a decider's note as a draft of their own until they decide", async () => {
    const { invitationId } = await completeCandidate(t, w);
    const draft = (session: TestSession, note: string) =>
      send(t.app, session, {
        method: 'PUT',
        url: `/api/v1/invitations/${invitationId}/decision-draft`,
        payload: { note },
      });
    const saved = await draft(w.recruiter, 'Strong on numbers; check references');
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ note: 'Strong on numbers; check references' });
    expect((await getReview(t.app, w.recruiter, invitationId)).myDecisionDraft).toMatchObject({
      note: 'Strong on numbers; check references',
    });
    // Nobody else sees someone's draft; reviewers, who do not decide, cannot keep one.
    expect((await getReview(t.app, w.owner, invitationId)).myDecisionDraft).toBeNull();
    expect((await draft(w.reviewer, 'x')).statusCode).toBe(403);
    expectFieldRefused(await draft(w.recruiter, 'x'.repeat(2001)), 'note');

    // Deciding uses the note; the draft is gone.
    await send(t.app, w.recruiter, {
      method: 'PUT',
      url: `/api/v1/invitations/${invitationId}/ratings/overall`,
      payload: { overall: 4 },
    });
    const decided = await send(t.app, w.recruiter, {
      method: 'PUT',
      url: `/api/v1/invitations/${invitationId}/decision`,
      payload: { decision: 'advance', note: 'Strong on numbers; check references' },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect((await getReview(t.app, w.recruiter, invitationId)).myDecisionDraft).toBeNull();
  });
});
