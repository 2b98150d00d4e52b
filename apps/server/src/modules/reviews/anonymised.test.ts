import type { CompareResult } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFieldRefused } from '../../../test/factories/interviews.ts';
import { send } from '../../../test/factories/session.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import {
  completeCandidate,
  getReview,
  listReviews,
  setUpReviewWorld,
  type ReviewWorld,
  type TestCandidate,
} from './reviews.test-support.ts';

describe('anonymised review', () => {
  let t: TestContext;
  let w: ReviewWorld;
  let first: TestCandidate;
  let second: TestCandidate;

  beforeAll(async () => {
    t = await createTestApp();
    w = await setUpReviewWorld(t, { interview: { anonymisedReview: true } });
    first = await completeCandidate(t, w, { name: 'Zelda Zimmer' });
    second = await completeCandidate(t, w, { name: 'Aaron Abbott' });
  });
  afterAll(() => t.close());

  const leaks = (body: string) =>
    [first.name, second.name, first.email, second.email, 'Zimmer', 'Abbott'].filter((s) => body.includes(s));

  it('shows reviewers "Candidate N" and no e-mail in the list, and orders "name" by that number', async () => {
    const res = await send(t.app, w.reviewer, {
      method: 'GET',
      url: `/api/v1/interviews/${w.interview.id}/reviews?sort=name`,
    });
    expect(leaks(res.body)).toEqual([]);
    const list = res.json<{
      candidates: { name: string; email: string | null }[];
      interview: { anonymised: boolean };
    }>();
    expect(list.interview.anonymised).toBe(true);
    expect(list.candidates.map((c) => [c.name, c.email])).toEqual([
      ['Candidate 1', null],
      ['Candidate 2', null],
    ]);
  });

  it('refuses search by name or e-mail for reviewers, naming q', async () => {
    const res = await send(t.app, w.reviewer, {
      method: 'GET',
      url: `/api/v1/interviews/${w.interview.id}/reviews?q=Zelda`,
    });
    expectFieldRefused(res, 'q');
    expect(leaks(res.body)).toEqual([]);
  });

  it('keeps names out of the candidate page and the comparison', async () => {
    const page = await send(t.app, w.reviewer, {
      method: 'GET',
      url: `/api/v1/invitations/${first.invitationId}/review`,
    });
    expect(page.statusCode).toBe(200);
    expect(leaks(page.body)).toEqual([]);
    expect((await getReview(t.app, w.reviewer, first.invitationId)).candidate).toEqual({
      candidateNumber: 1,
      name: 'Candidate 1',
      email: null,
      anonymised: true,
    });
    const compare = await send(t.app, w.reviewer, {
      method: 'GET',
      url: `/api/v1/interviews/${w.interview.id}/compare?questionId=${w.questions[0]?.id ?? ''}&invitationIds=${second.invitationId},${first.invitationId}`,
    });
    expect(compare.json<CompareResult>().candidates.map((c) => [c.name, c.email])).toEqual([
      ['Candidate 2', null],
      ['Candidate 1', null],
    ]);
  });

  it("leaves the e-mail column out of the reviewer's CSV", async () => {
    const res = await send(t.app, w.reviewer, {
      method: 'GET',
      url: `/api/v1/interviews/${w.interview.id}/results.csv`,
    });
    expect(res.statusCode).toBe(200);
    expect(leaks(res.body)).toEqual([]);
    const [header, row] = res.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toMatch(/^candidate_number,name,status,completed_at,/);
    expect(row).toMatch(/^1,Candidate 1,completed,/);
    const byRater = await send(t.app, w.reviewer, {
      method: 'GET',
      url: `/api/v1/interviews/${w.interview.id}/ratings-by-rater.csv`,
    });
    expect(byRater.statusCode).toBe(200);
    expect(leaks(byRater.body)).toEqual([]);
    expect(byRater.body.replace(/^\uFEFF/, '')).toMatch(/^candidate_number,name,rater,rater_type,/);
  });

  it('shows names to owners and recruiters, who run the process', async () => {
    const list = await listReviews(t.app, w.recruiter, w.interview.id, '?sort=name');
    expect(list.interview.anonymised).toBe(false);
    expect(list.candidates.map((c) => c.name)).toEqual(['Aaron Abbott', 'Zelda Zimmer']);
    const csv = await send(t.app, w.owner, {
      method: 'GET',
      url: `/api/v1/interviews/${w.interview.id}/results.csv`,
    });
    expect(csv.body).toContain(first.email);
  });
});
