import { randomBytes } from 'node:crypto';
import type { ServerOptions, Upload } from '@tus/server';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { InvitationsTable } from '../../db/schema/invitations.ts';
import { AppError } from '../../errors.ts';
import { candidateCookieName } from '../candidate/candidate-cookie.ts';
import type { CandidateService } from '../candidate/candidate.service.ts';
import { uploadCapOf, uploadTooLarge } from './storage-allowance.ts';
import type { TakeUploadsService } from './take-uploads.service.ts';
import type { StoredTake, UploadFinisher } from './upload-finisher.ts';
import type { UploadStore } from './upload-store.ts';

type TusRequest = Parameters<NonNullable<ServerOptions['onIncomingRequest']>>[0];

/** @tus/server answers a hook's thrown error with its status_code and body (here our usual JSON error shape). */
class TusRefusal extends Error {
  constructor(
    readonly status_code: number,
    readonly body: string,
  ) {
    super(body);
    this.name = 'TusRefusal';
  }
}

export interface UploadHookDeps {
  config: Config;
  candidate: Pick<CandidateService, 'resolveCandidateSession'>;
  takeUploads: TakeUploadsService;
  parseCookie: (header: string) => Record<string, string | undefined>;
  logger: Logger;
  /** Where the datastore keeps uploads (an upload's declared cap is read from there). */
  uploads: Pick<UploadStore, 'datastore'>;
  /** Saves the take of a finished upload, once. */
  finisher: Pick<UploadFinisher, 'finish'>;
}

/**
 * The tus lifecycle hooks. tus hands them a web Request, not Fastify's, so the candidate cookie is read from the
 * Cookie header with the same name logic as the candidate routes. Expected refusals become tus errors carrying
 * the JSON error body; anything else stays a 500.
 */
export function createUploadHooks(deps: UploadHookDeps) {
  const refuse = (err: AppError, context: Record<string, unknown>): TusRefusal => {
    const log = err.status === 403 ? deps.logger.warn.bind(deps.logger) : deps.logger.info.bind(deps.logger);
    log({ ...context, code: err.code }, 'upload refused');
    return new TusRefusal(err.status, JSON.stringify({ code: err.code, message: err.message }));
  };
  const guard = async <T>(context: Record<string, unknown>, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (err) {
      if (err instanceof AppError) throw refuse(err, context);
      throw err;
    }
  };

  async function invitationOf(cookieHeader: string | null): Promise<InvitationsTable> {
    const cookies = deps.parseCookie(cookieHeader ?? '');
    const value = cookies[candidateCookieName(deps.config)] || undefined;
    return (await deps.candidate.resolveCandidateSession(value)).invitation;
  }

  /** HEAD and PATCH: the upload must belong to a take of the cookie's invitation (PATCH: still uploading). */
  const authorize = (cookieHeader: string | null, uploadId: string, method: string): Promise<void> =>
    guard({ uploadId, method }, async () => {
      const invitation = await invitationOf(cookieHeader);
      await deps.takeUploads.getUploadTake({ invitation, uploadId, requireUploading: method === 'PATCH' });
    });

  /**
   * Every byte arrived: check, hash and store the recording (once, however many ask). The answer to this last
   * PATCH names the SHA-256 and size stored, so the page can compare them with its copy without asking again (it
   * still asks whenever this answer does not reach it).
   */
  const finish = (upload: Upload): Promise<{ headers: Record<string, string> }> =>
    guard({ uploadId: upload.id, method: 'finish' }, async () => ({
      headers: storedTakeHeaders(await deps.finisher.finish(upload)),
    }));

  /** A PATCH (S3 path) whose bytes would pass the take's cap is refused with our error code. */
  const assertPatchWithinCap = (req: TusRequest, uploadId: string): Promise<void> =>
    guard({ uploadId, method: 'PATCH' }, async () => {
      const cap = uploadCapOf(await deps.uploads.datastore.getUpload(uploadId), deps.config.mediaMaxBytes);
      const header = (name: string) => Number(req.headers.get(name) ?? 0);
      if (header('upload-length') > cap || header('upload-offset') + header('content-length') > cap) {
        throw uploadTooLarge(cap);
      }
    });

  return {
    /** Also used by the PATCH path for local uploads (upload-patch.ts), which does not go through tus. */
    authorize,
    /** The invitation of the candidate cookie in a Cookie header (refused when there is none or it is invalid). */
    invitationOf,
    finish,

    /** Upload ids come from the server only; the client's metadata plays no part in names or paths. */
    namingFunction: (): string => randomBytes(16).toString('hex'),

    onIncomingRequest: async (req: TusRequest, uploadId: string): Promise<void> => {
      // Creation is checked in onUploadCreate, where the take named in the metadata is known.
      if (req.method === 'POST') return;
      await authorize(req.headers.get('cookie'), uploadId, req.method);
      if (req.method === 'PATCH') await assertPatchWithinCap(req, uploadId);
    },

    /** Creation needs metadata takeId naming an open take of the cookie's invitation that has no upload yet. */
    onUploadCreate: (req: TusRequest, upload: Upload): Promise<{ metadata: Record<string, string> }> =>
      guard({ uploadId: upload.id, method: 'POST' }, async () => {
        const takeId = upload.metadata?.takeId;
        if (!takeId) {
          throw new AppError('validation_failed', { message: 'Upload-Metadata must name the takeId.' });
        }
        const invitation = await invitationOf(req.headers.get('cookie'));
        const maxBytes = await deps.takeUploads.capTakeUpload({
          invitation,
          takeId,
          declaredLength: upload.size,
        });
        await deps.takeUploads.claimTakeUpload({ invitation, takeId, uploadId: upload.id });
        // Only what we checked is kept: a file name or type from the client is never stored.
        return { metadata: { takeId, maxBytes: String(maxBytes) } };
      }),

    onUploadFinish: (_req: TusRequest, upload: Upload) => finish(upload),
  };
}

/** Read by the page's uploader (apps/web/.../recording/engine/takeUploader.ts), under the same names. */
export const storedSha256Header = 'Oneway-Take-Sha256';
export const storedBytesHeader = 'Oneway-Take-Bytes';

/** The headers that tell the page what the server stored of a finished take. */
export const storedTakeHeaders = (stored: StoredTake): Record<string, string> => ({
  [storedSha256Header]: stored.sha256 ?? '',
  [storedBytesHeader]: String(stored.bytes ?? ''),
});
