import type { Interview } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { addQuestion, createInterviewWithQuestions } from '../../../test/factories/interviews.ts';
import { send, signUp, type TestSession } from '../../../test/factories/session.ts';

describe('interview versions', () => {
  let t: TestContext;
  let owner: TestSession;
  let interview: Interview;
  const currentVersion = () =>
    t.runtime.services.interviews.getOrCreateCurrentVersion({
      organisationId: owner.info.organisation.id,
      interviewId: interview.id,
    });
  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.app);
    interview = await createInterviewWithQuestions(t.app, owner, 2);
  });
  afterAll(() => t.close());

  const patchQuestion = (index: number, payload: object) =>
    send(t.app, owner, {
      method: 'PATCH',
      url: `/api/v1/interviews/${interview.id}/questions/${interview.questions[index]?.id ?? ''}`,
      payload,
    });

  it('keeps one version while nothing a candidate sees changes', async () => {
    const first = await currentVersion();
    expect(first.version).toBe(1);
    expect(first.snapshot.questions.map((q) => q.promptText)).toEqual(['Question 1', 'Question 2']);
    expect(first.snapshot).toMatchObject({
      title: interview.title,
      practiceQuestion: interview.practiceQuestion,
    });
    expect(await currentVersion()).toEqual(first);

    // Reviewer-only settings are not part of what candidates see.
    const levels = { '1': 'a', '2': 'b', '3': 'c', '4': 'd', '5': 'e' };
    expect((await patchQuestion(0, { rubric: { criteria: [{ name: 'Clarity', levels }] } })).statusCode).toBe(
      200,
    );
    const reviewSettings = { anonymisedReview: true, reminderHours: [12] };
    await send(t.app, owner, {
      method: 'PATCH',
      url: `/api/v1/interviews/${interview.id}`,
      payload: reviewSettings,
    });
    expect((await currentVersion()).id).toBe(first.id);
  });

  it('makes a new version when a question changes and leaves the old snapshot as it was', async () => {
    const before = await currentVersion();
    expect((await patchQuestion(1, { promptText: 'Question 2, rephrased', takes: 3 })).statusCode).toBe(200);
    const after = await currentVersion();
    expect(after.version).toBe(before.version + 1);
    expect(after.snapshot.questions[1]).toMatchObject({ promptText: 'Question 2, rephrased', takes: 3 });

    const old = await t.runtime.services.interviews.getVersion({ versionId: before.id });
    expect(old).toEqual(before);
    expect(old.snapshot.questions[1]).toMatchObject({ promptText: 'Question 2', takes: 2 });
  });

  it('makes a new version when settings, the order or the set of questions change', async () => {
    const steps: (() => Promise<unknown>)[] = [
      () =>
        send(t.app, owner, {
          method: 'PATCH',
          url: `/api/v1/interviews/${interview.id}`,
          payload: { introText: 'Welcome!', practiceQuestion: { answerSeconds: 60 } },
        }),
      () =>
        send(t.app, owner, {
          method: 'PUT',
          url: `/api/v1/interviews/${interview.id}/questions/order`,
          payload: { questionIds: [...interview.questions.map((q) => q.id)].reverse() },
        }),
      () => addQuestion(t.app, owner, interview.id, { promptText: 'Question 3' }),
    ];
    let previous = await currentVersion();
    for (const step of steps) {
      await step();
      const next = await currentVersion();
      expect(next.version).toBe(previous.version + 1);
      expect(next.snapshot).not.toEqual(previous.snapshot);
      previous = next;
    }
    expect(previous.snapshot.introText).toBe('Welcome!');
    expect(previous.snapshot.questions.map((q) => q.promptText)).toEqual([
      'Question 2, rephrased',
      'Question 1',
      'Question 3',
    ]);
  });

  it('gives concurrent callers the same new version', async () => {
    await send(t.app, owner, {
      method: 'PATCH',
      url: `/api/v1/interviews/${interview.id}`,
      payload: { instructions: 'Find a quiet room.' },
    });
    const [a, b, c] = await Promise.all([currentVersion(), currentVersion(), currentVersion()]);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    const rows = await t.runtime.db
      .selectFrom('interview_versions')
      .select('version')
      .where('interview_id', '=', interview.id)
      .execute();
    expect(new Set(rows.map((r) => r.version)).size).toBe(rows.length);
  });

  it("refuses another organisation's interview", async () => {
    const other = await signUp(t.app);
    await expect(
      t.runtime.services.interviews.getOrCreateCurrentVersion({
        organisationId: other.info.organisation.id,
        interviewId: interview.id,
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
