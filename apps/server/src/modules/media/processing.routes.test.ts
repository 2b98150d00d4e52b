import type { ProcessingOverview, TakeProcessingState } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock, minutes } from '../../../test/factories/clock.ts';
import { send, type TestSession } from '../../../test/factories/session.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import {
  addVideoQuestion,
  recordVideoAnswer,
  type RecordedCandidate,
} from '../playback/playback.test-support.ts';
import { setUpReviewWorld, type ReviewWorld } from '../reviews/reviews.test-support.ts';
import { makeCorruptWebm, makeRecording } from './media.test-support.ts';
import { maxRecoveries, stuckAfterMs } from './processing.service.ts';

describe(
  'the processing page: failed and stuck recordings, retries and the sweep',
  { timeout: 120_000 },
  () => {
    const clock = createTestClock();
    let t: TestContext;
    let w: ReviewWorld;
    let corrupt: RecordedCandidate;
    let waiting: RecordedCandidate;

    beforeAll(async () => {
      t = await createTestApp({}, { clock });
      const origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
      w = await setUpReviewWorld(t, { questions: 1 });
      const videoQuestion = await addVideoQuestion(t, w);
      const record = (recording: Buffer) =>
        recordVideoAnswer(t, w, { origin, recording, videoQuestion, process: false });
      corrupt = await record(makeCorruptWebm());
      await expect(
        t.runtime.services.media.processTake({ takeId: corrupt.takeId, isLastAttempt: true }),
      ).rejects.toThrow(/ffmpeg/);
      clock.advance(minutes(1));
      waiting = await record(makeRecording('webm', { seconds: 1 }));
    });
    afterAll(() => t.close());

    const overview = async (session: TestSession = w.owner, query = '') => {
      const res = await send(t.app, session, { method: 'GET', url: `/api/v1/processing${query}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<ProcessingOverview>();
    };
    const retry = (takeId: string, session: TestSession = w.owner) =>
      send(t.app, session, { method: 'POST', url: `/api/v1/takes/${takeId}/processing/retry` });
    const mediaRow = (takeId: string) =>
      t.runtime.db
        .selectFrom('take_media')
        .selectAll()
        .where('take_id', '=', takeId)
        .executeTakeFirstOrThrow();

    it('lists a failed recording with who, where, the tries and a reason an admin can act on', async () => {
      const page = await overview();
      expect(page.counts).toEqual({ queued: 1, processing: 0, ready: 0, failed: 1, stuck: 0 });
      expect(page.stuckAfterMinutes).toBe(15);
      expect(page.hasMore).toBe(false);
      expect(page.problems).toHaveLength(1);
      const [problem] = page.problems;
      expect(problem).toMatchObject({
        takeId: corrupt.takeId,
        invitationId: corrupt.invitationId,
        candidateName: 'Val Video',
        interviewId: w.interview.id,
        interviewTitle: w.interview.title,
        questionPosition: 2,
        status: 'failed',
        isStuck: false,
        attempts: 1,
      });
      expect(problem?.reason).toMatch(
        /^ffmpeg could not read the uploaded recording .* The original is kept/,
      );
      expect(problem?.detail).toMatch(/^ffmpeg \(remux\) exited with code \d+/);
      expect(problem?.detail).not.toContain(t.runtime.config.dataDir);
    });

    it('is for owners and admins only', async () => {
      for (const session of [w.recruiter, w.reviewer, w.unassigned]) {
        const list = await send(t.app, session, { method: 'GET', url: '/api/v1/processing' });
        expect(list.statusCode).toBe(403);
        const one = await send(t.app, session, {
          method: 'GET',
          url: `/api/v1/takes/${corrupt.takeId}/processing`,
        });
        expect(one.statusCode).toBe(403);
        expect((await retry(corrupt.takeId, session)).statusCode).toBe(403);
      }
      expect((await send(t.app, null, { method: 'GET', url: '/api/v1/processing' })).statusCode).toBe(401);
      expect((await mediaRow(corrupt.takeId)).status).toBe('failed');
    });

    it('shows a recording queued for longer than the limit as stuck, newest first, and bounds the list', async () => {
      clock.advance(stuckAfterMs + minutes(1));
      const page = await overview();
      expect(page.counts).toMatchObject({ queued: 1, failed: 1, stuck: 1 });
      expect(page.problems.map((p) => p.takeId)).toEqual([waiting.takeId, corrupt.takeId]);
      expect(page.problems[0]).toMatchObject({ status: 'queued', isStuck: true, attempts: 0 });
      expect(page.problems[0]?.reason).toBe(
        'Processing has waited 16 minutes without finishing. Check that a worker process is running, then retry.',
      );
      const first = await overview(w.owner, '?limit=1');
      expect(first.problems.map((p) => p.takeId)).toEqual([waiting.takeId]);
      expect(first.hasMore).toBe(true);
      const tooMany = await send(t.app, w.owner, { method: 'GET', url: '/api/v1/processing?limit=1000' });
      expect(tooMany.statusCode).toBe(400);
    });

    it("gives one take's state and reason for the candidate page", async () => {
      const res = await send(t.app, w.owner, {
        method: 'GET',
        url: `/api/v1/takes/${corrupt.takeId}/processing`,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<TakeProcessingState>()).toMatchObject({
        status: 'failed',
        canRetry: true,
        attempts: 1,
        reason: expect.stringMatching(/could not read/) as string,
      });
      const practice = await send(t.app, w.owner, {
        method: 'GET',
        url: `/api/v1/takes/${corrupt.practiceTakeId}/processing`,
      });
      expect(practice.statusCode).toBe(404);
    });

    it('requeues a stuck take a bounded number of times, then fails it with the reason', async () => {
      const { processing } = t.runtime.services;
      for (let sweep = 1; sweep <= maxRecoveries; sweep++) {
        expect(await processing.sweepStuckProcessing()).toEqual({ requeued: 1, failed: 0 });
        expect(await mediaRow(waiting.takeId)).toMatchObject({ status: 'queued', recoveries: sweep });
        // Freshly queued, so not stuck until the limit passes again.
        expect(await processing.sweepStuckProcessing()).toEqual({ requeued: 0, failed: 0 });
        clock.advance(stuckAfterMs + minutes(1));
      }
      expect(await processing.sweepStuckProcessing()).toEqual({ requeued: 0, failed: 1 });
      const row = await mediaRow(waiting.takeId);
      expect(row).toMatchObject({ status: 'failed', recoveries: maxRecoveries });
      expect(row.error).toMatch(/^Processing stopped without finishing 3 times/);
      const problem = (await overview()).problems.find((p) => p.takeId === waiting.takeId);
      expect(problem?.reason).toMatch(/^Processing kept stopping without finishing/);
    });

    it('retries a failed take with fresh tries, audits it, and the take becomes ready', async () => {
      const res = await retry(waiting.takeId);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<TakeProcessingState>()).toMatchObject({
        status: 'queued',
        canRetry: false,
        reason: null,
      });
      expect(await mediaRow(waiting.takeId)).toMatchObject({ recoveries: 0, error: null });
      const audit = await t.runtime.db
        .selectFrom('audit_events')
        .selectAll()
        .where('action', '=', 'media.processing_retried')
        .where('target_id', '=', waiting.takeId)
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actor_user_id: w.owner.info.user.id, target_type: 'take' });
      expect(JSON.parse(audit[0]?.details ?? '{}')).toEqual({
        invitationId: waiting.invitationId,
        previousStatus: 'failed',
      });

      const again = await retry(waiting.takeId);
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ code: 'processing_not_retryable' });

      await t.runtime.services.media.processTake({ takeId: waiting.takeId, isLastAttempt: true });
      expect(await mediaRow(waiting.takeId)).toMatchObject({ status: 'ready', attempts: 1 });
      const page = await overview();
      expect(page.problems.map((p) => p.takeId)).toEqual([corrupt.takeId]);
      expect(page.counts).toMatchObject({ ready: 1, failed: 1, stuck: 0 });
    });
  },
);
