import fs from 'node:fs';
import path from 'node:path';
import type { CandidateReview, Playback } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock, minutes } from '../../../test/factories/clock.ts';
import { send, signUp } from '../../../test/factories/session.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { setUpReviewWorld, type ReviewWorld } from '../reviews/reviews.test-support.ts';
import { createShareLink, guestRequest, openShareLink } from '../share-links/share-links.test-support.ts';
import {
  addVideoQuestion,
  makeMp4,
  recordVideoAnswer,
  type RecordedCandidate,
} from './playback.test-support.ts';

describe('playing answers through signed addresses', () => {
  const clock = createTestClock();
  let t: TestContext;
  let w: ReviewWorld;
  let recorded: RecordedCandidate;
  let playback: Playback;
  let processedSize: number;
  let origin: string;

  beforeAll(async () => {
    t = await createTestApp({}, { clock });
    origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    w = await setUpReviewWorld(t, { questions: 1 });
    const videoQuestion = await addVideoQuestion(t, w);
    recorded = await recordVideoAnswer(t, w, { origin, recording: makeMp4(), videoQuestion });
    const res = await send(t.app, w.reviewer, {
      method: 'POST',
      url: `/api/v1/takes/${recorded.takeId}/playback`,
    });
    expect(res.statusCode, res.body).toBe(200);
    playback = res.json<Playback>();
    const media = await t.runtime.db
      .selectFrom('take_media')
      .select('playback_bytes')
      .where('take_id', '=', recorded.takeId)
      .executeTakeFirstOrThrow();
    processedSize = Number(media.playback_bytes);
  }, 60_000);
  afterAll(() => t.close());

  const get = (url: string, range?: string) =>
    t.app.inject({ method: 'GET', url, headers: range === undefined ? {} : { range } });

  it('shows the take on the candidate page, ready to play', async () => {
    const res = await send(t.app, w.reviewer, {
      method: 'GET',
      url: `/api/v1/invitations/${recorded.invitationId}/review`,
    });
    const video = res.json<CandidateReview>().questions.find((q) => q.answerType === 'video');
    expect(video?.answer).toMatchObject({
      kind: 'take',
      takeId: recorded.takeId,
      media: { status: 'ready', mime: 'video/mp4', hasPoster: true },
    });
    expect(video?.answer?.kind === 'take' ? video.answer.media.durationSeconds : 0).toBeGreaterThan(1.5);
  });

  it('issues a short-lived same-origin address with its poster, and audits the issue', async () => {
    expect(playback).toMatchObject({
      mime: 'video/mp4',
      url: expect.stringMatching(/^\/api\/v1\/media\/[\w-]+\.[\w-]+$/) as string,
    });
    expect(playback.posterUrl).toMatch(/^\/api\/v1\/media\//);
    expect(Date.parse(playback.expiresAt) - clock.now().getTime()).toBe(30 * 60_000);
    const events = await t.runtime.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'media.playback_issued')
      .where('target_id', '=', recorded.takeId)
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor_user_id: w.reviewer.info.user.id, target_type: 'take' });
    expect(JSON.parse(events[0]?.details ?? '{}')).toMatchObject({ invitationId: recorded.invitationId });
  });

  it('streams the whole MP4 with the right headers, without a cookie', async () => {
    const res = await get(playback.url);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.length).toBe(processedSize);
    expect(res.rawPayload.subarray(4, 8).toString('latin1')).toBe('ftyp');
    expect(res.headers).toMatchObject({
      'content-type': 'video/mp4',
      'content-length': String(processedSize),
      'accept-ranges': 'bytes',
      'content-disposition': 'inline',
      'cache-control': 'private, max-age=1800',
    });
  });

  it('answers byte ranges: a-b, a- and -n', async () => {
    const full = (await get(playback.url)).rawPayload;
    const cases: [string, number, number][] = [
      ['bytes=0-99', 0, 99],
      ['bytes=100-', 100, processedSize - 1],
      ['bytes=-500', processedSize - 500, processedSize - 1],
      [`bytes=10-${processedSize + 1000}`, 10, processedSize - 1],
    ];
    for (const [range, start, end] of cases) {
      const res = await get(playback.url, range);
      expect(res.statusCode, range).toBe(206);
      expect(res.headers['content-range'], range).toBe(`bytes ${start}-${end}/${processedSize}`);
      expect(res.headers['content-length'], range).toBe(String(end - start + 1));
      expect(res.rawPayload.equals(full.subarray(start, end + 1)), range).toBe(true);
    }
  });

  it('refuses a range past the end and a malformed one with 416 and the size, and no bytes', async () => {
    for (const range of [`bytes=${processedSize}-`, 'bytes=abc', 'bytes=9-3']) {
      const res = await get(playback.url, range);
      expect(res.statusCode, range).toBe(416);
      expect(res.headers['content-range']).toBe(`bytes */${processedSize}`);
      expect(res.json()).toMatchObject({ code: 'range_not_satisfiable' });
      expect(res.headers['cache-control']).toBe('no-store');
    }
    const several = await get(playback.url, 'bytes=0-1,5-6');
    expect(several.statusCode).toBe(200);
  });

  it('serves the poster as a JPEG', async () => {
    const res = await get(playback.posterUrl ?? '');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.rawPayload.subarray(0, 2).toString('hex')).toBe('ffd8');
  });

  it('refuses a tampered address with 403 and no bytes', async () => {
    const [payload = '', signature = ''] = (playback.url.split('/').pop() ?? '').split('.');
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    const forgedPayload = Buffer.from(
      JSON.stringify(['v', recorded.takeId, 'other-org', null, 4_000_000_000]),
    ).toString('base64url');
    for (const token of [`${payload}.${flipped}`, `${forgedPayload}.${signature}`, `${payload}`]) {
      const res = await get(`/api/v1/media/${token}`);
      expect(res.statusCode, token).toBe(403);
      expect(res.json()).toMatchObject({
        code: 'media_link_invalid',
        message: expect.stringMatching(/not valid/) as string,
      });
      expect(res.headers['content-type']).toMatch(/application\/json/);
    }
  });

  it('refuses an address after it expired, with 403', async () => {
    clock.advance(minutes(31));
    try {
      const res = await get(playback.url, 'bytes=0-10');
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({
        code: 'media_link_expired',
        message: expect.stringMatching(/expired/) as string,
      });
    } finally {
      clock.advance(-minutes(31));
    }
  });

  it('plays only chosen answers of candidates the viewer may review', async () => {
    const practice = await send(t.app, w.owner, {
      method: 'POST',
      url: `/api/v1/takes/${recorded.practiceTakeId}/playback`,
    });
    expect(practice.statusCode).toBe(404);
    const unassigned = await send(t.app, w.unassigned, {
      method: 'POST',
      url: `/api/v1/takes/${recorded.takeId}/playback`,
    });
    expect(unassigned.statusCode).toBe(403);
    const outsider = await signUp(t.app);
    const foreign = await send(t.app, outsider, {
      method: 'POST',
      url: `/api/v1/takes/${recorded.takeId}/playback`,
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).not.toContain('/api/v1/media/');
  });

  it("lets a share link's guest play the answer signed out, until the link is revoked", async () => {
    const link = await createShareLink(t, w.owner, { invitationIds: [recorded.invitationId] });
    const guest = await openShareLink(t, link);
    const issued = await guestRequest(t, guest.cookie, {
      method: 'POST',
      url: `/api/v1/shared/takes/${recorded.takeId}/playback`,
    });
    expect(issued.statusCode, issued.body).toBe(200);
    const { url } = issued.json<Playback>();
    expect((await get(url, 'bytes=0-9')).statusCode).toBe(206);
    const audited = await t.runtime.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'media.playback_issued')
      .where('actor_user_id', 'is', null)
      .execute();
    expect(audited.map((e) => JSON.parse(e.details ?? '{}') as { shareLinkId?: string })).toContainEqual(
      expect.objectContaining({ shareLinkId: link.id }),
    );
    await send(t.app, w.owner, { method: 'DELETE', url: `/api/v1/share-links/${link.id}` });
    const after = await get(url, 'bytes=0-9');
    expect(after.statusCode).toBe(410);
    expect(after.json()).toMatchObject({ code: 'share_link_revoked' });
    const again = await guestRequest(t, guest.cookie, {
      method: 'POST',
      url: `/api/v1/shared/takes/${recorded.takeId}/playback`,
    });
    expect(again.statusCode).toBe(410);
  });

  it('says 409 media_not_ready while processing runs or after it failed', async () => {
    const setStatus = (status: 'processing' | 'failed' | 'ready') =>
      t.runtime.db.updateTable('take_media').set({ status }).where('take_id', '=', recorded.takeId).execute();
    try {
      await setStatus('processing');
      const issue = await send(t.app, w.owner, {
        method: 'POST',
        url: `/api/v1/takes/${recorded.takeId}/playback`,
      });
      expect(issue.statusCode).toBe(409);
      expect(issue.json()).toMatchObject({
        code: 'media_not_ready',
        message: expect.stringMatching(/still being processed/) as string,
      });
      const stream = await get(playback.url);
      expect(stream.statusCode).toBe(409);
      await setStatus('failed');
      const failed = await send(t.app, w.owner, {
        method: 'POST',
        url: `/api/v1/takes/${recorded.takeId}/playback`,
      });
      expect(failed.json<{ message: string }>().message).toMatch(/could not be processed/);
    } finally {
      await setStatus('ready');
    }
  });
  it('stops serving a recording the moment its file is gone, though the player asked for it a moment before', async () => {
    const media = await t.runtime.db
      .selectFrom('take_media')
      .select('playback_key')
      .where('take_id', '=', recorded.takeId)
      .executeTakeFirstOrThrow();
    const file = path.join(t.runtime.config.mediaDir, ...(media.playback_key ?? '').split('/'));
    const before = await get(playback.url, 'bytes=0-99');
    expect(before.statusCode).toBe(206);
    fs.renameSync(file, `${file}.away`);
    try {
      const gone = await get(playback.url, 'bytes=0-99');
      expect(gone.statusCode).toBe(404);
      expect(gone.rawPayload.subarray(0, 8).toString('latin1')).not.toContain('ftyp');
      // Another file in its place (a file replaced) is read afresh, not through the descriptor kept open.
      fs.writeFileSync(file, Buffer.alloc(processedSize, 7));
      const replaced = await get(playback.url, 'bytes=0-99');
      expect(replaced.statusCode).toBe(206);
      expect(replaced.rawPayload.equals(Buffer.alloc(100, 7))).toBe(true);
    } finally {
      fs.renameSync(`${file}.away`, file);
    }
    const back = await get(playback.url, 'bytes=0-99');
    expect(back.rawPayload.equals(before.rawPayload)).toBe(true);
  });
  it('answers many ranges at once over HTTP, each with its own bytes', async () => {
    const full = (await get(playback.url)).rawPayload;
    for (let round = 0; round < 3; round += 1) {
      const ranges = Array.from({ length: 16 }, (_, i) => {
        const start = Math.floor((((i * 7919 + round * 104_729) % 1000) / 1000) * (processedSize - 1));
        const end = Math.min(processedSize - 1, start + ((i * 4099) % 200_000));
        return [start, end] as const;
      });
      const answers = await Promise.all(
        ranges.map(async ([start, end]) => {
          const res = await fetch(`${origin}${playback.url}`, {
            headers: { range: `bytes=${start}-${end}` },
          });
          return { start, end, status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
        }),
      );
      for (const { start, end, status, bytes } of answers) {
        expect(status).toBe(206);
        expect(bytes.equals(full.subarray(start, end + 1)), `${start}-${end}`).toBe(true);
      }
    }
  });
});
