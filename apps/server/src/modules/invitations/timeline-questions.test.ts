import type { InvitationDetail } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../../../test/factories/session.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { completeCandidate, setUpReviewWorld, type ReviewWorld } from '../reviews/reviews.test-support.ts';

describe("the candidate's timeline", () => {
  let t: TestContext;
  let w: ReviewWorld;
  beforeAll(async () => {
    t = await createTestApp();
    w = await setUpReviewWorld(t, { questions: 3 });
  });
  afterAll(() => t.close());

  it('says which question each saved answer is for, by its place and prompt', async () => {
    const { invitationId } = await completeCandidate(t, w);
    const res = await send(t.app, w.recruiter, { method: 'GET', url: `/api/v1/invitations/${invitationId}` });
    expect(res.statusCode, res.body).toBe(200);
    const saved = res.json<InvitationDetail>().timeline.filter((e) => e.type === 'answer_saved');
    expect(saved.map((e) => [e.details?.position, e.details?.prompt])).toEqual([
      [1, 'Question 1'],
      [2, 'Question 2'],
      [3, 'Question 3'],
    ]);
  });
});
