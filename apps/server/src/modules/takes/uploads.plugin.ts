import type { IncomingMessage } from 'node:http';
import { EVENTS, MemoryLocker, Server, TUS_RESUMABLE, type Upload } from '@tus/server';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { assertCandidateCsrfHeader } from '../candidate/candidate-cookie.ts';
import { uploadsPath } from './takes.service.ts';
import {
  findTusHeaderProblem,
  labelJsonErrors,
  rememberUploadRequestId,
  uploadErrorBody,
  type TusError,
} from './upload-errors.ts';
import { createUploadHooks } from './upload-hooks.ts';
import { createLocalPatch } from './upload-patch.ts';
import { createUploadStore } from './upload-store.ts';

/**
 * tus at /api/v1/uploads (register with prefix /api/v1), as supabase/storage does it: a scoped plugin whose
 * no-op parser leaves the chunk stream unread for @tus/server, which then owns the raw request and response.
 * Uploads in progress live in <mediaDir>/tmp with their offsets in .json files (local storage) or as multipart
 * uploads in the bucket (S3), so they resume after a restart.
 */
export const uploadsRoutes: FastifyPluginAsync = async (app) => {
  const { config, logger, services } = app.deps;
  const uploads = createUploadStore(config);
  const { authorize, finish, ...hooks } = createUploadHooks({
    config,
    candidate: services.candidate,
    takeUploads: services.takeUploads,
    parseCookie: (header) => app.parseCookie(header),
    logger,
    uploads,
  });
  const locker = new MemoryLocker();
  const tus = new Server({
    locker,
    path: uploadsPath,
    datastore: uploads.datastore,
    maxSize: config.mediaMaxBytes,
    relativeLocation: true,
    // Downloads and termination are not part of a candidate's upload; takes are read through reviewer routes.
    disableTerminationForFinishedUploads: true,
    // Only Oneway's own pages upload, from its own origin: no cross-origin reader is let in (no CORS headers).
    allowedOrigins: () => false,
    // Every refusal in the documented shape { code, message, requestId }, whatever raised it.
    onResponseError: (req: Request, err: Error | TusError) => {
      const raw = (req as Request & { runtime?: { node?: { req: IncomingMessage } } }).runtime?.node?.req;
      const known = 'status_code' in err && typeof err.status_code === 'number';
      if (!known) logger.error({ err }, 'upload failed');
      const error: TusError = known ? err : { status_code: 500, body: '' };
      return Promise.resolve({ status_code: error.status_code, body: uploadErrorBody(error, raw) });
    },
    ...hooks,
  });

  const local = uploads.local;
  const patchLocal =
    local && createLocalPatch({ ...local, locker, maxSize: config.mediaMaxBytes, authorize, finish, logger });

  if (patchLocal) {
    tus.on(EVENTS.POST_CREATE, (req: Request, upload: Upload) =>
      patchLocal.created(
        upload,
        req.headers.get('cookie'),
        // @tus/server writes a creation's body only when it is sent as tus data (creation-with-upload).
        req.headers.get('content-type') === 'application/offset+octet-stream',
      ),
    );
    app.addHook('onClose', async () => patchLocal.close());
  }

  app.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null));

  // tus discovery, answered here: @tus/server's own advertises GET and DELETE, which these routes refuse.
  const sendDiscovery = async (reply: FastifyReply): Promise<void> => {
    await reply
      .status(204)
      .headers({
        'tus-resumable': TUS_RESUMABLE,
        'tus-version': TUS_RESUMABLE,
        'tus-extension': uploads.datastore.extensions.join(','),
        'tus-max-size': String(config.mediaMaxBytes),
        allow: 'OPTIONS, HEAD, POST, PATCH',
      })
      .send();
  };

  const handle = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    // Refused before tus sees it, in the usual error shape: the page always sends this header.
    assertCandidateCsrfHeader(request);
    if (request.method === 'OPTIONS') return sendDiscovery(reply);
    rememberUploadRequestId(request.raw, request.id);
    const problem = findTusHeaderProblem(request.raw);
    if (problem) {
      await reply
        .status(problem.status_code)
        .header('tus-resumable', TUS_RESUMABLE)
        .type('application/json; charset=utf-8')
        .send(uploadErrorBody(problem, request.raw));
      return;
    }
    reply.hijack();
    labelJsonErrors(reply.raw);
    const uploadId = (request.params as { uploadId?: string }).uploadId;
    if (patchLocal && request.method === 'PATCH' && uploadId) {
      await patchLocal.patch(request.raw, reply.raw, uploadId);
      return;
    }
    await tus.handle(request.raw, reply.raw);
  };
  const routeOptions = {
    method: ['POST', 'HEAD', 'PATCH', 'OPTIONS'],
    config: { ignoreSession: true, rawBody: true },
    schema: {
      tags: ['candidate'],
      summary: 'tus 1.0 resumable upload of an opened take (creation, creation-defer-length)',
    },
    handler: handle,
  } as const;
  app.route({ ...routeOptions, method: [...routeOptions.method], url: '/uploads' });
  // The upload's own URL comes from the Location header of its creation, so the document lists creation only.
  const uploadUrl = { ...routeOptions, url: '/uploads/:uploadId', schema: { hide: true } } as const;
  app.route({ ...uploadUrl, method: ['POST', 'HEAD', 'OPTIONS'] });
  // A recording candidate's PATCH a second: an empty 204 to the page's own fetch needs no security headers, and
  // Fastify's two log lines per chunk are left out (creation, refusals and the finished upload are logged).
  app.route({ ...uploadUrl, method: 'PATCH', helmet: false, logLevel: 'warn' });
};
