import type { CompareResult } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send, type TestSession } from '../../../test/factories/session.ts';
import { parseCsv } from '../invitations/csv.ts';
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

/**
 * An interview that hides ratings until rated: the owner rates, comments and decides with a note; the assigned
 * reviewer has not rated yet. Whatever they fetch, they must learn nothing of the team's view.
 */
describe('blind review: nothing of the team shows before I rate', () => {
  let t: TestContext;
  let w: ReviewWorld;
  let candidate: TestCandidate;
  const note = 'Owner thinks this one is the strongest';
  const comment = 'Owner comment: great opening';

  beforeAll(async () => {
    t = await createTestApp();
    w = await setUpReviewWorld(t);
    candidate = await completeCandidate(t, w, { name: 'Blake Blind' });
    await rate(t.app, w.owner, w, candidate.invitationId, 5, 5);
    const commented = await send(t.app, w.owner, {
      method: 'POST',
      url: `/api/v1/invitations/${candidate.invitationId}/comments`,
      payload: { questionId: w.questions[0]?.id, atSeconds: null, body: comment },
    });
    expect(commented.statusCode, commented.body).toBe(201);
    const decided = await send(t.app, w.owner, {
      method: 'PUT',
      url: `/api/v1/invitations/${candidate.invitationId}/decision`,
      payload: { decision: 'advance', note },
    });
    expect(decided.statusCode, decided.body).toBe(200);
  });
  afterAll(() => t.close());

  const compare = async (session: TestSession) => {
    const res = await send(t.app, session, {
      method: 'GET',
      url: `/api/v1/interviews/${w.interview.id}/compare?questionId=${w.questions[0]?.id}&invitationIds=${candidate.invitationId}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<CompareResult>().candidates[0];
  };
  const csv = async (session: TestSession) => {
    const res = await send(t.app, session, {
      method: 'GET',
      url: `/api/v1/interviews/${w.interview.id}/results.csv`,
    });
    expect(res.statusCode).toBe(200);
    return res.body;
  };
  /** The rows of the per-rater export naming the candidate, as [rater, overall]. */
  const raterRows = async (session: TestSession) => {
    const res = await send(t.app, session, {
      method: 'GET',
      url: `/api/v1/interviews/${w.interview.id}/ratings-by-rater.csv`,
    });
    expect(res.statusCode).toBe(200);
    return parseCsv(res.body, ',')
      .map((r) => r.fields)
      .filter((fields) => fields[1] === 'Blake Blind')
      .map((fields) => [fields[5], fields[8]]);
  };
  const myComment = async (session: TestSession, body: string) => {
    const res = await send(t.app, session, {
      method: 'POST',
      url: `/api/v1/invitations/${candidate.invitationId}/comments`,
      payload: { questionId: w.questions[0]?.id, atSeconds: null, body },
    });
    expect(res.statusCode, res.body).toBe(201);
  };

  it('hides the decision, its note and other people’s comments on the candidate page', async () => {
    await myComment(w.reviewer, 'My own first impression');
    const review = await getReview(t.app, w.reviewer, candidate.invitationId);
    expect(review.ratingsHidden).toBe(true);
    expect(review.decision).toBeNull();
    expect(review.questions[0]?.comments.map((c) => c.body)).toEqual(['My own first impression']);
    expect(JSON.stringify(review)).not.toContain(note);
    expect(JSON.stringify(review)).not.toContain(comment);
  });

  it('hides the decision in the list, and a decision filter does not give it away', async () => {
    const list = await listReviews(t.app, w.reviewer, w.interview.id);
    const row = list.candidates.find((c) => c.invitationId === candidate.invitationId);
    expect(row).toMatchObject({ decision: null, averageScore: null, ratingsHidden: true });
    const advanced = await listReviews(t.app, w.reviewer, w.interview.id, '?decision=advance');
    expect(advanced.candidates.map((c) => c.invitationId)).not.toContain(candidate.invitationId);
    const undecided = await listReviews(t.app, w.reviewer, w.interview.id, '?decision=none');
    expect(undecided.candidates.map((c) => c.invitationId)).toContain(candidate.invitationId);
  });

  it('hides the decision in the comparison and the CSV', async () => {
    expect(await compare(w.reviewer)).toMatchObject({
      decision: null,
      averageScore: null,
      ratingsHidden: true,
    });
    const text = await csv(w.reviewer);
    const row = text.split('\r\n').find((line) => line.includes('Blake Blind')) ?? '';
    expect(row).not.toContain('advance');
    expect(row).not.toContain(note);
    expect(text).not.toContain(note);
    expect(await raterRows(w.reviewer)).toEqual([]);
  });

  it('keeps everything hidden while only some answers are scored', async () => {
    const partial = await send(t.app, w.reviewer, {
      method: 'PUT',
      url: `/api/v1/invitations/${candidate.invitationId}/ratings`,
      payload: { questionRatings: [{ questionId: w.questions[0]?.id, score: 3 }], overall: null },
    });
    expect(partial.statusCode, partial.body).toBe(200);
    const review = await getReview(t.app, w.reviewer, candidate.invitationId);
    expect(review.ratingsHidden).toBe(true);
    expect(review.decision).toBeNull();
    expect(review.questions[0]?.otherRatings).toEqual([]);
    // Only the reviewer's own row: the owner's 5 stays out of the export.
    expect(await raterRows(w.reviewer)).toEqual([[w.reviewer.info.user.name, '']]);
  });

  it('refuses a decision from someone who has not rated, saying why', async () => {
    const recruiterDecides = await send(t.app, w.recruiter, {
      method: 'PUT',
      url: `/api/v1/invitations/${candidate.invitationId}/decision`,
      payload: { decision: 'reject' },
    });
    expect(recruiterDecides.statusCode).toBe(409);
    expect(recruiterDecides.json<{ code: string; message: string }>()).toMatchObject({
      code: 'rating_required',
      message: expect.stringMatching(/rate/i) as unknown,
    });
    expect((await getReview(t.app, w.owner, candidate.invitationId)).decision?.decision).toBe('advance');
  });

  it('shows everything at once after I rate every answer', async () => {
    await rate(t.app, w.reviewer, w, candidate.invitationId, 3);
    const review = await getReview(t.app, w.reviewer, candidate.invitationId);
    expect(review.ratingsHidden).toBe(false);
    expect(review.decision).toMatchObject({ decision: 'advance', note });
    expect(review.questions[0]?.comments.map((c) => c.body)).toContain(comment);
    const row = (await listReviews(t.app, w.reviewer, w.interview.id)).candidates.find(
      (c) => c.invitationId === candidate.invitationId,
    );
    expect(row).toMatchObject({ decision: 'advance', ratingsHidden: false });
    expect(await compare(w.reviewer)).toMatchObject({ decision: 'advance', ratingsHidden: false });
    expect(await csv(w.reviewer)).toContain(note);
    expect((await raterRows(w.reviewer)).map(([, overall]) => overall).sort()).toEqual(['', '5']);
  });

  it('shows everything at once after an overall score alone', async () => {
    const other = await completeCandidate(t, w, { name: 'Olive Overall' });
    await rate(t.app, w.owner, w, other.invitationId, 4, 4);
    const before = await getReview(t.app, w.recruiter, other.invitationId);
    expect(before.ratingsHidden).toBe(true);
    const overall = await send(t.app, w.recruiter, {
      method: 'PUT',
      url: `/api/v1/invitations/${other.invitationId}/ratings`,
      payload: { questionRatings: [], overall: 2 },
    });
    expect(overall.statusCode, overall.body).toBe(200);
    expect((await getReview(t.app, w.recruiter, other.invitationId)).ratingsHidden).toBe(false);
  });
});
