// One scenario run on each storage adapter (processing-on-storage.test.ts and .s3.test.ts): a real WebM through
// the real upload path, take.process with a broken ffmpeg and then a fixed one, playback with Range, and every
// media route refused to those who may not see the answer.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Playback, ProcessingOverview } from '@oneway/shared';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putRaw, tinyPng } from '../../../test/factories/logo.ts';
import { send, signUp, type TestSession } from '../../../test/factories/session.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { listTopLevelBoxes, makeRecording, probeFile } from '../media/media.test-support.ts';
import { setUpReviewWorld, type ReviewWorld } from '../reviews/reviews.test-support.ts';
import { addVideoQuestion, recordVideoAnswer, type RecordedCandidate } from './playback.test-support.ts';

export interface StorageUnderTest {
  /** The environment of a runtime on this storage. */
  env: Record<string, string>;
  /** A stored object's bytes, read from the storage itself (not through the app); null when absent. */
  read(t: TestContext, key: string): Promise<Buffer | null>;
  /** Plays bytes `start`-`end` of the processed MP4 from a signed address, as a browser would. */
  fetchRange(t: TestContext, url: string, range: { start: number; end: number }): Promise<RangeAnswer>;
  close?(): void;
}

export interface RangeAnswer {
  status: number;
  contentRange: string | null;
  body: Buffer;
}

type Method = 'get' | 'post' | 'put' | 'delete';

/**
 * Every member route that serves, issues, lists or changes media, read from the OpenAPI document (the candidate's
 * own routes go by the candidate's cookie; cross-organisation.test.ts refuses them to other candidates).
 */
const isMediaRoute = (path: string) =>
  /^\/api\/v1\/(media\/|takes\/|processing$)/.test(path) ||
  (path.endsWith('/logo') && !path.startsWith('/api/v1/candidate/'));

