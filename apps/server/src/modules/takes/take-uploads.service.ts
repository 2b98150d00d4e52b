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
import { detectRecordingMime, hashStoredObject, readStoredHead } from './media-files.ts';
import { decideUploadCap } from './storage-allowance.ts';
import { isTakenOver, takenOver } from './take-handover.ts';
import * as repo from './takes.repository.ts';
import type { FinishedUpload } from './upload-store.ts';

const notOpen = () =>
  new AppError('take_not_open', {
    message: 'This take is no longer accepting a recording. Start a new take.',
  });

/** A take that no longer takes bytes: take_taken_over when another device ended it, else take_not_open. */
const closed = (take: TakesTable): AppError => (isTakenOver(take) ? takenOver() : notOpen());

/** How often an upload's take records that bytes arrived: a recording sends a PATCH a second. */
const bytesArrivedEveryMs = 10_000;

/** The rules of the tus upload behind a take; the tus hooks call these with the candidate's invitation. */
export function createTakeUploadsService(deps: {
  db: Db;
  config: Config;
  clock: Clock;
  mediaStorage: MediaStorage;
  invitationEvents: InvitationEventsService;
  answers: Pick<AnswersService, 'answerWithSavedTake'>;
  media: Pick<MediaService, 'queueTakeProcessing'>;
}) {
  const { db, clock } = deps;
  /** When each upload in progress last wrote last_bytes_at (this process's view; bounded, oldest dropped). */
  const bytesRecordedAt = new Map<string, number>();
  const endedListeners = new Set<(uploadId: string) => void>();

  /** The take is saved: its answer, its processing and its place on the timeline. */
  async function afterSaved(take: TakesTable): Promise<void> {
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
  }

  /** Marks the take uploaded with what is stored; the caller has put the bytes at its storage key. */
  async function saveTake(
    take: TakesTable,
    stored: { mime: string; bytes: number; sha256: string },
  ): Promise<TakesTable> {
    const saved = await repo.finishTakeUpload(db, {
      takeId: take.id,
      status: 'uploaded',
      values: { ...stored, uploaded_at: isoNow(clock) },
    });
    if (!saved) {
      const now = await repo.findTakeByUploadId(db, take.upload_id ?? '');
      // Saved by a finish that ran beside this one: the file at the key is that take's, and stays.
      if (now?.status === 'uploaded') return now;
      // Closed or erased between the check and now: the file just stored at its key goes again.
      await deps.mediaStorage.delete(take.storage_key);
      throw now ? closed(now) : notFound('Upload');
    }
    await afterSaved(take);
    return { ...take, status: 'uploaded', ...stored };
  }

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
      const claimed = await repo.claimTakeForUpload(db, {
        takeId: take.id,
        uploadId: options.uploadId,
        now: isoNow(clock),
      });
      if (!claimed) throw closed(take);
    },

    /**
     * The take behind an upload, checked against the caller's invitation. Another invitation's upload is
     * forbidden (not merely missing): it means a guessed or leaked upload URL, which the caller logs. A take ended
     * because the candidate continued on another device is refused with take_taken_over, whatever the method.
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
      if (isTakenOver(take)) throw takenOver();
      if (options.requireUploading && take.status !== 'uploading') throw notOpen();
      return take;
    },

    /** The take behind an upload, whoever asks (the caller has checked who may). */
    findUploadTake: (uploadId: string): Promise<TakesTable | undefined> =>
      repo.findTakeByUploadId(db, uploadId),

    /**
     * Bytes of the upload arrived: its take records when, at most every ~10 s per upload so a recording's PATCH a
     * second does not write the database each time. A second device reads it to tell a recording in progress.
     */
    async recordBytesArrived(uploadId: string): Promise<void> {
      const now = clock.now().getTime();
      const last = bytesRecordedAt.get(uploadId);
      if (last !== undefined && now - last < bytesArrivedEveryMs) return;
      bytesRecordedAt.delete(uploadId);
      bytesRecordedAt.set(uploadId, now);
      if (bytesRecordedAt.size > 10_000) bytesRecordedAt.delete(bytesRecordedAt.keys().next().value ?? '');
      await repo.recordTakeBytesArrived(db, { uploadId, at: new Date(now).toISOString() });
    },

    /**
     * The creation of the take's upload failed after the take was tied to it (storage could not make its file):
     * the take is open again for the next creation, if the upload really does not exist (`uploadExists`).
     */
    async releaseFailedCreation(options: {
      invitation: InvitationsTable;
      takeId: string;
      uploadExists: (uploadId: string) => Promise<boolean>;
    }): Promise<void> {
      const take = await repo.findTakeOfInvitation(db, {
        takeId: options.takeId,
        invitationId: options.invitation.id,
      });
      if (!take || take.status !== 'uploading' || !take.upload_id) return;
      if (await options.uploadExists(take.upload_id)) return;
      await repo.releaseTakeUpload(db, { takeId: take.id, uploadId: take.upload_id });
    },

    /** True when the take's bytes are at its storage key (moved there by a finish). */
    hasStoredFile: async (take: TakesTable): Promise<boolean> =>
      (await deps.mediaStorage.stat(take.storage_key)) !== null,

    /** Calls `listener` with the upload id of every take ended by a takeover (in this process). */
    onUploadEnded(listener: (uploadId: string) => void): () => void {
      endedListeners.add(listener);
      return () => endedListeners.delete(listener);
    },

    /** Tells the listeners that these uploads' takes were ended, so no cached check lets another chunk in. */
    notifyUploadsEnded(uploadIds: string[]): void {
      for (const uploadId of uploadIds) {
        bytesRecordedAt.delete(uploadId);
        for (const listener of endedListeners) listener(uploadId);
      }
    },

    /**
     * Every byte arrived: the magic bytes decide whether it is a recording at all (else the take fails and the
     * file goes), then the file moves to its storage key and the take is saved with its size and SHA-256. A finish
     * that stopped after the move (the server died before the database was updated) is completed from the stored
     * file, so the take still ends uploaded with the SHA-256 of what is stored.
     */
    async completeTakeUpload(options: { uploadId: string; upload: FinishedUpload }): Promise<TakesTable> {
      const take = await repo.findTakeByUploadId(db, options.uploadId);
      if (!take) {
        // Erased meanwhile: the bytes go too.
        await options.upload.discard();
        throw notFound('Upload');
      }
      // Saved already by a finish that ran at the same moment (a HEAD while the last PATCH finished): a repeat.
      if (take.status === 'uploaded') return take;
      // A take closed meanwhile (a fresh take after a technical failure) gets no file at its key.
      if (take.status !== 'uploading') {
        await options.upload.discard();
        throw closed(take);
      }
      if (await deps.mediaStorage.stat(take.storage_key)) {
        const mime = detectRecordingMime(await readStoredHead(deps.mediaStorage, take.storage_key));
        const stored = await hashStoredObject(deps.mediaStorage, take.storage_key);
        // Whatever the upload still holds is a copy of what was moved (S3 copies, then deletes the original).
        await options.upload.discard();
        return saveTake(take, { mime: mime ?? 'video/webm', ...stored });
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
      return saveTake(take, { mime, bytes, sha256 });
    },
  };
}

export type TakeUploadsService = ReturnType<typeof createTakeUploadsService>;
