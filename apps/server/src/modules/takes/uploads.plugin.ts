import { Server } from '@tus/server';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { assertCandidateCsrfHeader } from '../candidate/candidate-cookie.ts';
import { uploadsPath } from './takes.service.ts';
import { createUploadHooks } from './upload-hooks.ts';
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
  const hooks = createUploadHooks({
    config,
    candidate: services.candidate,
    takeUploads: services.takeUploads,
    parseCookie: (header) => app.parseCookie(header),
    logger,
    uploads,
  });
  const tus = new Server({
    path: uploadsPath,
    datastore: uploads.datastore,
    maxSize: config.mediaMaxBytes,
    relativeLocation: true,
    // Downloads and termination are not part of a candidate's upload; takes are read through reviewer routes.
    disableTerminationForFinishedUploads: true,
    ...hooks,
  });

  app.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null));

  const handle = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    // Refused before tus sees it, in the usual error shape: the page always sends this header.
    assertCandidateCsrfHeader(request);
    reply.hijack();
    await tus.handle(request.raw, reply.raw);
  };
  const routeOptions = {
    method: ['POST', 'HEAD', 'PATCH', 'OPTIONS'],
    config: { ignoreSession: true },
    schema: {
      tags: ['candidate'],
      summary: 'tus 1.0 resumable upload of an opened take (creation, creation-defer-length)',
    },
    handler: handle,
  } as const;
  app.route({ ...routeOptions, method: [...routeOptions.method], url: '/uploads' });
  // The upload's own URL comes from the Location header of its creation, so the document lists creation only.
  app.route({
    ...routeOptions,
    method: [...routeOptions.method],
    url: '/uploads/:uploadId',
    schema: { hide: true },
  });
};
