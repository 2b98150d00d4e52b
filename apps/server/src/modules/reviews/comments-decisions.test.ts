import type { ReviewComment, ReviewDecision } from '@oneway/shared';
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
  type TestCandidate,
} from './reviews.test-support.ts';

describe('comments and decisions', () => {
  let t: TestContext;
  let w: ReviewWorld;
  let admin: TestSession;
  let candidate: TestCandidate;

  beforeAll(async () => {
    t = await createTestApp();
    // Everyone sees everyone's comments and decisions here; blind review is tested on its own (blind-review.test.ts).
    w = await setUpReviewWorld(t, { interview: { ratingsHiddenUntilRated: false } });
    admin = await addMember(t.app, w.mail, w.owner, 'admin');
    candidate = await completeCandidate(t, w);
  });
  afterAll(() => t.close());

  const comment = (session: TestSession, payload: object) =>
    send(t.app, session, {
      method: 'POST',
      url: `/api/v1/invitations/${candidate.invitationId}/comments`,
      payload,
    });
  const auditActions = async (action: string) =>
    t.runtime.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', action)
      .where('target_id', '=', candidate.invitationId)
      .execute();

  it('keeps time-stamped comments per answer, in order, with their author', async () => {
    const questionId = w.questions[0]?.id ?? '';
    const at = await comment(w.reviewer, {
      questionId,
      atSeconds: 12.5,
      body: '  Leads with the outcome here ',
    });
    expect(at.statusCode, at.body).toBe(201);
    expect(at.json<ReviewComment>()).toMatchObject({
      questionId,
      atSeconds: 12.5,
      body: 'Leads with the outcome here',
      author: { kind: 'member', userId: w.reviewer.info.user.id, name: w.reviewer.info.user.name },
      canDelete: true,
    });
    expect((await comment(w.owner, { questionId, atSeconds: null, body: 'Overall solid' })).statusCode).toBe(
      201,
    );
    const review = await getReview(t.app, w.recruiter, candidate.invitationId);
    expect(review.questions[0]?.comments.map((c) => [c.atSeconds, c.body, c.canDelete])).toEqual([
      [12.5, 'Leads with the outcome here', false],
      [null, 'Overall solid', false],
    ]);
    expect(review.questions[1]?.comments).toEqual([]);
  });

  it('refuses bad comments naming the field', async () => {
    const questionId = w.questions[0]?.id ?? '';
    expectFieldRefused(await comment(w.owner, { questionId, atSeconds: -1, body: 'x' }), 'atSeconds');
    expectFieldRefused(await comment(w.owner, { questionId, atSeconds: null, body: '   ' }), 'body');
    expectFieldRefused(await comment(w.owner, { questionId, body: 'x' }), 'atSeconds');
    expectFieldRefused(
      await comment(w.owner, { questionId: 'nope', atSeconds: null, body: 'x' }),
      'questionId',
    );
  });

  it('lets the author, an owner or an admin delete a comment, and nobody else', async () => {
    const questionId = w.questions[1]?.id ?? '';
    const other = await addMember(t.app, w.mail, w.owner, 'reviewer');
    await assignReviewers(t.app, w.owner, w.interview.id, [w.reviewer, other]);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await comment(w.reviewer, { questionId, atSeconds: i, body: `Note ${i}` });
      ids.push(res.json<ReviewComment>().id);
    }
    const remove = (session: TestSession, id: string) =>
      send(t.app, session, { method: 'DELETE', url: `/api/v1/comments/${id}` });
    const refused = await remove(other, ids[0] ?? '');
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ message: string }>().message).toMatch(/author/);
    expect((await remove(w.recruiter, ids[0] ?? '')).statusCode).toBe(403);
    expect((await remove(w.reviewer, ids[0] ?? '')).statusCode).toBe(204);
    expect((await remove(admin, ids[1] ?? '')).statusCode).toBe(204);
    expect((await remove(w.owner, ids[2] ?? '')).statusCode).toBe(204);
    expect((await remove(w.owner, ids[2] ?? '')).statusCode).toBe(404);
    const review = await getReview(t.app, w.reviewer, candidate.invitationId);
    expect(review.questions[1]?.comments).toEqual([]);
  });

  it('records a decision with its note and who made it, replaces it, and audits each', async () => {
    const decide = (payload: object) =>
      send(t.app, w.recruiter, {
        method: 'PUT',
        url: `/api/v1/invitations/${candidate.invitationId}/decision`,
        payload,
      });
    const first = await decide({ decision: 'hold', note: 'Check references' });
    expect(first.json<ReviewDecision>()).toMatchObject({
      decision: 'hold',
      note: 'Check references',
      decidedBy: { kind: 'member', userId: w.recruiter.info.user.id },
    });
    await decide({ decision: 'advance' });
    const review = await getReview(t.app, w.reviewer, candidate.invitationId);
    expect(review.decision).toMatchObject({ decision: 'advance', note: null });
    expectFieldRefused(await decide({ decision: 'maybe' }), 'decision');
    const events = await auditActions('review.decided');
    const decisions = events.map((e) => (JSON.parse(e.details ?? '{}') as { decision: string }).decision);
    expect(decisions.sort()).toEqual(['advance', 'hold']);
    expect(events.every((e) => e.actor_user_id === w.recruiter.info.user.id)).toBe(true);
  });

  it('audits who viewed a candidate', async () => {
    await getReview(t.app, w.reviewer, candidate.invitationId);
    const views = await auditActions('review.viewed');
    expect(views.map((v) => v.actor_user_id)).toContain(w.reviewer.info.user.id);
  });
});
