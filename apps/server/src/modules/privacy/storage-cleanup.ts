import fs from 'node:fs/promises';
import path from 'node:path';
import { isS3Storage } from '../../adapters/create-media-storage.ts';
import type { MediaStorage } from '../../adapters/media-storage.ts';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../lib/time.ts';
import { derivedKeyOf, everyDerivedExtension } from '../media/media-keys.ts';
import { uploadTempDirOf, type UploadLeftovers } from './upload-leftovers.ts';

const dayMs = 86_400_000;
const batchSize = 500;

export interface CleanupResult {
  discardedTakes: number;
  tempFiles: number;
  multipartUploads: number;
  wavFiles: number;
}

/**
 * The hourly `storage.cleanup` job: what no one will ever read again leaves the disk and the bucket.
 * - takes of submitted interviews that are not the answer (abandoned, failed, not chosen), with all their files;
 * - tus uploads left in `<media>/tmp` or as S3 multipart uploads for more than a day, unless a take is still
 *   uploading into them (a candidate back after a long time offline resumes);
 * - the transcript WAVs older versions made (no feature reads them).
 */
export function createStorageCleanup(deps: {
  db: Db;
  clock: Clock;
  mediaStorage: MediaStorage;
  mediaDir: string;
  uploads: UploadLeftovers;
}) {
  const { db, mediaStorage } = deps;

  async function deleteTakeFiles(take: {
    id: string;
    organisation_id: string;
    invitation_id: string;
    storage_key: string;
  }) {
    await mediaStorage.delete(take.storage_key);
    for (const extension of everyDerivedExtension) {
      await mediaStorage.delete(derivedKeyOf(take, extension));
    }
  }

  /** Takes of completed invitations that are no question's answer: their files, leftovers and rows go. */
  async function discardUnchosenTakes(): Promise<number> {
    let count = 0;
    for (;;) {
      const takes = await db
        .selectFrom('takes')
        .innerJoin('invitations', 'invitations.id', 'takes.invitation_id')
        .select([
          'takes.id',
          'takes.organisation_id',
          'takes.invitation_id',
          'takes.storage_key',
          'takes.upload_id',
          'takes.status',
        ])
        .where('invitations.status', '=', 'completed')
        .where((eb) =>
          eb.not(
            eb.exists(
              eb.selectFrom('answers').select('answers.id').whereRef('answers.take_id', '=', 'takes.id'),
            ),
          ),
        )
        .limit(batchSize)
        .execute();
      if (takes.length === 0) return count;
      for (const take of takes) {
        if (take.upload_id && take.status !== 'uploaded') await deps.uploads.discardUpload(take.upload_id);
        await deleteTakeFiles(take);
        await db.deleteFrom('takes').where('id', '=', take.id).execute();
        count += 1;
      }
    }
  }

  async function isStillUploading(uploadId: string): Promise<boolean> {
    const row = await db
      .selectFrom('takes')
      .select('id')
      .where('upload_id', '=', uploadId)
      .where('status', '=', 'uploading')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Local: files of `<media>/tmp` untouched for a day whose upload no take is still uploading into. */
  async function cleanTempFolder(before: Date): Promise<number> {
    const dir = uploadTempDirOf(deps.mediaDir);
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw err;
    }
    let removed = 0;
    for (const name of names) {
      const uploadId = name.replace(/\.json$/, '');
      if (!/^[0-9a-f]{32}$/.test(uploadId)) continue;
      const stats = await fs.stat(path.join(dir, name)).catch(() => null);
      if (!stats || stats.mtime.getTime() >= before.getTime()) continue;
      if (await isStillUploading(uploadId)) continue;
      await fs.rm(path.join(dir, name), { force: true });
      removed += 1;
    }
    return removed;
  }

  /** S3: tus uploads of closed takes older than a day, then any multipart upload begun over a day ago and left. */
  async function cleanBucket(before: Date): Promise<number> {
    if (!isS3Storage(mediaStorage)) return 0;
    const closed = await db
      .selectFrom('takes')
      .select('upload_id')
      .where('upload_id', 'is not', null)
      .where('status', 'in', ['abandoned', 'failed'])
      .where('created_at', '<', before.toISOString())
      .execute();
    for (const { upload_id: uploadId } of closed) if (uploadId) await deps.uploads.discardUpload(uploadId);
    const uploading = new Set(
      (await db.selectFrom('takes').select('upload_id').where('status', '=', 'uploading').execute()).map(
        (r) => r.upload_id,
      ),
    );
    const aborted = await mediaStorage.abortMultipartUploadsBefore(before, {
      skip: (key) => uploading.has(key),
    });
    return aborted.length;
  }

  /** WAVs of older versions: deleted, and their columns emptied so nothing points at them. */
  async function deleteTranscriptWavs(): Promise<number> {
    let count = 0;
    for (;;) {
      const rows = await db
        .selectFrom('take_media')
        .select(['take_id', 'transcript_audio_key'])
        .where('transcript_audio_key', 'is not', null)
        .limit(batchSize)
        .execute();
      if (rows.length === 0) return count;
      for (const row of rows) {
        if (row.transcript_audio_key) await mediaStorage.delete(row.transcript_audio_key);
        await db
          .updateTable('take_media')
          .set({ transcript_audio_key: null, transcript_audio_mime: null, transcript_audio_bytes: null })
          .where('take_id', '=', row.take_id)
          .execute();
        count += 1;
      }
    }
  }

  return {
    async cleanStorage(): Promise<CleanupResult> {
      const before = new Date(deps.clock.now().getTime() - dayMs);
      return {
        discardedTakes: await discardUnchosenTakes(),
        tempFiles: await cleanTempFolder(before),
        multipartUploads: await cleanBucket(before),
        wavFiles: await deleteTranscriptWavs(),
      };
    },
  };
}

export type StorageCleanup = ReturnType<typeof createStorageCleanup>;
