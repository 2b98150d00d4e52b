import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFieldRefused } from '../../../test/factories/interviews.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import {
  completeCandidate,
  getReview,
  listReviews,
  putRatings,
  rate,
  setUpReviewWorld,
  type ReviewWorld,
} from './reviews.test-support.ts';

describe('ratings', () => {
  let t: TestContext;
  let w: ReviewWorld;
  beforeAll(async () => {
    t = await createTestApp();
    w = await setUpReviewWorld(t);
  });
  afterAll(() => t.close());

  const q = (i: number) => w.questions[i]?.id ?? '';

  it('refuses scores outside 1-5 and other bad input, naming each field', async () => {
    const { invitationId } = await completeCandidate(t, w);
    const cases: [object, string][] = [
      [{ questionRatings: [{ questionId: q(0), score: 6 }], overall: null }, 'questionRatings.0.score'],
      [{ questionRatings: [{ questionId: q(0), score: 0 }], overall: null }, 'questionRatings.0.score'],
      [{ questionRatings: [{ questionId: q(0), score: 2.5 }], overall: null }, 'questionRatings.0.score'],
      [{ questionRatings: [], overall: 9 }, 'overall'],
      [{ questionRatings: [{ questionId: q(0), score: '4' }], overall: null }, 'questionRatings.0.score'],
      [{ questionRatings: [] }, 'overall'],
      [
        { questionRatings: [{ questionId: 'not-asked', score: 3 }], overall: null },
        'questionRatings.0.questionId',
      ],
      [
        {
          questionRatings: [
            { questionId: q(0), score: 3 },
            { questionId: q(0), score: 4 },
          ],
          overall: null,
        },
        'questionRatings.1.questionId',
      ],
    ];
    for (const [payload, field] of cases) {
      const res = await putRatings(t.app, w.owner, invitationId, payload);
      expectFieldRefused(res, field);
      expect(res.json<{ message: string }>().message).toContain(field);
    }
    const review = await getReview(t.app, w.owner, invitationId);
    expect(review.myRatedAt).toBeNull();
  });

  it('keeps one set per rater: a second rating replaces the first, an empty one withdraws it', async () => {
    const { invitationId } = await completeCandidate(t, w);
    await rate(t.app, w.reviewer, w, invitationId, 2);
    const second = await putRatings(t.app, w.reviewer, invitationId, {
      questionRatings: [{ questionId: q(1), score: 5, note: '  Strong numbers  ' }],
      overall: 4,
    });
    expect(second.json()).toMatchObject({
      questionRatings: [{ questionId: q(1), score: 5, note: 'Strong numbers' }],
      overall: 4,
    });
    const review = await getReview(t.app, w.reviewer, invitationId);
    expect(review.questions.map((x) => x.myRating)).toEqual([null, { score: 5, note: 'Strong numbers' }]);
    expect(review.myOverall).toBe(4);
    const sets = await t.runtime.db
      .selectFrom('rating_sets')
      .selectAll()
      .where('invitation_id', '=', invitationId)
      .execute();
    expect(sets).toHaveLength(1);
    const withdrawn = await putRatings(t.app, w.reviewer, invitationId, {
      questionRatings: [],
      overall: null,
    });
    expect(withdrawn.json()).toEqual({ questionRatings: [], overall: null, updatedAt: null });
    expect((await getReview(t.app, w.reviewer, invitationId)).myRatedAt).toBeNull();
  });

  it("hides the team's ratings and average until I have rated, then shows them", async () => {
    const { invitationId } = await completeCandidate(t, w, { name: 'Harper Hidden' });
    await rate(t.app, w.owner, w, invitationId, 5, 5);
    const before = await getReview(t.app, w.reviewer, invitationId);
    expect(before.ratingsHidden).toBe(true);
    expect(before.otherOverall).toEqual([]);
    expect(before.averageScore).toBeNull();
    expect(before.questions.every((x) => x.otherRatings.length === 0 && x.averageScore === null)).toBe(true);
    const listed = (await listReviews(t.app, w.reviewer, w.interview.id)).candidates.find(
      (c) => c.invitationId === invitationId,
    );
    expect(listed).toMatchObject({ averageScore: null, ratingsHidden: true, myScore: null });

    await rate(t.app, w.reviewer, w, invitationId, 3);
    const after = await getReview(t.app, w.reviewer, invitationId);
    expect(after.ratingsHidden).toBe(false);
    expect(after.otherOverall).toEqual([
      { rater: { kind: 'member', userId: w.owner.info.user.id, name: w.owner.info.user.name }, overall: 5 },
    ]);
    expect(after.questions[0]?.otherRatings).toEqual([
      {
        rater: { kind: 'member', userId: w.owner.info.user.id, name: w.owner.info.user.name },
        score: 5,
        note: null,
      },
    ]);
    // The owner's score is their overall (5); mine is the mean of my question ratings (3).
    expect(after.averageScore).toBe(4);
    expect(after.questions[0]?.averageScore).toBe(4);
    const listedAfter = (await listReviews(t.app, w.reviewer, w.interview.id)).candidates.find(
      (c) => c.invitationId === invitationId,
    );
    expect(listedAfter).toMatchObject({ averageScore: 4, ratingsHidden: false, myScore: 3, ratingCount: 2 });
  });

  it('shows every rating at once when the interview does not hide them', async () => {
    const open = await setUpReviewWorld(t, { interview: { ratingsHiddenUntilRated: false } });
    const { invitationId } = await completeCandidate(t, open);
    await rate(t.app, open.owner, open, invitationId, 4);
    const review = await getReview(t.app, open.reviewer, invitationId);
    expect(review.ratingsHidden).toBe(false);
    expect(review.averageScore).toBe(4);
    expect(review.questions[1]?.otherRatings).toHaveLength(1);
  });

  it('gives the rubric with each question and the answer text', async () => {
    const { invitationId } = await completeCandidate(t, w, {
      name: 'Rita Rubric',
      answer: (question) => `Rita on ${question.promptText}`,
    });
    const review = await getReview(t.app, w.reviewer, invitationId);
    expect(review.questions[0]).toMatchObject({
      position: 1,
      promptText: 'Question 1',
      answerType: 'text',
      rubric: { criteria: [{ name: 'Outcome first' }] },
      answer: { kind: 'text', text: 'Rita on Question 1' },
    });
    expect(review.questions[1]?.rubric).toBeNull();
    expect(review.accommodationsApplied).toBe(false);
  });
});
