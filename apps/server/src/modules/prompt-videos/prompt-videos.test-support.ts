// A test app with an owner, an interview and a question, and shortcuts to upload and process prompt videos.
import { execFileSync } from 'node:child_process';
import type { Interview, PromptVideo, Question } from '@oneway/shared';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { captureInvitationMail } from '../../../test/factories/invitation-api.ts';
import { addQuestion, createInterview } from '../../../test/factories/interviews.ts';
import { putRaw } from '../../../test/factories/logo.ts';
import { signUp, type TestSession } from '../../../test/factories/session.ts';
import type { TestContext } from '../../../test/runtime.ts';

export const validVtt = 'WEBVTT\n\n00:00.000 --> 00:01.500\nHello, and thank you for applying.\n';

export async function setUpPromptVideos(t: TestContext) {
  const mail = captureInvitationMail(t.runtime);
  const owner: TestSession = await signUp(t.app);
  const interview: Interview = await createInterview(t.app, owner);
  const question: Question = await addQuestion(t.app, owner, interview.id);
  const introUrl = (interviewId = interview.id) => `/api/v1/interviews/${interviewId}/intro-video`;
  const promptUrl = (questionId = question.id, interviewId = interview.id) =>
    `/api/v1/interviews/${interviewId}/questions/${questionId}/prompt-video`;

  const put = (
    url: string,
    body: Buffer | string,
    contentType: string,
    session: TestSession = owner,
  ): Promise<LightMyRequestResponse> => putRaw(t.app, session, { url, contentType, body });

  /** Uploads `body` to `url` and expects a processing video. */
  async function uploadOk(url: string, body: Buffer, contentType = 'video/webm'): Promise<PromptVideo> {
    const res = await put(url, body, contentType);
    expect(res.statusCode, res.body).toBe(201);
    const video = res.json<PromptVideo>();
    expect(video.status).toBe('processing');
    return video;
  }

  /** One try of the promptVideo.process job, as the queue runs it. */
  const processVideo = (videoId: string, options: { isLastAttempt?: boolean } = {}) =>
    t.runtime.services.promptVideos.processPromptVideo({
      videoId,
      isLastAttempt: options.isLastAttempt ?? true,
    });

  const videoRow = (videoId: string) =>
    t.runtime.db.selectFrom('prompt_videos').selectAll().where('id', '=', videoId).executeTakeFirst();

  return { mail, owner, interview, question, introUrl, promptUrl, put, uploadOk, processVideo, videoRow };
}

/** A long but cheap WebM (one small frame a second, no sound), quick to make and to remux. */
export function makeLongWebm(seconds: number): Buffer {
  return execFileSync(
    'ffmpeg',
    [
      ...['-hide_banner', '-loglevel', 'error', '-y'],
      ...['-f', 'lavfi', '-i', `color=c=blue:size=32x32:rate=1:duration=${seconds}`],
      ...['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-f', 'webm', 'pipe:1'],
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
}
