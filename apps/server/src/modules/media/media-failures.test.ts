import { existsSync, readdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureJobs, type CapturedJob } from '../../../test/factories/invitation-api.ts';
import { waitFor } from '../../../test/smtp.ts';
import { startMediaTestApp, type MediaTestApp } from './media-app.test-support.ts';
import { makeCorruptWebm, makeRecording } from './media.test-support.ts';

describe('take.process when things go wrong', { timeout: 90_000 }, () => {
  let m: MediaTestApp;
  let jobs: CapturedJob[];
  beforeAll(async () => {
    m = await startMediaTestApp();
    jobs = captureJobs(m.t.runtime);
  });
  afterAll(() => m.close());

  it('fails an unreadable recording after the last try, says why, and keeps the original', async () => {
    const take = await m.uploadTake(makeCorruptWebm());
    expect(take.status).toBe('uploaded');
    for (const attempt of [1, 2]) {
      await expect(m.processTake(take.id, { isLastAttempt: false })).rejects.toThrow(/ffmpeg/);
      // Between tries the take waits for its retry, with the reason so far.
      expect(await m.getProcessing(take)).toMatchObject({ status: 'queued', attempts: attempt });
    }
    await expect(m.processTake(take.id, { isLastAttempt: true })).rejects.toThrow(/ffmpeg/);
    const state = await m.getProcessing(take);
    expect(state).toMatchObject({ status: 'failed', attempts: 3, playback: null, poster: null });
    expect(state.error).toMatch(/^ffmpeg \(remux\) exited with code \d+: .*(EBML|Invalid data)/);
    expect(state.error).not.toContain(m.t.runtime.config.dataDir);
    expect(state.finishedAt).not.toBeNull();
    expect(readdirSync(path.dirname(m.fileOf(take.storage_key)))).toEqual([`${take.id}.bin`]);
  });

  it('lets an admin retry a failed take, which then becomes ready', async () => {
    const take = await m.uploadTake(makeRecording('webm', { seconds: 2 }));
    const original = m.fileOf(take.storage_key);
    renameSync(original, `${original}.away`);
    await expect(m.processTake(take.id)).rejects.toThrow();
    expect(await m.getProcessing(take)).toMatchObject({
      status: 'failed',
      error: 'The original recording is missing from storage.',
    });
    renameSync(`${original}.away`, original);

    const retried = await m.retry(take.id);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'queued', reason: null, attempts: 1, canRetry: false });
    expect(jobs.at(-1)).toMatchObject({
      name: 'take.process',
      options: { dedupeKey: expect.stringMatching(`^take/${take.id}/process/retry-1-\\d+$`) as string },
    });
    await m.processTake(take.id);
    expect(await m.getProcessing(take)).toMatchObject({ status: 'ready', attempts: 2 });

    // A take that is not failed or stuck is refused, and nothing is queued.
    const jobCount = jobs.length;
    const again = await m.retry(take.id);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'processing_not_retryable' });
    expect(jobs.length).toBe(jobCount);
  });

  it("refuses another organisation's take", async () => {
    const take = await m.uploadTake(makeRecording('webm', { seconds: 1 }));
    const ids = { organisationId: 'another-organisation', takeId: take.id };
    await expect(m.t.runtime.services.media.getTakeProcessing(ids)).rejects.toMatchObject({
      code: 'not_found',
    });
    const actor = { organisationId: 'another-organisation', userId: m.owner.info.user.id };
    const client = { ip: null, userAgent: null };
    await expect(
      m.t.runtime.services.processing.retryProcessing({ actor, takeId: take.id, client }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('take.process run by the queue', { timeout: 90_000 }, () => {
  let m: MediaTestApp;
  beforeAll(async () => {
    m = await startMediaTestApp();
  });
  afterAll(() => m.close());

  it('processes a take uploaded through tus once a worker runs', async () => {
    const take = await m.uploadTake(makeRecording('webm', { seconds: 2 }));
    expect((await m.getProcessing(take)).status).toBe('queued');
    await m.t.runtime.queue.start();
    const state = await waitFor(
      async () => {
        const s = await m.getProcessing(take);
        return s.status === 'ready' && s;
      },
      { timeoutMs: 60_000, what: 'the take to be processed' },
    );
    expect(existsSync(m.fileOf(state.playback?.key ?? '-'))).toBe(true);
  });
});

describe('without a working ffmpeg', { timeout: 90_000 }, () => {
  const logLines: string[] = [];
  let m: MediaTestApp;
  beforeAll(async () => {
    const logger = pino({ level: 'warn' }, { write: (line: string) => logLines.push(line) });
    m = await startMediaTestApp({ FFMPEG_PATH: '/nonexistent/bin/ffmpeg' }, { logger });
  });
  afterAll(() => m.close());

  it('starts with one clear warning and fails processing with a clear reason', async () => {
    const warnings = logLines.filter((line) => line.includes('Recordings cannot be processed'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('FFMPEG_PATH');
    expect((await m.t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);

    const take = await m.uploadTake(makeRecording('webm', { seconds: 1 }));
    await expect(m.processTake(take.id)).rejects.toThrow(/was not found/);
    const state = await m.getProcessing(take);
    expect(state.status).toBe('failed');
    expect(state.error).toBe('ffmpeg (remux): "/nonexistent/bin/ffmpeg" was not found (set FFMPEG_PATH)');
    expect(existsSync(m.fileOf(take.storage_key))).toBe(true);
  });
});
