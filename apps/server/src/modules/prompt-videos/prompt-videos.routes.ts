import {
  candidatePromptVideosSchema,
  interviewEditorRoles,
  promptVideoCaptionsMaxBytes,
  promptVideoMaxBytes,
  promptVideoPlaybackSchema,
  promptVideoSchema,
  promptVideoTypes,
} from '@oneway/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { clientInfoOf, requireMember } from '../../plugins/auth.ts';
import { assertCandidateCsrfHeader } from '../candidate/candidate-cookie.ts';
import { requireCandidate } from '../candidate/require-candidate.ts';
import { mediaTypeOf } from '../interviews/interview-logo.service.ts';
import { assertPromptVideoType, tooLarge } from './prompt-video-upload.ts';
import type { PromptVideoTarget } from './prompt-videos.service.ts';
import { candidateRouteConfig } from '../candidate/candidate-rate-limit.ts';

const tags = ['interviews'];
const security = [{ session: [] }];
const id = z.string().min(1).max(100);
const introParams = z.object({ id });
const questionParams = z.object({ id, questionId: id });
const videoParams = z.object({ videoId: id });
const captionsType = 'text/vtt';

/** Refuses a declared type or length that cannot be accepted before any of the body is read. */
function checkVideoRequest(request: FastifyRequest): void {
  assertPromptVideoType(mediaTypeOf(request.headers['content-type']));
  const length = Number(request.headers['content-length'] ?? 0);
  if (length > promptVideoMaxBytes) throw tooLarge();
}

function checkCaptionsRequest(request: FastifyRequest): void {
  const type = mediaTypeOf(request.headers['content-type']);
  if (type !== captionsType) {
    throw new AppError('captions_invalid', {
      message: `Captions must be WebVTT sent as text/vtt; ${type || 'a body without a type'} is not accepted.`,
      details: { contentType: type },
    });
  }
}

const videoDescription =
  'The body is the video itself (Content-Type video/webm, video/mp4 or video/quicktime, at most 500 MB), ' +
  'streamed to storage; its first bytes must match the type (415 prompt_video_rejected otherwise, 413 ' +
  'payload_too_large when larger). Answers 201 with the new video, processing; poll GET ' +
  '/prompt-videos/{videoId} until ready. The video it replaces stays for candidates whose interview version ' +
  'shows it. Only a ready video is given to candidates invited from then on.';
const captionsDescription =
  'The body is a UTF-8 WebVTT file (Content-Type text/vtt, at most 256 KB) that starts with WEBVTT and has at ' +
  'least one cue (400 captions_invalid otherwise). Works while the video is processing or ready.';

