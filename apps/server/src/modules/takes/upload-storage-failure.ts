import type { ServerResponse } from 'node:http';
import { Metadata } from '@tus/server';
import type { Logger } from 'pino';
import type { InvitationsTable } from '../../db/schema/invitations.ts';
import { classifyStorageError, type StorageFailure } from '../../lib/storage-errors.ts';
import type { StorageProblemsService } from '../media/storage-problems.service.ts';
import type { TakeUploadsService } from './take-uploads.service.ts';

/** How long the page is asked to wait before sending again while storage fails. */
export const storageRetryAfterSeconds = 30;

/** The JSON error body of a tus request refused because media storage failed (503 storage_unavailable). */
export const storageUnavailableBody = JSON.stringify({
  code: 'storage_unavailable',
  message:
    'The server cannot store recordings at the moment. Send again in a little while: nothing the server has ' +
    'received is lost.',
});

/** Answers a raw tus request with 503 storage_unavailable and Retry-After, unless an answer has started. */
export function answerStorageUnavailable(res: ServerResponse, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(503, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(storageUnavailableBody)),
    'Retry-After': String(storageRetryAfterSeconds),
  });
  res.end(storageUnavailableBody);
}

export interface StorageFailureReport {
  uploadId: string | null;
  cookie: string | null;
  failure: StorageFailure;
  err: unknown;
}

/**
 * What the upload routes do when media storage fails under a candidate's request: record it for the organisation
 * (log line, Processing page, admins' e-mail), keep the take usable for the page's next try, answer 503.
 */
export function createUploadStorageFailures(deps: {
  storageProblems: Pick<StorageProblemsService, 'reportFailure'>;
  takeUploads: Pick<TakeUploadsService, 'findUploadTake' | 'releaseFailedCreation'>;
  invitationOf: (cookieHeader: string | null) => Promise<InvitationsTable>;
  uploadExists: (uploadId: string) => Promise<boolean>;
  logger: Logger;
}) {
  /** Logs and records a storage failure for the organisation of the upload (or of the cookie's invitation). */
  const report = (options: StorageFailureReport): void => {
    const organisationOf = async (): Promise<string | null> => {
      if (options.uploadId) {
        const take = await deps.takeUploads.findUploadTake(options.uploadId);
        if (take) return take.organisation_id;
      }
      return (await deps.invitationOf(options.cookie)).organisation_id;
    };
    void organisationOf()
      .catch(() => null)
      .then((organisationId) => deps.storageProblems.reportFailure({ ...options, organisationId }));
  };

  /** A creation that storage refused leaves its take open for the page's next try (not tied to no upload). */
  const releaseFailedCreation = async (req: Request): Promise<void> => {
    try {
      const metadata = Metadata.parse(req.headers.get('upload-metadata') ?? undefined);
      await deps.takeUploads.releaseFailedCreation({
        invitation: await deps.invitationOf(req.headers.get('cookie')),
        takeId: metadata.takeId ?? '',
        uploadExists: deps.uploadExists,
      });
    } catch (err) {
      deps.logger.warn({ err }, 'could not reopen a take whose upload could not be created');
    }
  };

  /** @tus/server's onResponseError: storage failing (FileStore on a full disk, S3 down) becomes 503 + Retry-After. */
  const onResponseError = async (
    req: Request,
    err: unknown,
  ): Promise<{ status_code: number; body: string } | undefined> => {
    const failure = classifyStorageError(err);
    if (!failure) return undefined;
    const uploadId = /\/uploads\/([^/?]+)/.exec(new URL(req.url).pathname)?.[1] ?? null;
    report({ uploadId, cookie: req.headers.get('cookie'), failure, err });
    if (req.method === 'POST' && !uploadId) await releaseFailedCreation(req);
    // tus sets only its own headers; the Node response under its web Request takes Retry-After.
    (req as { runtime?: { node?: { res?: ServerResponse } } }).runtime?.node?.res?.setHeader(
      'Retry-After',
      String(storageRetryAfterSeconds),
    );
    return { status_code: 503, body: storageUnavailableBody };
  };

  return { report, onResponseError };
}
