import fs from 'node:fs/promises';
import path from 'node:path';
import { jobNames, type InterviewSnapshot } from '@oneway/shared';
import { processingStepsTimeoutMs, type Ffmpeg } from '../../adapters/ffmpeg.ts';
import type { MediaStorage } from '../../adapters/media-storage.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { TakesTable } from '../../db/schema/takes.ts';
import { notFound } from '../../errors.ts';
import { jobLeaseMs, startHeartbeat } from '../../jobs/job-lease.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { isoIn, isoNow, type Clock } from '../../lib/time.ts';
import { parseAccommodations } from '../invitations/invitation-rows.ts';
import { decideMaxSeconds, findAnswerSeconds } from './duration-cap.ts';
import { derivedKeyOf, type DerivedExtension } from './media-keys.ts';
import * as repo from './media.repository.ts';
import type { TakeToProcess } from './media.repository.ts';
import { processRecording } from './process-recording.ts';
import { toProcessedValues, toTakeProcessing, type TakeProcessing } from './take-processing.ts';
import { describeProcessingError, localInputOf, storeDerivedFiles } from './work-files.ts';

/** Practice takes never reach reviewers, so they are never processed; neither is a take without its bytes. */
export const isProcessable = (take: TakesTable): boolean =>
  take.is_practice === 0 && take.status === 'uploaded';

/** Copying the original down from storage and the results up, beside ffmpeg's own limits. */
const storageMarginMs = 5 * 60_000;

/** Processing of saved takes with ffmpeg: queueing, the work itself and its state (retries: processing.service). */
export function createMediaService(deps: {
  db: Db;
  config: Config;
  clock: Clock;
  queue: JobQueue;
  mediaStorage: MediaStorage;
  ffmpeg: Ffmpeg;
}) {
  const { db, clock, mediaStorage } = deps;
  // Scratch space on the data volume (recordings can be large); one folder per try, removed after it.
  const workRoot = path.join(deps.config.dataDir, 'work');

  async function enqueue(takeId: string, dedupeKey: string): Promise<void> {
    await deps.queue.enqueue(jobNames.takeProcess, { takeId }, { dedupeKey });
  }

  // The answer's limit (its question's, stretched by accommodations, capped by MEDIA_MAX_SECONDS) bounds the work.
  const maxSecondsOf = (take: TakeToProcess): number => {
    const snapshot = JSON.parse(take.snapshot) as InterviewSnapshot;
    return decideMaxSeconds({
      answerSeconds: findAnswerSeconds(snapshot, take.question_id),
      accommodations: parseAccommodations(take.accommodations),
      mediaMaxSeconds: deps.config.mediaMaxSeconds,
    });
  };

  async function getReviewableTake(options: { organisationId: string; takeId: string }): Promise<TakesTable> {
    const take = await repo.findTakeOfOrganisation(db, options);
    if (!take || !isProcessable(take)) throw notFound('Take');
    return take;
  }

  return {
    /**
     * Queues a saved take's take.process job (once per take) and records it as queued. The job first: should the
     * row not be written, the job writes it when it runs; a row without a job would wait forever.
     */
    async queueTakeProcessing(options: { takeId: string; organisationId: string }): Promise<void> {
      await enqueue(options.takeId, `take/${options.takeId}/process`);
      await repo.insertQueuedTakeMedia(db, { ...options, now: isoNow(clock) });
    },

    /**
     * One try of the take.process job: remux, transcode, poster and transcript audio, stored next to the original
     * (which is never changed). Safe to run again: the same keys are replaced whole. A failure is recorded with its
     * reason (failed after the last try, queued before) and rethrown so the queue retries.
     */
    async processTake(options: {
      takeId: string;
      isLastAttempt: boolean;
      /** The job's: aborted at its timeout, so the try stops between steps (ffmpeg's own limits stop a step). */
      signal?: AbortSignal;
    }): Promise<{ durationMs: number } | null> {
      const take = await repo.findTakeToProcess(db, options.takeId);
      if (!take || !isProcessable(take)) return null;
      const startedAt = isoNow(clock);
      const lease = { takeId: take.id, organisationId: take.organisation_id, now: startedAt };
      // Another try holds the take (a sweep or retry beside a slow try) or it is ready: nothing to do here.
      const leaseExpiresAt = isoIn(clock, jobLeaseMs);
      // Before the claim: a disk that cannot take the work folder fails the try without holding the take.
      await fs.mkdir(workRoot, { recursive: true });
      if (!(await repo.claimTakeProcessing(db, { ...lease, leaseExpiresAt }))) return null;
      const stopHeartbeat = startHeartbeat({
        everyMs: jobLeaseMs / 4,
        renew: () =>
          repo.renewTakeLease(db, { takeId: take.id, startedAt, leaseExpiresAt: isoIn(clock, jobLeaseMs) }),
        // A missed renewal is retried at the next beat; the lease outlasts a few.
        onError: () => {},
      });
      let workDir: string | undefined;
      try {
        workDir = await fs.mkdtemp(path.join(workRoot, `${take.id}-`));
        const maxSeconds = maxSecondsOf(take);
        const inputPath = await localInputOf(mediaStorage, take.storage_key, workDir);
        options.signal?.throwIfAborted();
        const result = await processRecording(deps.ffmpeg, { inputPath, workDir, maxSeconds });
        options.signal?.throwIfAborted();
        const keyOf = (extension: DerivedExtension) => derivedKeyOf(take, extension);
        await storeDerivedFiles(mediaStorage, result.files, keyOf);
        // Erased while it was processed: what was just stored is removed, so no file outlives the erasure.
        if (!(await repo.findTakeToProcess(db, take.id))) {
          for (const file of result.files) await mediaStorage.delete(keyOf(file.extension));
          return null;
        }
        await repo.markProcessingReady(db, {
          takeId: take.id,
          now: isoNow(clock),
          values: toProcessedValues(result, keyOf),
        });
        return { durationMs: result.durationMs };
      } catch (err) {
        // Erased meanwhile (its original gone from under ffmpeg): nothing to retry and nobody to tell.
        if (!(await repo.findTakeToProcess(db, take.id))) return null;
        await repo.markProcessingFailed(db, {
          takeId: take.id,
          error: describeProcessingError(err),
          isFinal: options.isLastAttempt,
          now: isoNow(clock),
        });
        throw err;
      } finally {
        stopHeartbeat();
        if (workDir) await fs.rm(workDir, { recursive: true, force: true });
      }
    },

    /**
     * How long one try at this take may run: every ffmpeg step's limit for the answer's longest processed length,
     * plus time to move files in and out of storage (a 2-minute answer: ~23 min; 30 minutes: ~1 h 50).
     */
    async resolveProcessingTimeoutMs(takeId: string): Promise<number> {
      const take = await repo.findTakeToProcess(db, takeId);
      const maxSeconds = take ? maxSecondsOf(take) : deps.config.mediaMaxSeconds;
      return processingStepsTimeoutMs(maxSeconds) + storageMarginMs;
    },

    /** Where processing of a take of this organisation stands; practice and unsaved takes are not found. */
    async getTakeProcessing(options: { organisationId: string; takeId: string }): Promise<TakeProcessing> {
      const take = await getReviewableTake(options);
      return toTakeProcessing(take.id, await repo.findTakeMedia(db, take.id));
    },
  };
}

export type MediaService = ReturnType<typeof createMediaService>;
