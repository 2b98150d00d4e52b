import type { ErrorBody, FieldIssue } from '@oneway/shared';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, httpStatusOf } from '../errors.ts';
import { classifyStorageError } from '../lib/storage-errors.ts';
import type { SendWebApp } from './web-app.ts';

function fieldIssuesOf(error: FastifyError): FieldIssue[] {
  if (!hasZodFastifySchemaValidationErrors(error)) return [];
  return error.validation.map((v) => {
    const where = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const { keys } = v.params as { keys?: string[] };
    if (v.keyword === 'unrecognized_keys' && keys) {
      return { field: where || keys.join(', '), message: `Unknown field: ${keys.join(', ')}` };
    }
    return { field: where || (error.validationContext ?? 'body'), message: v.message ?? 'Invalid value' };
  });
}

/** One error shape for every failure: { code, message, details?, requestId }. 5xx never leak their cause. */
export function registerErrorHandler(app: FastifyInstance, sendWebApp: SendWebApp | null): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const requestId = String(request.id);
    let body: ErrorBody;
    let status: number;
    if (error instanceof AppError) {
      status = error.status;
      body = { code: error.code, message: error.message, requestId };
      if (error.details !== undefined) body.details = error.details;
      const retryAfter = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      status = 400;
      const fields = fieldIssuesOf(error);
      body = {
        code: 'validation_failed',
        message: `Check these fields: ${[...new Set(fields.map((f) => f.field))].join(', ')}`,
        details: { fields },
        requestId,
      };
    } else if (error.statusCode === 429) {
      status = 429;
      body = { code: 'rate_limited', message: 'Too many requests. Wait a moment and try again.', requestId };
    } else if (error.statusCode === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      status = 413;
      body = { code: 'payload_too_large', message: 'The request is too large.', requestId };
    } else if (
      error.statusCode &&
      error.statusCode >= 400 &&
      error.statusCode < 500 &&
      !isResponseSerializationError(error)
    ) {
      status = error.statusCode;
      body = { code: 'validation_failed', message: error.message, requestId };
    } else if (classifyStorageError(error)) {
      // Media storage cannot take or give bytes (disk full, read-only, S3 down): worth a retry, not a bug.
      status = httpStatusOf('storage_unavailable');
      request.log.error({ err: error, requestId }, 'request failed: media storage is failing');
      void reply.header('retry-after', '30');
      body = {
        code: 'storage_unavailable',
        message: 'The server cannot use its storage at the moment. Try again in a little while.',
        requestId,
      };
    } else {
      status = 500;
      request.log.error({ err: error, requestId }, 'request failed');
      body = { code: 'internal_error', message: 'Internal Server Error', requestId };
    }
    if (status >= 400 && status < 500 && status !== 404) {
      request.log.info({ code: body.code, status }, 'request refused');
    }
    void reply.status(status).send(body);
  });

  app.setNotFoundHandler(
    { preHandler: app.rateLimit({ max: 60, timeWindow: '1 minute' }) },
    (request, reply) => {
      // Client-side routes of the web app (e.g. /interviews/123) are answered by its index.html.
      const isPageRequest = request.method === 'GET' && !request.url.startsWith('/api/');
      if (sendWebApp && isPageRequest) return sendWebApp(reply);
      const body: ErrorBody = {
        code: 'not_found',
        message: `No route for ${request.method} ${request.url.split('?')[0] ?? ''}`,
        requestId: String(request.id),
      };
      void reply.status(httpStatusOf('not_found')).send(body);
    },
  );
}