/** Employers' intro videos and video prompts: upload, remove, captions, state, preview and retry. */
export const promptVideoRoutes: FastifyPluginAsyncZod = async (app) => {
  const { promptVideos } = app.deps.services;

  // The raw bodies; these parsers exist only inside this plugin. A video is passed on as the request stream.
  app.addContentTypeParser([...promptVideoTypes], (_request, payload, done) => done(null, payload));
  app.addContentTypeParser(
    captionsType,
    { parseAs: 'buffer', bodyLimit: promptVideoCaptionsMaxBytes },
    (_request, body: Buffer, done) => done(null, body),
  );

  const targets = [
    { path: '/interviews/:id/intro-video', params: introParams, what: "the interview's intro video" },
    {
      path: '/interviews/:id/questions/:questionId/prompt-video',
      params: questionParams,
      what: "the question's video prompt",
    },
  ] as const;

  for (const target of targets) {
    const targetOf = (request: FastifyRequest): PromptVideoTarget & { userId: string } => {
      const { organisationId, userId } = requireMember(request, interviewEditorRoles);
      const params = request.params as { id: string; questionId?: string };
      return { organisationId, userId, interviewId: params.id, questionId: params.questionId };
    };

    app.put(
      target.path,
      {
        onRequest: async (request) => {
          checkVideoRequest(request);
          await Promise.resolve();
        },
        schema: {
          tags,
          security,
          summary: `Set ${target.what} from the raw video body`,
          description: videoDescription,
          consumes: [...promptVideoTypes],
          params: target.params,
          response: { 201: promptVideoSchema },
        },
      },
      async (request, reply) => {
        const video = await promptVideos.uploadPromptVideo({
          ...targetOf(request),
          contentType: mediaTypeOf(request.headers['content-type']),
          body: request.body as Readable,
        });
        return reply.status(201).send(video);
      },
    );

    app.delete(
      target.path,
      {
        schema: {
          tags,
          security,
          summary: `Remove ${target.what}`,
          description: 'Candidates whose interview version shows it keep seeing it.',
          params: target.params,
        },
      },
      async (request, reply) => {
        await promptVideos.removePromptVideo(targetOf(request));
        return reply.status(204).send();
      },
    );

    app.put(
      `${target.path}/captions`,
      {
        onRequest: async (request) => {
          checkCaptionsRequest(request);
          await Promise.resolve();
        },
        schema: {
          tags,
          security,
          summary: `Set the WebVTT captions of ${target.what}`,
          description: captionsDescription,
          consumes: [captionsType],
          params: target.params,
          response: { 200: promptVideoSchema },
        },
      },
      async (request) =>
        promptVideos.setPromptVideoCaptions({
          ...targetOf(request),
          bytes: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
        }),
    );

    app.delete(
      `${target.path}/captions`,
      {
        schema: { tags, security, summary: `Remove the captions of ${target.what}`, params: target.params },
      },
      async (request, reply) => {
        await promptVideos.removePromptVideoCaptions(targetOf(request));
        return reply.status(204).send();
      },
    );
  }

  app.get(
    '/prompt-videos/:videoId',
    {
      schema: {
        tags,
        security,
        summary: 'A prompt video and where its processing stands',
        params: videoParams,
        response: { 200: promptVideoSchema },
      },
    },
    async (request) => {
      const { organisationId } = requireMember(request);
      return promptVideos.getPromptVideo({ organisationId, videoId: request.params.videoId });
    },
  );

  app.post(
    '/prompt-videos/:videoId/playback',
    {
      schema: {
        tags,
        security,
        summary: 'Signed addresses to preview a ready prompt video',
        description:
          'Addresses of the MP4, its poster and its captions, valid for 4 hours (409 media_not_ready with the ' +
          'status, and the reason when it failed, otherwise). Every issue is recorded in the audit log.',
        params: videoParams,
        response: { 200: promptVideoPlaybackSchema },
      },
    },
    async (request) => {
      const { organisationId, userId } = requireMember(request);
      return promptVideos.issuePromptVideoPreview({
        organisationId,
        userId,
        videoId: request.params.videoId,
        client: clientInfoOf(request),
      });
    },
  );

  app.post(
    '/prompt-videos/:videoId/retry',
    {
      schema: {
        tags,
        security,
        summary: 'Process a failed prompt video again',
        description: 'A video processing or ready is left as it is; either way its state is answered.',
        params: videoParams,
        response: { 200: promptVideoSchema },
      },
    },
    async (request) => {
      const { organisationId, userId } = requireMember(request, interviewEditorRoles);
      return promptVideos.retryPromptVideo({ organisationId, userId, videoId: request.params.videoId });
    },
  );
};

/** The videos of the candidate's interview version, by the candidate's cookie. */
export const candidatePromptVideoRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app.deps;
  const { candidate, promptVideos } = app.deps.services;
  app.addHook('onRequest', async (request) => {
    assertCandidateCsrfHeader(request);
    await Promise.resolve();
  });

  app.get(
    '/candidate/prompt-videos',
    {
      config: candidateRouteConfig(120),
      schema: {
        tags: ['candidate'],
        summary: "The intro and question videos of the candidate's interview",
        description:
          "Every question's video is listed with its length; its signed addresses (4 hours) only once the " +
          'question is revealed. The intro always has its addresses.',
        response: { 200: candidatePromptVideosSchema },
      },
    },
    async (request, reply) => {
      const { invitation } = await requireCandidate(request, reply, { config, candidate });
      return promptVideos.getCandidatePromptVideos(invitation);
    },
  );
};
