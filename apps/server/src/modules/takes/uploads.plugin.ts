import type { IncomingMessage, ServerResponse } from 'node:http';
import { EVENTS, MemoryLocker, Server, TUS_RESUMABLE, type Upload } from '@tus/server';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { assertCandidateCsrfHeader } from '../candidate/candidate-cookie.ts';
import { uploadsPath } from './takes.service.ts';
import { uploadCapOf } from './storage-allowance.ts';
import {
  findTusHeaderProblem,
  labelJsonErrors,
  rememberUploadRequestId,
  uploadErrorBody,
  type TusError,
} from './upload-errors.ts';
import { createUploadHooks, storedTakeHeaders } from './upload-hooks.ts';
import { dropRepeatedLength } from './upload-length.ts';
import { createLocalPatch } from './upload-patch.ts';
import { createUploadStorageFailures } from './upload-storage-failure.ts';

/**
 * tus at /api/v1/uploads (register with prefix /api/v1), as supabase/storage does it: a scoped plugin whose
 * no-op parser leaves the chunk stream unread for @tus/server, which then owns the raw request and response.
 * Uploads in progress live in <mediaDir>/tmp with their offsets in .json files (local storage) or as multipart
 * uploads in the bucket (S3), so they resume after a restart.
 */
export const uploadsRoutes: FastifyPluginAsync = async (app) => {
  const { config, logger, services, metrics } = app.deps;
  const { uploadStore: uploads, uploadFinisher: finisher, takeUploads, storageProblems } = services;
  const { authorize, finish, invitationOf, ...hooks } = createUploadHooks({
    config,
    candidate: services.candidate,
    takeUploads,
    parseCookie: (header) => app.parseCookie(header),
    logger,
    uploads,
    finisher,
  });
  const storageFailures = createUploadStorageFailures({
    storageProblems,
    takeUploads,
    invitationOf,
    uploadExists: (uploadId) =>
      uploads.datastore.getUpload(uploadId).then(
        () => true,
        () => false,
      ),
    logger,
  });
  const locker = new MemoryLocker();
  const tus = new Server({
    locker,
    path: uploadsPath,
    datastore: uploads.datastore,
    // The take's own cap, set at creation (storage-allowance.ts); MEDIA_MAX_BYTES until the upload exists.
    maxSize: async (_req: Request, id: string | null) =>
      id
        ? uploadCapOf(
            await uploads.datastore.getUpload(id).catch(() => ({ metadata: {} })),
            config.mediaMaxBytes,
          )
        : config.mediaMaxBytes,
    relativeLocation: true,
    // Downloads and termination are not part of a candidate's upload; takes are read through reviewer routes.
    disableTerminationForFinishedUploads: true,
    // Only Oneway's own pages upload, from its own origin: no cross-origin reader is let in (no CORS headers).
    allowedOrigins: () => false,
    ...hooks,
    // Every refusal in the documented shape { code, message, requestId }, whatever raised it; storage failing
    // becomes 503 storage_unavailable with Retry-After.
    onResponseError: async (req: Request, err: Error | TusError) => {
      const raw = (req as Request & { runtime?: { node?: { req: IncomingMessage } } }).runtime?.node?.req;
      const storageRefusal = await storageFailures.onResponseError(req, err);
      const known =
        storageRefusal ?? ('status_code' in err && typeof err.status_code === 'number' ? err : null);
      if (!known) logger.error({ err }, 'upload failed');
      const error: TusError = known ?? { status_code: 500, body: '' };
      return { status_code: error.status_code, body: uploadErrorBody(error, raw) };
    },
  });

  const local = uploads.local;
  const patchLocal =
    local &&
    createLocalPatch({
      ...local,
      locker,
      maxSize: config.mediaMaxBytes,
      authorize,
      finish,
      logger,
      onStorageFailure: storageFailures.report,
    });

  if (patchLocal) {
    tus.on(EVENTS.POST_CREATE, (req: Request, upload: Upload) =>
      patchLocal.created(
        upload,
        req.headers.get('cookie'),
        // @tus/server writes a creation's body only when it is sent as tus data (creation-with-upload).
        req.headers.get('content-type') === 'application/offset+octet-stream',
      ),
    );
    // A take ended by a takeover is refused at its next PATCH, not after the reused check runs out.
    const stopListening = takeUploads.onUploadEnded((uploadId) => patchLocal.forget(uploadId));
    app.addHook('onClose', async () => {
      stopListening();
      patchLocal.close();
    });
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

  /** Bytes of the upload arrived: its take notes when (at most every ~10 s), for a second device to see. */
  const noteBytes = (uploadId: string, res: ServerResponse): void => {
    if (res.statusCode !== 204) return;
    void storageProblems.reportUploadWorks(uploadId);
    takeUploads
      .recordBytesArrived(uploadId)
      .catch((err: unknown) => logger.warn({ err, uploadId }, 'could not note that bytes arrived'));
  };

  /**
   * A HEAD of an upload whose every byte arrived while its take is still `uploading` (the server died between the
   * last byte and saving) finishes the take first. A take saved (now or before) is answered here as complete,
   * with what was stored; anything else is left to tus. Returns whether it answered.
   */
  const answerFinishedHead = async (
    request: FastifyRequest,
    res: ServerResponse,
    uploadId: string,
  ): Promise<boolean> => {
    try {
      await authorize(request.headers.cookie ?? null, uploadId, 'HEAD');
    } catch {
      return false; // tus checks again and answers the refusal
    }
    let take;
    try {
      take = await finisher.finishIfComplete(uploadId);
    } catch (err) {
      // The upload stays as it was for the next try; tus answers what it holds.
      logger.error({ err, uploadId }, 'could not finish a complete upload on HEAD');
      return false;
    }
    if (take?.status !== 'uploaded' || take.bytes === null) return false;
    res.writeHead(200, {
      'Tus-Resumable': '1.0.0',
      'Cache-Control': 'no-store',
      'Upload-Offset': String(take.bytes),
      'Upload-Length': String(take.bytes),
      ...storedTakeHeaders(take),
    });
    res.end();
    return true;
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
    const res = reply.raw;
    labelJsonErrors(res);
    const uploadId = (request.params as { uploadId?: string }).uploadId;
    if (request.method === 'HEAD' && uploadId && (await answerFinishedHead(request, res, uploadId))) return;
    if (request.method !== 'PATCH' || !uploadId) return tus.handle(request.raw, res);
    // The chunk path's only metrics: one gauge up and down, and the bytes of an accepted chunk (204).
    metrics.uploadsActive.inc();
    try {
      if (patchLocal) {
        await patchLocal.patch(request.raw, res, uploadId);
      } else {
        await dropRepeatedLength(request.raw, uploads.datastore, uploadId);
        await tus.handle(request.raw, res);
      }
      noteBytes(uploadId, res);
    } finally {
      metrics.uploadsActive.dec();
      if (res.statusCode === 204) metrics.uploadBytes.inc(Number(request.headers['content-length']) || 0);
    }
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
