import type { ProcessingOverview } from '@oneway/shared';
import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestClock, minutes } from '../../../test/factories/clock.ts';
import { send } from '../../../test/factories/session.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { jobLeaseMs } from '../../jobs/job-lease.ts';
import { isoIn, isoNow } from '../../lib/time.ts';
import {
  addVideoQuestion,
  recordVideoAnswer,
  type RecordedCandidate,
} from '../playback/playback.test-support.ts';
import { setUpReviewWorld, type ReviewWorld } from '../reviews/reviews.test-support.ts';
import * as repo from './media.repository.ts';
import { makeRecording } from './media.test-support.ts';

// "Stuck" for a try in progress means what it means in the queue: its worker stopped renewing its lease. A try of
// a long answer runs far longer than the 15 minutes a queued take may wait.
describe('processing leases: a long try is not stuck, an abandoned one is', { timeout: 120_000 }, () => {
  const clock = createTestClock();
  let t: TestContext;
  let w: ReviewWorld;
  let answer: RecordedCandidate;
  let recordAnother: () => Promise<RecordedCandidate>;

  beforeAll(async () => {
    t = await createTestApp({}, { clock });
    const origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    w = await setUpReviewWorld(t, { questions: 1 });
    const videoQuestion = await addVideoQuestion(t, w);
    const recording = makeRecording('webm', { seconds: 1 });
    recordAnother = () => recordVideoAnswer(t, w, { origin, recording, videoQuestion, process: false });
    answer = await recordAnother();
  });
  afterAll(() => t.close());

  const overview = async () => {
    const res = await send(t.app, w.owner, { method: 'GET', url: '/api/v1/processing' });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ProcessingOverview>();
  };
  const mediaRow = (takeId = answer.takeId) =>
    t.runtime.db.selectFrom('take_media').selectAll().where('take_id', '=', takeId).executeTakeFirstOrThrow();

  it('keeps a try whose worker renews its lease out of "stuck" for an hour, and runs no second try beside it', async () => {
    const { organisationId } = await mediaRow().then((row) => ({ organisationId: row.organisation_id }));
    const startedAt = isoNow(clock);
    const claim = { takeId: answer.takeId, organisationId, now: startedAt };
    expect(
      await repo.claimTakeProcessing(t.runtime.db, { ...claim, leaseExpiresAt: isoIn(clock, jobLeaseMs) }),
    ).toBe(true);
    for (let minute = 1; minute <= 60; minute++) {
      clock.advance(minutes(1));
      await repo.renewTakeLease(t.runtime.db, {
        takeId: answer.takeId,
        startedAt,
        leaseExpiresAt: isoIn(clock, jobLeaseMs),
      });
    }
    expect((await overview()).counts).toMatchObject({ processing: 1, stuck: 0 });
    expect(await t.runtime.services.processing.sweepStuckProcessing()).toEqual({ requeued: 0, failed: 0 });

    // A second job for the take (a retry, a sweep, a redelivered job) finds it held and leaves it alone.
    await t.runtime.services.media.processTake({ takeId: answer.takeId, isLastAttempt: true });
    expect(await mediaRow()).toMatchObject({ status: 'processing', attempts: 1, started_at: startedAt });
  });

  it('shows the try as stuck once its lease runs out, and the next try takes the take over', async () => {
    clock.advance(jobLeaseMs + minutes(1));
    const page = await overview();
    expect(page.counts).toMatchObject({ processing: 1, stuck: 1 });
    expect(page.problems[0]).toMatchObject({ takeId: answer.takeId, status: 'processing', isStuck: true });
    expect(page.problems[0]?.reason).toBe(
      'Processing started 63 minutes ago and its worker stopped reporting on it; the server may have restarted during it. Retry it.',
    );
    await t.runtime.services.media.processTake({ takeId: answer.takeId, isLastAttempt: true });
    expect(await mediaRow()).toMatchObject({ status: 'ready', attempts: 2, lease_expires_at: null });
  });

  it('lets go of a take whose work folder cannot be made (a full disk): the try fails, no lease is kept alive', async () => {
    const other = await recordAnother();
    const full = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    const spy = vi.spyOn(fs, 'mkdtemp').mockRejectedValueOnce(full);
    try {
      await expect(
        t.runtime.services.media.processTake({ takeId: other.takeId, isLastAttempt: false }),
      ).rejects.toThrow('no space left on device');
    } finally {
      spy.mockRestore();
    }
    expect(await mediaRow(other.takeId)).toMatchObject({ lease_expires_at: null });
    expect((await mediaRow(other.takeId)).status).not.toBe('processing');
  });
});
