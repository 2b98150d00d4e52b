import type { TakeMediaStatusValue, TakeMediaTable } from '../../db/schema/take-media.ts';
import type { DerivedExtension } from './media-keys.ts';
import type { ProcessedValues } from './media.repository.ts';
import type { DerivedFile, ProcessedRecording } from './process-recording.ts';

export interface StoredMediaFile {
  key: string;
  mime: string;
  bytes: number;
}

/** Where processing of one take stands, for admins and (later) the review pages. */
export interface TakeProcessing {
  takeId: string;
  /** not_queued: saved before processing existed, or its queueing was lost; an admin retry queues it. */
  status: TakeMediaStatusValue | 'not_queued';
  /** Why the last try failed. */
  error: string | null;
  attempts: number;
  sourceDurationMs: number | null;
  durationMs: number | null;
  /** The recording ran past the answer's limit and the processed media was cut (the original is whole). */
  isTrimmed: boolean;
  playback: StoredMediaFile | null;
  poster: StoredMediaFile | null;
  queuedAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

const fileOf = (key: string | null, mime: string | null, bytes: number | null): StoredMediaFile | null =>
  key !== null && mime !== null && bytes !== null ? { key, mime, bytes } : null;

export function toTakeProcessing(takeId: string, row: TakeMediaTable | undefined): TakeProcessing {
  if (!row) {
    return {
      takeId,
      status: 'not_queued',
      error: null,
      attempts: 0,
      sourceDurationMs: null,
      durationMs: null,
      isTrimmed: false,
      playback: null,
      poster: null,
      queuedAt: null,
      startedAt: null,
      finishedAt: null,
    };
  }
  return {
    takeId,
    status: row.status,
    error: row.error,
    attempts: row.attempts,
    sourceDurationMs: row.source_duration_ms,
    durationMs: row.duration_ms,
    isTrimmed: row.is_trimmed === 1,
    playback: fileOf(row.playback_key, row.playback_mime, row.playback_bytes),
    poster: fileOf(row.poster_key, row.poster_mime, row.poster_bytes),
    queuedAt: row.queued_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

/** The row's columns for what a successful try made, each file under the key `keyOf` gives it. */
export function toProcessedValues(
  result: ProcessedRecording,
  keyOf: (extension: DerivedExtension) => string,
): ProcessedValues {
  const columnsOf = (role: DerivedFile['role']) => {
    const file = result.files.find((f) => f.role === role);
    return file
      ? { key: keyOf(file.extension), mime: file.mime, bytes: file.bytes }
      : { key: null, mime: null, bytes: null };
  };
  const playback = columnsOf('playback');
  const poster = columnsOf('poster');
  return {
    source_duration_ms: result.sourceDurationMs,
    duration_ms: result.durationMs,
    is_trimmed: result.isTrimmed ? 1 : 0,
    playback_key: playback.key,
    playback_mime: playback.mime,
    playback_bytes: playback.bytes,
    poster_key: poster.key,
    poster_mime: poster.mime,
    poster_bytes: poster.bytes,
  };
}
