import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CandidatePromptVideos, Interview, PromptVideo, PromptVideoPlayback } from '@oneway/shared';
import { jobNames } from '@oneway/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giveConsent } from '../../../test/factories/consent.ts';
import { addQuestion, createInterview } from '../../../test/factories/interviews.ts';
import { inviteWithLink, openInvitationLink, sendAsCandidate } from '../../../test/factories/invitations.ts';
import { send, signUp } from '../../../test/factories/session.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import {
  listTagsPassedThrough,
  listTopLevelBoxes,
  makeCorruptWebm,
  makeRecording,
  probeFile,
} from '../media/media.test-support.ts';
import { makeLongWebm, setUpPromptVideos, validVtt } from './prompt-videos.test-support.ts';

describe('prompt videos', () => {
  let t: TestContext;
  let s: Awaited<ReturnType<typeof setUpPromptVideos>>;
  let webm: Buffer;
  let mp4: Buffer;

  const fileOf = (key: string) => path.join(t.runtime.config.mediaDir, ...key.split('/'));
  const getInterview = async (id = s.interview.id): Promise<Interview> =>
    (await send(t.app, s.owner, { method: 'GET', url: `/api/v1/interviews/${id}` })).json<Interview>();
  const getVideo = (videoId: string, session = s.owner) =>
    send(t.app, session, { method: 'GET', url: `/api/v1/prompt-videos/${videoId}` });
  const preview = (videoId: string, session = s.owner) =>
    send(t.app, session, { method: 'POST', url: `/api/v1/prompt-videos/${videoId}/playback` });
  const media = (url: string, range?: string) =>
    t.app.inject({ method: 'GET', url, headers: range === undefined ? {} : { range } });
  const countVideos = async (): Promise<number> =>
    Number(
      (
        await t.runtime.db
          .selectFrom('prompt_videos')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  async function readyVideo(url: string, body = webm, type = 'video/webm'): Promise<PromptVideo> {
    const video = await s.uploadOk(url, body, type);
    await s.processVideo(video.id);
    return (await getVideo(video.id)).json<PromptVideo>();
  }
  async function inviteCandidate() {
    const invitation = await inviteWithLink(t.app, s.mail, s.owner, s.interview.id);
    const browser = await openInvitationLink(t.app, invitation.token);
    await giveConsent(t.app, browser);
    const videos = async () => {
      const res = await sendAsCandidate(t.app, browser, {
        method: 'GET',
        url: '/api/v1/candidate/prompt-videos',
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<CandidatePromptVideos>();
    };
    return { invitation, browser, videos };
  }

  beforeAll(async () => {
    webm = makeRecording('webm', { seconds: 2 });
    mp4 = makeRecording('mp4', { seconds: 3 });
    t = await createTestApp();
    s = await setUpPromptVideos(t);
  });
  afterAll(() => t.close());

  it('streams a WebM intro video to storage, queues its processing, and processing makes it ready', async () => {
    const video = await s.uploadOk(s.introUrl(), webm);
    expect(video).toMatchObject({ failureReason: null, durationSeconds: null, hasCaptions: false });
    const row = await s.videoRow(video.id);
    expect(readFileSync(fileOf(row?.original_key ?? '')).equals(webm)).toBe(true);
    const job = await t.runtime.db
      .selectFrom('jobs')
      .selectAll()
      .where('name', '=', jobNames.promptVideoProcess)
      .where('dedupe_key', '=', `prompt-video/${video.id}/process`)
      .executeTakeFirst();
    expect(JSON.parse(job?.payload ?? '{}')).toEqual({ videoId: video.id });
    expect((await getInterview()).introVideo).toEqual(video);

    await s.processVideo(video.id);
    const ready = (await getVideo(video.id)).json<PromptVideo>();
    expect(ready.status).toBe('ready');
    expect(ready.durationSeconds).toBeGreaterThan(1.5);
    expect(ready.durationSeconds).toBeLessThan(2.5);
    const processed = await s.videoRow(video.id);
    const mp4Path = fileOf(processed?.playback_key ?? '');
    const probe = await probeFile(mp4Path);
    expect(probe.video?.codec).toBe('h264');
    expect(probe.audio?.codec).toBe('aac');
    expect(listTopLevelBoxes(readFileSync(mp4Path)).indexOf('moov')).toBeLessThan(
      listTopLevelBoxes(readFileSync(mp4Path)).indexOf('mdat'),
    );
    expect(listTagsPassedThrough(probe)).toEqual([]);
    expect(readFileSync(fileOf(processed?.poster_key ?? '')).subarray(0, 3)).toEqual(
      Buffer.from([0xff, 0xd8, 0xff]),
    );
    // Processing again is harmless: the video is no longer waiting.
    await s.processVideo(video.id);
    expect((await getVideo(video.id)).json<PromptVideo>()).toEqual(ready);
  });

  it('processes an MP4 question prompt and previews it with signed addresses that answer byte ranges', async () => {
    const video = await readyVideo(s.promptUrl(), mp4, 'video/mp4');
    expect(video.status).toBe('ready');
    const question = (await getInterview()).questions.find((q) => q.id === s.question.id);
    expect(question?.promptVideo).toEqual(video);

    const res = await preview(video.id);
    expect(res.statusCode, res.body).toBe(200);
    const playback = res.json<PromptVideoPlayback>();
    expect(playback.captions).toBeNull();
    expect(playback.durationSeconds).toBeCloseTo(video.durationSeconds ?? 0, 3);
    const full = await media(playback.src);
    expect(full.statusCode).toBe(200);
    expect(full.headers['content-type']).toBe('video/mp4');
    const part = await media(playback.src, 'bytes=0-99');
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 0-99/${full.rawPayload.length}`);
    expect(part.rawPayload.equals(full.rawPayload.subarray(0, 100))).toBe(true);
    const poster = await media(playback.poster ?? '');
    expect(poster.headers['content-type']).toBe('image/jpeg');
    // Valid for 4 hours, the employer's content rather than a candidate's.
    const maxAge = Number(/max-age=(\d+)/.exec(String(full.headers['cache-control']))?.[1]);
    expect(maxAge).toBeGreaterThan(4 * 3600 - 60);
    expect(maxAge).toBeLessThanOrEqual(4 * 3600);
    const audit = await t.runtime.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'prompt_video.playback_issued')
      .where('target_id', '=', video.id)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('sets, serves and removes WebVTT captions, and refuses anything else without saving it', async () => {
    const video = await readyVideo(s.promptUrl());
    const captionsUrl = `${s.promptUrl()}/captions`;
    const set = await s.put(captionsUrl, `\uFEFF${validVtt}`, 'text/vtt');
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json<PromptVideo>()).toMatchObject({ id: video.id, hasCaptions: true });
    const playback = (await preview(video.id)).json<PromptVideoPlayback>();
    const captions = await media(playback.captions ?? '');
    expect(captions.statusCode).toBe(200);
    expect(captions.headers['content-type']).toBe('text/vtt; charset=utf-8');
    expect(captions.body).toBe(`\uFEFF${validVtt}`);
    const keyBefore = (await s.videoRow(video.id))?.captions_key;

    const refusals: [string | Buffer, string, number, string][] = [
      ['1\n00:00.000 --> 00:01.000\nHi\n', 'text/vtt', 400, 'captions_invalid'],
      ['WEBVTT\n\nNo cues here\n', 'text/vtt', 400, 'captions_invalid'],
      [
        Buffer.from([0x57, 0x45, 0x42, 0x56, 0x54, 0x54, 0x0a, 0xff, 0xfe]),
        'text/vtt',
        400,
        'captions_invalid',
      ],
      [validVtt, 'text/plain', 400, 'captions_invalid'],
      [`${validVtt}${'x'.repeat(256 * 1024)}`, 'text/vtt', 413, 'payload_too_large'],
    ];
    for (const [body, type, status, code] of refusals) {
      const res = await s.put(captionsUrl, body, type);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json<{ code: string; message: string }>().code).toBe(code);
    }
    expect((await s.videoRow(video.id))?.captions_key).toBe(keyBefore);

    const removed = await send(t.app, s.owner, { method: 'DELETE', url: captionsUrl });
    expect(removed.statusCode).toBe(204);
    expect((await getVideo(video.id)).json<PromptVideo>().hasCaptions).toBe(false);
    expect(existsSync(fileOf(keyBefore ?? ''))).toBe(false);
    expect((await media(playback.captions ?? '')).statusCode).toBe(404);
  });

  it('refuses a wrong type, bytes of another container, an empty body or one too large, saving nothing', async () => {
    const before = await countVideos();
    const introBefore = (await getInterview()).introVideo;
    const cases: [Buffer, string, number, string][] = [
      [webm, 'video/x-msvideo', 415, 'prompt_video_rejected'],
      [webm, 'video/mp4', 415, 'prompt_video_rejected'],
      [mp4, 'video/webm', 415, 'prompt_video_rejected'],
      [Buffer.from('<html>not a video</html>'), 'video/quicktime', 415, 'prompt_video_rejected'],
      [Buffer.alloc(0), 'video/webm', 415, 'prompt_video_rejected'],
    ];
    for (const [body, type, status, code] of cases) {
      const res = await s.put(s.introUrl(), body, type);
      expect(res.statusCode, `${type} ${res.body}`).toBe(status);
      expect(res.json<{ code: string }>().code).toBe(code);
    }
    const tooLarge = await t.app.inject({
      method: 'PUT',
      url: s.introUrl(),
      payload: webm,
      headers: {
        ...s.owner.headers,
        'content-type': 'video/webm',
        'content-length': String(501 * 1024 * 1024),
      },
    });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json<{ code: string }>().code).toBe('payload_too_large');
    expect(await countVideos()).toBe(before);
    expect((await getInterview()).introVideo).toEqual(introBefore);
    const tmp = path.join(t.runtime.config.mediaDir, 'tmp');
    expect(existsSync(tmp) ? readdirSync(tmp) : []).toEqual([]);
  });

  it('keeps a replaced video for the candidate who was shown it, and gives new candidates the new one', async () => {
    const first = await readyVideo(s.introUrl());
    const early = await inviteCandidate();
    expect((await early.videos()).intro?.durationSeconds).toBeCloseTo(first.durationSeconds ?? 0, 3);

    const second = await readyVideo(s.introUrl(), mp4, 'video/mp4');
    expect((await getInterview()).introVideo?.id).toBe(second.id);
    const firstRow = await s.videoRow(first.id);
    expect(firstRow?.status).toBe('ready');
    expect(existsSync(fileOf(firstRow?.playback_key ?? ''))).toBe(true);
    const earlyIntro = (await early.videos()).intro;
    expect(earlyIntro?.durationSeconds).toBeCloseTo(first.durationSeconds ?? 0, 3);
    expect((await media(earlyIntro?.src ?? '', 'bytes=0-9')).statusCode).toBe(206);
    const late = await inviteCandidate();
    expect((await late.videos()).intro?.durationSeconds).toBeCloseTo(second.durationSeconds ?? 0, 3);

    // A video no version names goes with its files when replaced.
    const unseen = await s.uploadOk(s.introUrl(), webm);
    const unseenKey = (await s.videoRow(unseen.id))?.original_key ?? '';
    await s.uploadOk(s.introUrl(), webm);
    expect(await s.videoRow(unseen.id)).toBeUndefined();
    expect(existsSync(fileOf(unseenKey))).toBe(false);
    // Removing the reference keeps a video a version names.
    const removed = await send(t.app, s.owner, { method: 'DELETE', url: s.introUrl() });
    expect(removed.statusCode).toBe(204);
    expect((await getInterview()).introVideo).toBeNull();
    expect((await s.videoRow(second.id))?.status).toBe('ready');
  });

  it('leaves processing videos out of versions, and gives a question video only once it is revealed', async () => {
    const interview = await createInterview(t.app, s.owner);
    const withVideo = await addQuestion(t.app, s.owner, interview.id, { promptText: 'With a video' });
    const stillProcessing = await addQuestion(t.app, s.owner, interview.id, { promptText: 'Processing' });
    const ready = await readyVideo(s.promptUrl(withVideo.id, interview.id));
    await s.uploadOk(s.promptUrl(stillProcessing.id, interview.id), webm);
    const invitation = await inviteWithLink(t.app, s.mail, s.owner, interview.id);
    const version = await t.runtime.services.interviews.getOrCreateCurrentVersion({
      organisationId: s.owner.info.organisation.id,
      interviewId: interview.id,
    });
    const snapshotQuestions = version.snapshot.questions;
    expect(snapshotQuestions.map((q) => q.promptVideoId)).toEqual([ready.id, undefined]);
    expect(JSON.stringify(version.snapshot)).not.toContain('promptVideo"');
    expect(version.snapshot).not.toHaveProperty('introVideoId');

    const browser = await openInvitationLink(t.app, invitation.token);
    await giveConsent(t.app, browser);
    const list = async () =>
      (
        await sendAsCandidate(t.app, browser, { method: 'GET', url: '/api/v1/candidate/prompt-videos' })
      ).json<CandidatePromptVideos>();
    const before = await list();
    expect(before.intro).toBeNull();
    expect(before.questions).toEqual([
      { questionId: withVideo.id, durationSeconds: ready.durationSeconds, playback: null },
    ]);
    const revealed = await sendAsCandidate(t.app, browser, {
      method: 'POST',
      url: `/api/v1/candidate/questions/${withVideo.id}/reveal`,
    });
    expect(revealed.statusCode, revealed.body).toBe(200);
    const after = await list();
    const playback = after.questions[0]?.playback;
    expect(playback?.durationSeconds).toBe(ready.durationSeconds);
    const part = await media(playback?.src ?? '', 'bytes=10-');
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-type']).toBe('video/mp4');
  });

  it('records why processing failed, and processes a failed video again on retry', async () => {
    const video = await s.uploadOk(s.promptUrl(), makeCorruptWebm());
    await expect(s.processVideo(video.id, { isLastAttempt: false })).rejects.toThrow();
    expect((await getVideo(video.id)).json<PromptVideo>().status).toBe('processing');
    await expect(s.processVideo(video.id)).rejects.toThrow();
    const failed = (await getVideo(video.id)).json<PromptVideo>();
    expect(failed.status).toBe('failed');
    expect(failed.failureReason).toMatch(/ffmpeg/);
    const notReady = await preview(video.id);
    expect(notReady.statusCode).toBe(409);
    expect(notReady.json<{ code: string; details: unknown }>()).toMatchObject({
      code: 'media_not_ready',
      details: { status: 'failed', failureReason: failed.failureReason },
    });

    const retry = () =>
      send(t.app, s.owner, { method: 'POST', url: `/api/v1/prompt-videos/${video.id}/retry` });
    const retried = await retry();
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json<PromptVideo>()).toMatchObject({ status: 'processing', failureReason: null });
    const jobs = await t.runtime.db
      .selectFrom('jobs')
      .select('dedupe_key')
      .where('name', '=', jobNames.promptVideoProcess)
      .where('dedupe_key', 'like', `prompt-video/${video.id}/%`)
      .execute();
    expect(jobs).toHaveLength(2);
    // A video already processing is left alone.
    expect((await retry()).json<PromptVideo>().status).toBe('processing');
  });

  it('refuses a video longer than five minutes with the reason, without retrying', async () => {
    const long = makeLongWebm(302);
    const video = await s.uploadOk(s.promptUrl(), long);
    await s.processVideo(video.id, { isLastAttempt: false });
    const failed = (await getVideo(video.id)).json<PromptVideo>();
    expect(failed.status).toBe('failed');
    expect(failed.failureReason).toBe('The video is 5 min 2 s long; it can be at most 5 min 0 s.');
  });

  it('copies the video references when an interview is duplicated', async () => {
    const intro = await readyVideo(s.introUrl());
    const copy = await send(t.app, s.owner, {
      method: 'POST',
      url: `/api/v1/interviews/${s.interview.id}/duplicate`,
    });
    const copied = copy.json<Interview>();
    expect(copied.introVideo).toEqual(intro);
    const original = await getInterview();
    expect(copied.questions.map((q) => q.promptVideo)).toEqual(original.questions.map((q) => q.promptVideo));
  });

  it('answers 404 to another organisation on every route', async () => {
    const video = await readyVideo(s.introUrl());
    await s.put(`${s.introUrl()}/captions`, validVtt, 'text/vtt');
    const outsider = await signUp(t.app, { organisationName: 'Other Org' });
    const captionsRoutes = [`${s.introUrl()}/captions`, `${s.promptUrl()}/captions`];
    const videoRoutes = [s.introUrl(), s.promptUrl()];
    const responses = [
      ...(await Promise.all(videoRoutes.map((url) => s.put(url, webm, 'video/webm', outsider)))),
      ...(await Promise.all(captionsRoutes.map((url) => s.put(url, validVtt, 'text/vtt', outsider)))),
      ...(await Promise.all(
        [...videoRoutes, ...captionsRoutes].map((url) => send(t.app, outsider, { method: 'DELETE', url })),
      )),
      await getVideo(video.id, outsider),
      await preview(video.id, outsider),
      await send(t.app, outsider, { method: 'POST', url: `/api/v1/prompt-videos/${video.id}/retry` }),
    ];
    expect(responses.map((r) => r.statusCode)).toEqual(responses.map(() => 404));
    expect((await getInterview()).introVideo).toMatchObject({ id: video.id, hasCaptions: true });
  });
});
