import { playbackSchema } from '@oneway/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, notFound } from '../../errors.ts';
import { clientInfoOf } from '../../plugins/auth.ts';
import { idParams, requireMemberViewer, security } from '../reviews/review-routes-support.ts';
import { decideRange } from './http-range.ts';
import type { OpenedMedia } from './local-media-read.ts';

const tags = ['reviews'];
// Bytes (a stream), so no JSON schema applies; the document names the types in `produces`.
const mediaBytes = z.unknown().describe('The bytes of the recording, poster or captions');

/** Issuing signed media addresses to members, and serving them (to members and share-link guests alike). */
export const playbackRoutes: FastifyPluginAsyncZod = async (app) => {
  const { playback } = app.deps.services;
  // The app marks every /api/ answer no-store; media may sit in the viewer's own cache until its address expires.
  const cacheControls = new WeakMap<object, string>();
  app.addHook('onSend', async (request, reply) => {
    const value = cacheControls.get(request);
    if (value && reply.statusCode < 300) void reply.header('cache-control', value);
  });

  app.post(
    '/takes/:id/playback',
    {
      schema: {
        tags,
        security,
        summary: 'A short-lived signed address to play an answer',
        description:
          "Checks the organisation, the role and a reviewer's assignment, then signs an address valid for 30 " +
          'minutes (never logged). Only the chosen answer of a completed candidate plays; 409 media_not_ready ' +
          'while processing runs or after it failed. Every issue is recorded in the audit log.',
        params: idParams,
        response: { 200: playbackSchema },
      },
    },
    async (request) =>
      playback.issuePlayback(requireMemberViewer(request), {
        takeId: request.params.id,
        client: clientInfoOf(request),
      }),
  );

  // A wildcard, not a :token parameter: the router refuses parameters over 100 characters (414), and a token with
  // a share link's id is longer than that.
  app.get(
    '/media/*',
    {
      config: { ignoreSession: true },
      // A player asks for many ranges of one file: the page headers (CSP and others) mean nothing on bytes, so
      // only the two that do are set below, without the cost of the full set on every range.
      helmet: false,
      schema: {
        tags,
        summary: 'Play a recording, poster or captions file from a signed address',
        description:
          'No cookie is needed: the address is the permission, signed with HMAC-SHA256 and expiring (403 ' +
          'media_link_invalid when changed, media_link_expired when late). Supports one byte range: ' +
          'bytes=a-b, bytes=a- and bytes=-n answer 206; a range past the end or a malformed bytes range ' +
          "answers 416 with Content-Range 'bytes */size'; another unit or several ranges answer the whole file. " +
          '409 media_not_ready while processing runs. With S3 storage this redirects (302) to a presigned URL.',
        params: z.object({ '*': z.string().min(10).max(1000).describe('The signed token') }),
        produces: ['video/mp4', 'audio/mp4', 'image/jpeg', 'text/vtt'],
        response: { 200: mediaBytes, 206: mediaBytes },
      },
    },
    async (request, reply) => {
      void reply
        .header('x-content-type-options', 'nosniff')
        .header('cross-origin-resource-policy', 'same-origin');
      const target = await playback.resolveMediaToken(request.params['*']);
      const redirect = await playback.redirectUrlOf(target);
      if (redirect) return reply.redirect(redirect, 302);
      const media = await playback.openMedia(target);
      if (!media) throw notFound('Recording file');
      let body: Awaited<ReturnType<OpenedMedia['read']>>;
      try {
        const { size } = media;
        void reply.header('accept-ranges', 'bytes');
        const decision = decideRange(request.headers.range, size);
        if (decision.kind === 'unsatisfiable') {
          void reply.header('content-range', `bytes */${size}`);
          throw new AppError('range_not_satisfiable', { message: decision.message });
        }
        const secondsLeft = (target.expiresAt.getTime() - app.deps.clock.now().getTime()) / 1000;
        cacheControls.set(request, `private, max-age=${Math.max(0, Math.floor(secondsLeft))}`);
        void reply.type(target.mime).header('content-disposition', 'inline');
        if (size === 0) {
          media.close();
          return reply.status(200).header('content-length', 0).send(Buffer.alloc(0));
        }
        const range = decision.kind === 'partial' ? decision : { start: 0, end: size - 1 };
        void reply.header('content-length', range.end - range.start + 1);
        if (decision.kind === 'partial') {
          void reply.status(206).header('content-range', `bytes ${range.start}-${range.end}/${size}`);
        }
        body = await media.read(range, reply.raw);
      } catch (err) {
        media.close();
        throw err;
      }
      if (typeof body !== 'function') return reply.send(body);
      // A long local range is written by the pump itself, with buffers reused as the socket takes them; the
      // hooks that would add these headers do not run for a response written this way.
      const head = headersOf({
        ...reply.getHeaders(),
        'cache-control': cacheControls.get(request),
        'x-request-id': request.id,
      });
      reply.hijack();
      reply.raw.writeHead(reply.statusCode, head);
      await body(reply.raw);
      return reply;
    },
  );
};

/** Reply headers as Node's writeHead takes them (numbers as text, unset ones left out). */
function headersOf(
  headers: Record<string, string | number | string[] | undefined>,
): Record<string, string | string[]> {
  const head: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) head[name] = typeof value === 'number' ? String(value) : value;
  }
  return head;
}
