import type { PromptVideo, PromptVideoPlayback } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMediaStorage } from '../../adapters/create-media-storage.ts';
import { send } from '../../../test/factories/session.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import { testS3Env } from '../../../test/s3.ts';
import { makeRecording } from '../media/media.test-support.ts';
import { setUpPromptVideos, validVtt } from './prompt-videos.test-support.ts';

describe('prompt videos with STORAGE=s3 (a real S3 API: Swift with s3api)', () => {
  let t: TestContext;
  let s: Awaited<ReturnType<typeof setUpPromptVideos>>;
  let webm: Buffer;
  beforeAll(async () => {
    webm = makeRecording('webm', { seconds: 2, size: '160x120' });
    t = await createTestApp(testS3Env());
    s = await setUpPromptVideos(t);
  }, 90_000);
  afterAll(() => t.close());

  /** Follows the media route's redirect to the bucket's presigned address. */
  async function fetchFromBucket(url: string, range?: string) {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode, res.body).toBe(302);
    const location = String(res.headers.location);
    return fetch(location, range === undefined ? {} : { headers: { range } });
  }

  it('streams the upload to the bucket, processes it there, and plays it from presigned addresses', async () => {
    const video = await s.uploadOk(s.introUrl(), webm);
    const row = await s.videoRow(video.id);
    const bucket = createMediaStorage(t.runtime.config);
    expect(bucket.localPathOf(row?.original_key ?? '')).toBeNull();
    expect(await bucket.stat(row?.original_key ?? '')).toMatchObject({ bytes: webm.length });
    await s.processVideo(video.id);
    const captioned = await s.put(`${s.introUrl()}/captions`, validVtt, 'text/vtt');
    expect(captioned.statusCode, captioned.body).toBe(200);
    const ready = (
      await send(t.app, s.owner, { method: 'GET', url: `/api/v1/prompt-videos/${video.id}` })
    ).json<PromptVideo>();
    expect(ready).toMatchObject({ status: 'ready', hasCaptions: true });
    expect(ready.durationSeconds).toBeGreaterThan(1.5);

    const playback = (
      await send(t.app, s.owner, { method: 'POST', url: `/api/v1/prompt-videos/${video.id}/playback` })
    ).json<PromptVideoPlayback>();
    const part = await fetchFromBucket(playback.src, 'bytes=0-99');
    expect(part.status).toBe(206);
    expect(part.headers.get('content-type')).toBe('video/mp4');
    expect((await part.arrayBuffer()).byteLength).toBe(100);
    const captions = await fetchFromBucket(playback.captions ?? '');
    expect(captions.headers.get('content-type')).toBe('text/vtt; charset=utf-8');
    expect(await captions.text()).toBe(validVtt);
    const poster = await fetchFromBucket(playback.poster ?? '');
    expect(poster.headers.get('content-type')).toBe('image/jpeg');
  });
});
