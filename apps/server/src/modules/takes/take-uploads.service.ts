import type { MediaStorage } from '../../adapters/media-storage.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { InvitationsTable } from '../../db/schema/invitations.ts';
import type { TakesTable } from '../../db/schema/takes.ts';
import { AppError, notFound } from '../../errors.ts';
import { isoNow, type Clock } from '../../lib/time.ts';
import type { AnswersService } from '../candidate-interview/answers.service.ts';
import type { InvitationEventsService } from '../invitation-events/invitation-events.service.ts';
import type { MediaService } from '../media/media.service.ts';
import { detectRecordingMime } from './media-files.ts';
import { decideUploadCap } from './storage-allowance.ts';
import * as repo from './takes.repository.ts';
import type { FinishedUpload } from './upload-store.ts';

const notOpen = () =>
  new AppError('take_not_open', {
    message: 'This take is no longer accepting a recording. Start a new take.',
  });

/** The rules of the tus upload behind a take; the tus hooks call these with the candidate's invitation. */
export function createTakeUploadsService(deps: {
  db: Db;
  config: Config;
  clock: Clock;
  invitationEvents: InvitationEventsService;
  answers: Pick<AnswersService, 'answerWithSavedTake'>;
  mediaStorage: Pick<MediaStorage, 'delete'>;
  media: Pick<MediaService, 'queueTakeProcessing'>;
}) {
  const { db, clock } = deps;

  return {
    /** The most the take's new upload may hold; refused (upload_too_large) when it declares more. */
    capTakeUpload(options: {
      invitation: InvitationsTable;
      takeId: string;
      declaredLength: number | undefined;
    }): Promise<number> {
      return decideUploadCap(db, deps.config, options);
    },

    /** Ties a new upload to an open take of this invitation that has none yet. */
    async claimTakeUpload(options: {
      invitation: InvitationsTable;
      takeId: string;
      uploadId: string;
    }): Promise<void> {
      const take = await repo.findTakeOfInvitation(db, {
        takeId: options.takeId,
        invitationId: options.invitation.id,
      });
      if (!take) throw notFound('Take');
      if (!(await repo.claimTakeForUpload(db, { takeId: take.id, uploadId: options.uploadId })))
        throw notOpen();
    },

    /**
     * The take behind an upload, checked against the caller's invitation. Another invitation's upload is
     * forbidden (not merely missing): it means a guessed or leaked upload URL, which the caller logs.
     */
    async getUploadTake(options: {
      invitation: InvitationsTable;
      uploadId: string;
      requireUploading: boolean;
    }): Promise<TakesTable> {
      const take = await repo.findTakeByUploadId(db, options.uploadId);
      if (!take) throw notFound('Upload');
      if (take.invitation_id !== options.invitation.id) {
        throw new AppError('forbidden', { message: 'This upload belongs to another interview.' });
      }
      if (options.requireUploading && take.status !== 'uploading') throw notOpen();
      return take;
    },

    /**
     * Every byte arrived: the magic bytes decide whether it is a recording at all (else the take fails and the
     * file goes), then the file moves to its storage key and the take is saved with its size and SHA-256.
     */
    async completeTakeUpload(options: { uploadId: string; upload: FinishedUpload }): Promise<TakesTable> {
      const take = await repo.findTakeByUploadId(db, options.uploadId);
      if (!take) {
        // Erased meanwhile: the bytes go too.
        await options.upload.discard();
        throw notFound('Upload');
      }
      // A take closed meanwhile (a fresh take after a technical failure) gets no file at its key.
      if (take.status !== 'uploading') {
        await options.upload.discard();
        throw notOpen();
      }
      const mime = detectRecordingMime(await options.upload.readHead(12));
      if (!mime) {
        await options.upload.discard();
        await repo.finishTakeUpload(db, {
          takeId: take.id,
          status: 'failed',
          values: { failure_reason: 'upload_rejected' },
        });
        throw new AppError('upload_rejected', {
          message: 'The recording is not a WebM or MP4 video. Record the answer again.',
        });
      }
      const { sha256, bytes } = await options.upload.hash();
      await options.upload.moveTo(take.storage_key, mime);
      const saved = await repo.finishTakeUpload(db, {
        takeId: take.id,
        status: 'uploaded',
        values: { mime, bytes, sha256, uploaded_at: isoNow(clock) },
      });
      if (!saved) {
        // Closed or erased between the check above and now: the file just stored at its key goes again.
        await deps.mediaStorage.delete(take.storage_key);
        throw notOpen();
      }
      await deps.answers.answerWithSavedTake(take);
      if (take.is_practice === 0) {
        await deps.media.queueTakeProcessing({ takeId: take.id, organisationId: take.organisation_id });
        await deps.invitationEvents.recordInvitationEvent({
          invitationId: take.invitation_id,
          organisationId: take.organisation_id,
          type: 'answer_saved',
          details: { questionId: take.question_id, takeId: take.id, takeNumber: take.take_number },
        });
      }
      return { ...take, status: 'uploaded', mime, bytes, sha256 };
    },
  };
}

export type TakeUploadsService = ReturnType<typeof createTakeUploadsService>;
