import { deletingTakes, finishingTakes, recordingTakes, type FinishedTake } from './activeTakes.ts';
import { deleteTake, getTakeMeta, listTakeMetas, readTakeBlob, updateTakeMeta } from './chunkStore.ts';
import { finishTake } from './finishTake.ts';
import type { TakeStatePatch } from './liveTake.ts';
import { chunkIntervalMs } from './recorder.ts';
import { RecordingBuffer } from './recordingBuffer.ts';
import { startTakeUpload } from './takeUploader.ts';
import type { RecoverableTake, TakeRecorderState } from './types.ts';

/** A copy the server refused is kept this long (for support), then deleted. */
const refusedCopyDays = 14;

/**
 * Takes kept on this device whose upload never finished (reload, crash, closed tab), newest first. Takes the
 * server refused, and takes this tab is recording right now, are left out; a take this tab is still uploading is
 * listed (resuming it joins that upload). Empty takes (the page died within the first second) and refused
 * copies older than two weeks are deleted.
 */
export async function listRecoverableTakes(): Promise<RecoverableTake[]> {
  const metas = await listTakeMetas();
  const takes: RecoverableTake[] = [];
  const expired = new Date(Date.now() - refusedCopyDays * 86_400_000).toISOString();
  for (const meta of metas) {
    if (meta.refusedAt !== null && meta.refusedAt < expired)
      await deleteTake(meta.takeId).catch(() => undefined);
    if (meta.refusedAt !== null || recordingTakes.has(meta.takeId) || deletingTakes.has(meta.takeId))
      continue;
    if (meta.bytes === 0 && !finishingTakes.has(meta.takeId)) {
      await deleteTake(meta.takeId).catch(() => undefined);
      continue;
    }
    takes.push({
      takeId: meta.takeId,
      questionId: meta.questionId,
      mimeType: meta.mimeType,
      bytes: meta.bytes,
      seconds: meta.durationMs !== null ? meta.durationMs / 1000 : (meta.chunks * chunkIntervalMs) / 1000,
      recordedAt: meta.startedAt,
    });
  }
  return takes.sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
}

/** Forgets a recovered take on this device (the candidate chose a fresh take instead). */
export async function discardRecoveredTake(takeId: string): Promise<void> {
  if (recordingTakes.has(takeId) || finishingTakes.has(takeId)) return;
  await deleteTake(takeId);
}

export interface ResumeOptions {
  /** Progress while the upload catches up (bytesUploaded) and the outcome. */
  onState?: (patch: TakeStatePatch) => void;
  /** Gets an object URL of the recovered recording to play back (the caller revokes it). */
  withPlaybackUrl?: boolean;
}

/**
 * Finishes a recovered take: sends what the server does not have yet from the local copy (same upload URL;
 * HEAD tells the offset), declares the length and compares checksums. Resolves with the final state, phase
 * 'saved' or 'failed' (upload_refused: the server no longer takes it, or holds something else). Rejects only when
 * this device keeps no copy of the take.
 */
export async function resumeRecoveredTake(
  takeId: string,
  options: ResumeOptions = {},
): Promise<TakeRecorderState> {
  if (recordingTakes.has(takeId)) throw new Error('This take is still being recorded');
  const meta = await getTakeMeta(takeId);
  const stored = await readTakeBlob(takeId, meta?.mimeType);
  if (!meta || !stored) throw new Error('This device keeps no recording of this take');
  let state: TakeRecorderState = {
    phase: 'finishing',
    takeId,
    elapsedMs: meta.durationMs ?? stored.chunks * chunkIntervalMs,
    bytesRecorded: stored.blob.size,
    bytesUploaded: 0,
    online: navigator.onLine,
    takesLeft: null,
    playbackUrl: options.withPlaybackUrl ? URL.createObjectURL(stored.blob) : null,
    failure: null,
  };
  const emit = (patch: TakeStatePatch) => {
    state = { ...state, ...patch };
    options.onState?.(patch);
  };
  emit(state);

  let finished = finishingTakes.get(takeId);
  if (!finished) {
    const upload = startTakeUpload({
      takeId,
      endpoint: meta.endpoint,
      uploadUrl: meta.uploadUrl,
      buffer: RecordingBuffer.fromBlob(stored.blob),
      onUploadUrl: (url) => void updateTakeMeta(takeId, { uploadUrl: url }).catch(() => undefined),
      onAccepted: (bytes) => emit({ bytesUploaded: bytes }),
    });
    const job: Promise<FinishedTake> = finishTake({ ...meta, blob: stored.blob, upload });
    finished = job;
    finishingTakes.set(takeId, job);
    void job.finally(() => finishingTakes.delete(takeId)).catch(() => undefined);
  }
  const result = await finished;
  emit(result.phase === 'saved' ? { phase: 'saved', bytesUploaded: stored.blob.size } : result);
  return state;
}
