import type { CompareResult } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock, minutes } from '../../../test/factories/clock.ts';
import { expectFieldRefused } from '../../../test/factories/interviews.ts';
import { send } from '../../../test/factories/session.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import {
  completeCandidate,
  getReview,
  listReviews,
  rate,
  setUpReviewWorld,
  type ReviewWorld,
  type TestCandidate,
} from './reviews.test-support.ts';

describe('the review list: filters, order, pages and neighbours', () => {
  const clock = createTestClock();
  let t: TestContext;
  let w: ReviewWorld;
  let ana: TestCandidate;
  let ben: TestCandidate;
  let cleo: TestCandidate;
  let dora: TestCandidate;

  beforeAll(async () => {
    t = await createTestApp({}, { clock });
    w = await setUpReviewWorld(t);
    // Completed in the order Cleo, Ana, Ben; Dora has not submitted.
    cleo = await completeCandidate(t, w, { name: 'Cleo Clark' });
    clock.advance(minutes(5));
    ana = await completeCandidate(t, w, { name: 'Ana Adams' });
    clock.advance(minutes(5));
    ben = await completeCandidate(t, w, { name: 'ben Brown' });
    clock.advance(minutes(1));
    dora = await completeCandidate(t, w, { name: 'Dora Draft', submit: false });
    await rate(t.app, w.owner, w, ana.invitationId, 5);
    await rate(t.app, w.owner, w, ben.invitationId, 2);
    await rate(t.app, w.owner, w, cleo.invitationId, 4, 3);
    await send(t.app, w.owner, {
      method: 'PUT',
      url: `/api/v1/invitations/${ben.invitationId}/decision`,
      payload: { decision: 'reject' },
    });
  });
  afterAll(() => t.close());

  const idsOf = async (query: string) =>
    (await listReviews(t.app, w.owner, w.interview.id, query)).candidates.map((c) => c.invitationId);

  it('lists every candidate with status, answers, scores and decision', async () => {
    const list = await listReviews(t.app, w.owner, w.interview.id);
    expect(list).toMatchObject({ total: 4, page: 1, pageSize: 50 });
    expect(list.interview).toMatchObject({ id: w.interview.id, anonymised: false, canDecide: true });
    const byId = new Map(list.candidates.map((c) => [c.invitationId, c]));
    expect(byId.get(ben.invitationId)).toMatchObject({
      candidateNumber: 3,
      name: 'ben Brown',
      email: ben.email,
      status: 'completed',
      answeredCount: 2,
      questionCount: 2,
      averageScore: 2,
      myScore: 2,
      ratingCount: 1,
      decision: 'reject',
    });
    // A rater's overall rating is their score, whatever their question ratings.
    expect(byId.get(cleo.invitationId)).toMatchObject({ averageScore: 3, myScore: 3 });
    expect(byId.get(dora.invitationId)).toMatchObject({
      status: 'opened',
      completedAt: null,
      averageScore: null,
    });
  });

  it('sorts by completion, score and name; the unscored and unfinished come last', async () => {
    const [a, b, c, d] = [ana, ben, cleo, dora].map((x) => x.invitationId);
    expect(await idsOf('')).toEqual([b, a, c, d]);
    expect(await idsOf('?sort=completed')).toEqual([c, a, b, d]);
    expect(await idsOf('?sort=-score')).toEqual([a, c, b, d]);
    expect(await idsOf('?sort=score')).toEqual([b, c, a, d]);
    expect(await idsOf('?sort=name')).toEqual([a, b, c, d]);
    expect(await idsOf('?sort=-name')).toEqual([d, c, b, a]);
  });

  it('filters by status, decision, minimum score and search', async () => {
    expect(await idsOf('?status=opened')).toEqual([dora.invitationId]);
    expect(await idsOf('?decision=reject')).toEqual([ben.invitationId]);
    expect((await idsOf('?decision=none')).sort()).toEqual(
      [ana.invitationId, cleo.invitationId, dora.invitationId].sort(),
    );
    expect(await idsOf('?minScore=3&sort=name')).toEqual([ana.invitationId, cleo.invitationId]);
    expect(await idsOf('?q=BROWN')).toEqual([ben.invitationId]);
    expect(await idsOf(`?q=${encodeURIComponent(ana.email)}`)).toEqual([ana.invitationId]);
  });

  it('pages like any list: total over all pages', async () => {
    const first = await listReviews(t.app, w.owner, w.interview.id, '?sort=name&pageSize=3');
    const second = await listReviews(t.app, w.owner, w.interview.id, '?sort=name&pageSize=3&page=2');
    expect(first.total).toBe(4);
    expect(first.candidates.map((c) => c.invitationId)).toEqual([ana, ben, cleo].map((x) => x.invitationId));
    expect(second.candidates.map((c) => c.invitationId)).toEqual([dora.invitationId]);
  });

  it('refuses bad filters naming the field', async () => {
    for (const [query, field] of [
      ['?sort=age', 'sort'],
      ['?minScore=7', 'minScore'],
      ['?pageSize=1000', 'pageSize'],
      ['?status=lost', 'status'],
      ['?decision=maybe', 'decision'],
    ] as const) {
      const res = await send(t.app, w.owner, {
        method: 'GET',
        url: `/api/v1/interviews/${w.interview.id}/reviews${query}`,
      });
      expectFieldRefused(res, field);
    }
  });

  it('links to the previous and next completed candidate in the same order', async () => {
    const byName = await getReview(t.app, w.owner, ben.invitationId, '?sort=name');
    expect(byName.navigation).toEqual({
      previousId: ana.invitationId,
      nextId: cleo.invitationId,
      position: 2,
      count: 3,
    });
    const newestFirst = await getReview(t.app, w.owner, ben.invitationId);
    expect(newestFirst.navigation).toMatchObject({ previousId: null, nextId: ana.invitationId, position: 1 });
    const unfinished = await getReview(t.app, w.owner, dora.invitationId);
    expect(unfinished.navigation).toEqual({ previousId: null, nextId: null, position: null, count: 3 });
  });

  it('compares one question across candidates, with my score and the team average once I rated', async () => {
    const questionId = w.questions[1]?.id ?? '';
    const url = `/api/v1/interviews/${w.interview.id}/compare?questionId=${questionId}&invitationIds=${ana.invitationId},${ben.invitationId},${dora.invitationId}`;
    const res = await send(t.app, w.owner, { method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json<CompareResult>();
    expect(result.question).toMatchObject({ questionId, promptText: 'Question 2', answerType: 'text' });
    expect(result.candidates.map((c) => [c.name, c.myScore, c.averageScore, c.answer?.kind ?? null])).toEqual(
      [
        ['Ana Adams', 5, 5, 'text'],
        ['ben Brown', 2, 2, 'text'],
        ['Dora Draft', null, null, null],
      ],
    );
    const hidden = await send(t.app, w.reviewer, { method: 'GET', url });
    expect(hidden.json<CompareResult>().candidates[0]).toMatchObject({
      averageScore: null,
      ratingsHidden: true,
    });
    const unknown = await send(t.app, w.owner, {
      method: 'GET',
      url: `/api/v1/interviews/${w.interview.id}/compare?questionId=nope&invitationIds=${ana.invitationId}`,
    });
    expect(unknown.statusCode).toBe(404);
    const tooMany = await send(t.app, w.owner, {
      method: 'GET',
      url: `/api/v1/interviews/${w.interview.id}/compare?questionId=${questionId}&invitationIds=${Array.from({ length: 11 }, (_, i) => `id${i}`).join(',')}`,
    });
    expectFieldRefused(tooMany, 'invitationIds');
  });
});