export function describeProcessingOnStorage(name: string, storage: StorageUnderTest): void {
  describe(`processing and playback on ${name}`, { timeout: 180_000 }, () => {
    const recording = makeRecording('webm', { seconds: 3 });
    let binDir: string;
    let broken: TestContext;
    let isBrokenOpen = false;
    let restarted: TestContext | undefined;
    let w: ReviewWorld;
    let answer: RecordedCandidate;
    let playbackKey: string;

    beforeAll(async () => {
      // An ffmpeg that fails every run, as a broken install or a wrong FFMPEG_PATH would.
      binDir = mkdtempSync(path.join(os.tmpdir(), 'oneway-broken-ffmpeg-'));
      const brokenFfmpeg = path.join(binDir, 'ffmpeg');
      writeFileSync(brokenFfmpeg, '#!/bin/sh\necho "ffmpeg: this build is broken" >&2\nexit 1\n');
      chmodSync(brokenFfmpeg, 0o755);
      broken = await createTestApp({ ...storage.env, FFMPEG_PATH: brokenFfmpeg }, {}, { keepOnClose: true });
      isBrokenOpen = true;
      const origin = await broken.app.listen({ port: 0, host: '127.0.0.1' });
      w = await setUpReviewWorld(broken, { questions: 1 });
      const videoQuestion = await addVideoQuestion(broken, w);
      answer = await recordVideoAnswer(broken, w, { origin, recording, videoQuestion, process: false });
    });
    afterAll(async () => {
      if (isBrokenOpen) await broken.close();
      await restarted?.close();
      rmSync(binDir, { recursive: true, force: true });
      storage.close?.();
    });

    const app = (): TestContext => {
      if (!restarted) throw new Error('The restarted server is not running');
      return restarted;
    };
    const originalKey = async (app: TestContext) =>
      (
        await app.runtime.db
          .selectFrom('takes')
          .select('storage_key')
          .where('id', '=', answer.takeId)
          .executeTakeFirstOrThrow()
      ).storage_key;

    it('fails with a broken ffmpeg after every try, says why on the processing page, and keeps the original', async () => {
      const { media } = broken.runtime.services;
      for (const isLastAttempt of [false, false, true]) {
        await expect(media.processTake({ takeId: answer.takeId, isLastAttempt })).rejects.toThrow(/exited/);
      }
      const res = await send(broken.app, w.owner, { method: 'GET', url: '/api/v1/processing' });
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json<ProcessingOverview>();
      expect(page.counts).toMatchObject({ failed: 1, ready: 0 });
      expect(page.problems).toEqual([
        expect.objectContaining({
          takeId: answer.takeId,
          status: 'failed',
          attempts: 3,
          candidateName: 'Val Video',
        }),
      ]);
      expect(page.problems[0]?.reason).toMatch(
        /^ffmpeg failed while converting the recording \(check the server/,
      );
      expect(page.problems[0]?.detail).toBe(
        'ffmpeg (remux) exited with code 1: ffmpeg: this build is broken',
      );
      expect(await storage.read(broken, await originalKey(broken))).toEqual(recording);
    });

    it('after the server restarts with a working ffmpeg, an admin retry makes the MP4 and poster in the storage', async () => {
      // The same data folder and database (and bucket), as after fixing FFMPEG_PATH and restarting.
      await broken.close();
      isBrokenOpen = false;
      const { dataDir, databaseUrl } = broken.runtime.config;
      const t = await createTestApp(storage.env, {}, { reuse: { dataDir, databaseUrl } });
      restarted = t;
      const retried = await send(t.app, w.owner, {
        method: 'POST',
        url: `/api/v1/takes/${answer.takeId}/processing/retry`,
      });
      expect(retried.statusCode, retried.body).toBe(200);
      await t.runtime.services.media.processTake({ takeId: answer.takeId, isLastAttempt: true });
      const row = await t.runtime.db
        .selectFrom('take_media')
        .selectAll()
        .where('take_id', '=', answer.takeId)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'ready', attempts: 4, error: null, playback_mime: 'video/mp4' });
      playbackKey = row.playback_key ?? '';

      const mp4 = await storage.read(t, playbackKey);
      expect(mp4?.length).toBe(Number(row.playback_bytes));
      // +faststart: the index (moov) ahead of the media data, so playback starts before the whole file arrives.
      const boxes = listTopLevelBoxes(mp4 ?? Buffer.alloc(0));
      expect(boxes.indexOf('moov')).toBeGreaterThan(-1);
      expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'));
      const probe = await probeMp4(mp4 ?? Buffer.alloc(0));
      expect([probe.video?.codec, probe.audio?.codec]).toEqual(['h264', 'aac']);
      const poster = await storage.read(t, row.poster_key ?? '');
      expect(poster?.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
      // No transcript WAV any more (docs/decisions.md, 2026-12-07).
      expect(row.transcript_audio_key).toBeNull();
      expect(await storage.read(t, playbackKey.replace(/\.mp4$/, '.wav'))).toBeNull();
      expect(await storage.read(t, await originalKey(t))).toEqual(recording);
    });

    it('plays the MP4 to an assigned reviewer with a byte range', async () => {
      const t = app();
      const res = await send(t.app, w.reviewer, {
        method: 'POST',
        url: `/api/v1/takes/${answer.takeId}/playback`,
      });
      expect(res.statusCode, res.body).toBe(200);
      const whole = (await storage.read(t, playbackKey)) ?? Buffer.alloc(0);
      const range = { start: 100, end: 4195 };
      const played = await storage.fetchRange(t, res.json<Playback>().url, range);
      expect(played.status).toBe(206);
      expect(played.contentRange).toBe(`bytes 100-4195/${whole.length}`);
      expect(played.body).toEqual(whole.subarray(100, 4196));
    });

    it('refuses every media route to another organisation and to a reviewer not assigned, showing nothing', async () => {
      const t = app();
      const outsider = await signUp(t.app, { organisationName: 'Another organisation' });
      const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
        paths: Record<string, Partial<Record<Method, unknown>>>;
      }>();
      const issued = await send(t.app, w.reviewer, {
        method: 'POST',
        url: `/api/v1/takes/${answer.takeId}/playback`,
      });
      const token = issued.json<Playback>().url.split('/').at(-1) ?? '';
      const fill = (route: string) =>
        route
          .replace('{id}', route.startsWith('/api/v1/interviews/') ? w.interview.id : answer.takeId)
          // A signed address with one character of its signature changed: what guessing or tampering gives.
          .replace('{*}', `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`);
      const routes = Object.entries(doc.paths)
        .filter(([route]) => isMediaRoute(route))
        .flatMap(([route, ops]) => (Object.keys(ops) as Method[]).map((method) => ({ method, route })));
      expect(routes.map((r) => `${r.method} ${r.route}`)).toEqual(
        expect.arrayContaining([
          'post /api/v1/takes/{id}/playback',
          'get /api/v1/media/{*}',
          'get /api/v1/processing',
          'get /api/v1/takes/{id}/processing',
          'post /api/v1/takes/{id}/processing/retry',
          'get /api/v1/interviews/{id}/logo',
        ]),
      );
      const answers: string[] = [];
      const call = async (who: string, session: TestSession, method: Method, route: string) => {
        const url = fill(route);
        const res =
          method === 'put' && route.endsWith('/logo')
            ? await putRaw(t.app, session, { url, contentType: 'image/png', body: tinyPng() })
            : await send(t.app, session, {
                method: method.toUpperCase() as 'GET',
                url,
                ...(method === 'get' ? {} : { payload: {} }),
              });
        if (who !== 'own list') answers.push(`${who} ${method} ${route}: ${res.statusCode}`);
        expectNothingShown(res, [answer.takeId, answer.invitationId, 'Val Video', playbackKey]);
        return res;
      };
      for (const { method, route } of routes) {
        // The list is the caller's own organisation's: for another one it is empty, which shows nothing of A.
        if (route === '/api/v1/processing') {
          const own = await call('own list', outsider, method, route);
          expect(own.statusCode).toBe(200);
          expect(own.json<ProcessingOverview>().problems).toEqual([]);
          continue;
        }
        await call('outsider', outsider, method, route);
      }
      for (const { method, route } of routes) {
        // A member may see the organisation's logo (every candidate of the interview sees it too).
        if (method === 'get' && route.endsWith('/logo')) continue;
        await call('unassigned reviewer', w.unassigned, method, route);
      }
      expect(answers.filter((a) => !/: 40[34]$/.test(a))).toEqual([]);
      expect(answers.length).toBeGreaterThanOrEqual(10);
    });
  });
}

/** 403 or 404 with the one error body, and none of the answer's identifying values anywhere in it. */
function expectNothingShown(res: LightMyRequestResponse, secrets: string[]): void {
  if (res.statusCode !== 403 && res.statusCode !== 404) return;
  expect(res.headers.location).toBeUndefined();
  for (const secret of secrets) expect(res.body).not.toContain(secret);
  expect(res.json<{ code: string }>().code).toMatch(/^(not_found|forbidden|media_link_invalid)$/);
}

async function probeMp4(data: Buffer) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oneway-probe-'));
  try {
    const file = path.join(dir, 'playback.mp4');
    writeFileSync(file, data);
    return await probeFile(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
