import type { InterviewReviewer, InterviewSummary } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send, type TestSession } from '../../../test/factories/session.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import {
  completeCandidate,
  getReview,
  listReviews,
  putRatings,
  setUpReviewWorld,
  type ReviewWorld,
  type TestCandidate,
} from './reviews.test-support.ts';

type Call = { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string; payload?: object };

describe('who may review which interview', () => {
  let t: TestContext;
  let w: ReviewWorld;
  let candidate: TestCandidate;

  beforeAll(async () => {
    t = await createTestApp();
    w = await setUpReviewWorld(t);
    candidate = await completeCandidate(t, w, { name: 'Riley Reviewed' });
  });
  afterAll(() => t.close());

  const reviewCalls = (): Call[] => {
    const questionId = w.questions[0]?.id ?? '';
    return [
      { method: 'GET', url: `/api/v1/interviews/${w.interview.id}/reviews` },
      { method: 'GET', url: `/api/v1/invitations/${candidate.invitationId}/review` },
      {
        method: 'GET',
        url: `/api/v1/interviews/${w.interview.id}/compare?questionId=${questionId}&invitationIds=${candidate.invitationId}`,
      },
      { method: 'GET', url: `/api/v1/interviews/${w.interview.id}/results.csv` },
      {
        method: 'PUT',
        url: `/api/v1/invitations/${candidate.invitationId}/ratings`,
        payload: { questionRatings: [{ questionId, score: 4 }], overall: null },
      },
      {
        method: 'POST',
        url: `/api/v1/invitations/${candidate.invitationId}/comments`,
        payload: { questionId, atSeconds: null, body: 'Clear answer' },
      },
    ];
  };

  it('lets owners, recruiters and the assigned reviewer read and rate', async () => {
    for (const session of [w.owner, w.recruiter, w.reviewer]) {
      for (const call of reviewCalls()) {
        const res = await send(t.app, session, call);
        expect(res.statusCode, `${session.info.role} ${call.method} ${call.url}: ${res.body}`).toBeLessThan(
          300,
        );
      }
    }
  });

  it('refuses a reviewer who is not assigned, with a clear 403 and no data', async () => {
    for (const call of reviewCalls()) {
      const res = await send(t.app, w.unassigned, call);
      expect(res.statusCode, `${call.method} ${call.url}`).toBe(403);
      expect(res.json()).toMatchObject({
        code: 'forbidden',
        message: expect.stringMatching(/not assigned/) as string,
      });
      expect(res.body).not.toContain('Riley');
    }
  });

  it('shows reviewers only the interviews they are assigned to', async () => {
    const listOf = async (session: TestSession) =>
      (await send(t.app, session, { method: 'GET', url: '/api/v1/interviews' }))
        .json<{ interviews: InterviewSummary[] }>()
        .interviews.map((i) => i.id);
    expect(await listOf(w.reviewer)).toEqual([w.interview.id]);
    expect(await listOf(w.unassigned)).toEqual([]);
    expect(await listOf(w.recruiter)).toEqual([w.interview.id]);
    const detail = await send(t.app, w.unassigned, {
      method: 'GET',
      url: `/api/v1/interviews/${w.interview.id}`,
    });
    expect(detail.statusCode).toBe(403);
    const assigned = await send(t.app, w.reviewer, {
      method: 'GET',
      url: `/api/v1/interviews/${w.interview.id}`,
    });
    expect(assigned.statusCode).toBe(200);
  });

  it('lets reviewers rate and comment but not decide, share or assign', async () => {
    const decide = await send(t.app, w.reviewer, {
      method: 'PUT',
      url: `/api/v1/invitations/${candidate.invitationId}/decision`,
      payload: { decision: 'advance' },
    });
    expect(decide.statusCode).toBe(403);
    expect(decide.json<{ message: string }>().message).toMatch(/reviewers rate and comment/);
    for (const call of [
      { method: 'GET' as const, url: `/api/v1/interviews/${w.interview.id}/reviewers` },
      {
        method: 'PUT' as const,
        url: `/api/v1/interviews/${w.interview.id}/reviewers`,
        payload: { userIds: [] },
      },
      { method: 'GET' as const, url: `/api/v1/interviews/${w.interview.id}/share-links` },
      {
        method: 'POST' as const,
        url: '/api/v1/share-links',
        payload: { invitationIds: [candidate.invitationId] },
      },
    ]) {
      const res = await send(t.app, w.reviewer, call);
      expect(res.statusCode, `${call.method} ${call.url}`).toBe(403);
    }
    const review = await getReview(t.app, w.reviewer, candidate.invitationId);
    expect(review.permissions).toEqual({ canRate: true, canComment: true, canDecide: false });
    expect(review.interview.canDecide).toBe(false);
  });

  it('lets a recruiter decide and assign reviewers; only members can be assigned', async () => {
    // The interview hides the team's view until rated, so the recruiter rates before deciding.
    const rated = await putRatings(t.app, w.recruiter, candidate.invitationId, {
      questionRatings: [],
      overall: 3,
    });
    expect(rated.statusCode, rated.body).toBe(200);
    const decide = await send(t.app, w.recruiter, {
      method: 'PUT',
      url: `/api/v1/invitations/${candidate.invitationId}/decision`,
      payload: { decision: 'hold', note: 'Second round maybe' },
    });
    expect(decide.statusCode, decide.body).toBe(200);
    const bad = await send(t.app, w.recruiter, {
      method: 'PUT',
      url: `/api/v1/interviews/${w.interview.id}/reviewers`,
      payload: { userIds: [w.reviewer.info.user.id, 'someone-else'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ details: { fields: [{ field: 'userIds.1' }] } });
    const both = await send(t.app, w.recruiter, {
      method: 'PUT',
      url: `/api/v1/interviews/${w.interview.id}/reviewers`,
      payload: { userIds: [w.reviewer.info.user.id, w.unassigned.info.user.id] },
    });
    expect(
      both
        .json<{ reviewers: InterviewReviewer[] }>()
        .reviewers.map((r) => r.userId)
        .sort(),
    ).toEqual([w.reviewer.info.user.id, w.unassigned.info.user.id].sort());
    expect((await listReviews(t.app, w.unassigned, w.interview.id)).candidates).toHaveLength(1);
    await send(t.app, w.recruiter, {
      method: 'PUT',
      url: `/api/v1/interviews/${w.interview.id}/reviewers`,
      payload: { userIds: [w.reviewer.info.user.id] },
    });
    const again = await send(t.app, w.unassigned, {
      method: 'GET',
      url: `/api/v1/interviews/${w.interview.id}/reviews`,
    });
    expect(again.statusCode).toBe(403);
  });

  it('asks anonymous callers to sign in', async () => {
    for (const call of reviewCalls()) {
      expect((await send(t.app, null, call)).statusCode, `${call.method} ${call.url}`).toBe(401);
    }
  });

  it('rates and decides only completed candidates', async () => {
    const started = await completeCandidate(t, w, { name: 'Sam Started', submit: false });
    const rating = await putRatings(t.app, w.owner, started.invitationId, {
      questionRatings: [],
      overall: 3,
    });
    expect(rating.statusCode).toBe(409);
    expect(rating.json()).toMatchObject({ code: 'invitation_not_completed' });
    const decision = await send(t.app, w.owner, {
      method: 'PUT',
      url: `/api/v1/invitations/${started.invitationId}/decision`,
      payload: { decision: 'reject' },
    });
    expect(decision.json()).toMatchObject({ code: 'invitation_not_completed' });
    const review = await getReview(t.app, w.owner, started.invitationId);
    expect(review.questions.every((q) => q.answer === null)).toBe(true);
    expect(review.permissions).toEqual({ canRate: false, canComment: false, canDecide: false });
  });
});
