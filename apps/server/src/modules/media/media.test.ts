import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureJobs, type CapturedJob } from '../../../test/factories/invitation-api.ts';
import type { TakesTable } from '../../db/schema/takes.ts';
import { startMediaTestApp, type MediaTestApp } from './media-app.test-support.ts';
import { listTagsPassedThrough, listTopLevelBoxes, makeRecording, probeFile } from './media.test-support.ts';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

// Real encodes on a busy two-core machine: generous time per test.
describe(
  'take.process turns saved recordings into reviewable media (real ffmpeg)',
  { timeout: 90_000 },
  () => {
    let m: MediaTestApp;
    let jobs: CapturedJob[];
    beforeAll(async () => {
      m = await startMediaTestApp();
      jobs = captureJobs(m.t.runtime);
    });
    afterAll(() => m.close());

    const uploadAndProcess = async (data: Buffer, options: { short?: boolean } = {}) => {
      const take = await m.uploadTake(data, options);
      await m.processTake(take.id);
      return { take, state: await m.getProcessing(take) };
    };
    const expectOriginalKept = (take: TakesTable) =>
      expect(sha256(readFileSync(m.fileOf(take.storage_key)))).toBe(take.sha256);

    it('makes a faststart H.264/AAC MP4 without the recording’s tags and a poster, and no transcript WAV', async () => {
      const { take, state } = await uploadAndProcess(makeRecording('webm', { seconds: 4 }));
      expect(jobs).toContainEqual({
        name: 'take.process',
        payload: { takeId: take.id },
        options: { dedupeKey: `take/${take.id}/process` },
      });
      const folder = `${take.organisation_id}/${take.invitation_id}`;
      expect(state).toMatchObject({ status: 'ready', error: null, attempts: 1, isTrimmed: false });
      expect(state.playback).toMatchObject({ key: `${folder}/${take.id}.mp4`, mime: 'video/mp4' });
      expect(state.poster).toMatchObject({ key: `${folder}/${take.id}.jpg`, mime: 'image/jpeg' });
      expect(state.durationMs).toBeGreaterThan(3700);
      expect(state.durationMs).toBeLessThan(4300);

      const mp4Path = m.fileOf(state.playback?.key ?? '-');
      const mp4 = readFileSync(mp4Path);
      expect(mp4.length).toBe(state.playback?.bytes);
      const boxes = listTopLevelBoxes(mp4);
      expect(boxes.indexOf('moov')).toBeGreaterThan(-1);
      expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'));
      const video = await probeFile(mp4Path);
      expect(video.video?.codec).toBe('h264');
      expect(video.audio?.codec).toBe('aac');
      expect(Math.abs((video.durationSeconds ?? 0) - 4)).toBeLessThanOrEqual(0.3);
      expect(listTagsPassedThrough(video)).toEqual([]);

      const posterPath = m.fileOf(state.poster?.key ?? '-');
      expect(readFileSync(posterPath).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
      expect((await probeFile(posterPath)).video).toMatchObject({ codec: 'mjpeg', width: 320, height: 240 });

      // No feature transcribes yet, so no 16 kHz WAV is written (docs/decisions.md, 2026-12-07).
      expect(existsSync(m.fileOf(`${folder}/${take.id}.wav`))).toBe(false);
      expectOriginalKept(take);
    });

    it('finds the streams by type when the sound is stream 0', async () => {
      const { state } = await uploadAndProcess(makeRecording('webm-audio-first', { seconds: 3 }));
      expect(state.status).toBe('ready');
      const video = await probeFile(m.fileOf(state.playback?.key ?? '-'));
      expect(video.video?.codec).toBe('h264');
      expect(video.audio?.codec).toBe('aac');
      expect(state.poster).not.toBeNull();
    });

    it('makes an AAC M4A, and no poster and no WAV, from a sound-only recording', async () => {
      const { take, state } = await uploadAndProcess(makeRecording('webm-audio-only', { seconds: 3 }));
      expect(state).toMatchObject({ status: 'ready', poster: null });
      expect(state.playback?.key).toBe(`${take.organisation_id}/${take.invitation_id}/${take.id}.m4a`);
      expect(state.playback?.mime).toBe('audio/mp4');
      const audio = await probeFile(m.fileOf(state.playback?.key ?? '-'));
      expect(audio.video).toBeNull();
      expect(audio.audio?.codec).toBe('aac');
      expect(listTagsPassedThrough(audio)).toEqual([]);
      for (const extension of ['jpg', 'wav']) {
        expect(
          existsSync(m.fileOf(`${take.organisation_id}/${take.invitation_id}/${take.id}.${extension}`)),
        ).toBe(false);
      }
    });

    it('processes a Safari MP4 (H.264/AAC) as well', async () => {
      const { state } = await uploadAndProcess(makeRecording('mp4', { seconds: 3 }));
      expect(state.status).toBe('ready');
      const video = await probeFile(m.fileOf(state.playback?.key ?? '-'));
      expect(video.video?.codec).toBe('h264');
      expect(Math.abs((video.durationSeconds ?? 0) - 3)).toBeLessThanOrEqual(0.3);
    });

    it('cuts a recording at the answer limit plus 5 s, says so, and keeps the original whole', async () => {
      // The question allows 15 s: 20 s are kept of a 24 s recording.
      const { take, state } = await uploadAndProcess(
        makeRecording('webm', { seconds: 24, size: '160x120' }),
        {
          short: true,
        },
      );
      expect(state).toMatchObject({ status: 'ready', isTrimmed: true });
      expect(Math.abs((state.durationMs ?? 0) - 20_000)).toBeLessThanOrEqual(300);
      expect(Math.abs((state.sourceDurationMs ?? 0) - 24_000)).toBeLessThanOrEqual(300);
      const played = await probeFile(m.fileOf(state.playback?.key ?? '-'));
      expect(Math.abs((played.durationSeconds ?? 0) - 20)).toBeLessThanOrEqual(0.3);
      expectOriginalKept(take);
    });

    it('replaces the same files when run again and leaves nothing else behind', async () => {
      const { take, state } = await uploadAndProcess(makeRecording('webm', { seconds: 2 }));
      // A second job for a take that is ready (a retry racing a slow try) has nothing to do.
      await m.processTake(take.id);
      expect(await m.getProcessing(take)).toMatchObject({ status: 'ready', attempts: 1 });
      // A worker that died after storing the files but before saying so: the next try makes them again.
      await m.t.runtime.db
        .updateTable('take_media')
        .set({ status: 'processing' })
        .where('take_id', '=', take.id)
        .execute();
      await m.processTake(take.id);
      const again = await m.getProcessing(take);
      expect(again).toMatchObject({
        status: 'ready',
        attempts: 2,
        playback: state.playback,
        poster: state.poster,
      });
      const folder = path.dirname(m.fileOf(take.storage_key));
      expect(readdirSync(folder).sort()).toEqual(['bin', 'jpg', 'mp4'].map((e) => `${take.id}.${e}`));
      expect(readdirSync(path.join(m.t.runtime.config.dataDir, 'work'))).toEqual([]);
      expectOriginalKept(take);
    });

    it('never processes a practice take left from before practice stayed in the browser', async () => {
      const saved = await m.uploadTake(makeRecording('webm', { seconds: 1 }));
      // What a practice take of an older version looked like: uploaded, never queued.
      await m.t.runtime.db.deleteFrom('take_media').where('take_id', '=', saved.id).execute();
      await m.t.runtime.db
        .updateTable('takes')
        .set({ is_practice: 1, question_id: 'practice' })
        .where('id', '=', saved.id)
        .execute();
      const take = { ...saved, is_practice: 1, question_id: 'practice' };
      await m.processTake(take.id);
      const row = await m.t.runtime.db
        .selectFrom('take_media')
        .selectAll()
        .where('take_id', '=', take.id)
        .executeTakeFirst();
      expect(row).toBeUndefined();
      await expect(m.getProcessing(take)).rejects.toMatchObject({ code: 'not_found' });
    });
  },
);
