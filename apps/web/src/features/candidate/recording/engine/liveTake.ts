import { finishingTakes, recordingTakes, type FinishedTake } from './activeTakes.ts';
import { putChunk, saveTakeMeta, updateTakeMeta, type StoredTakeMeta } from './chunkStore.ts';
import { finishTake } from './finishTake.ts';
import { openTake } from './openTake.ts';
import { createTakeRecording, type RecorderFailure, type TakeRecording } from './recorder.ts';
import { RecordingBuffer } from './recordingBuffer.ts';
import { Sha256 } from './sha256.ts';
import { clearTakeMarks, markTake } from './takeMarks.ts';
import { startTakeUpload, type TakeUpload } from './takeUploader.ts';
import type { StartTakeOptions, TakeRecorderState } from './types.ts';

export type TakeStatePatch = Partial<Omit<TakeRecorderState, 'online'>>;

export interface LiveTake {
  /** Resolves once recording runs, or the take could not start (phase 'failed' reported); rejects when the take
   * could not be opened for another reason (offline, consent missing), with nothing recorded. */
  readonly ready: Promise<void>;
  /** Stops recording; resolves once the recording is complete locally (phase 'finishing' reported). */
  stop(): Promise<void>;
  /** Stops reporting. A take still recording is stopped; its upload goes on to the end without a listener. A take
   * still being opened records nothing. */
  detach(): void;
}

const tickMs = 250;

/**
 * One take from opening to saved: every recorder chunk is committed to IndexedDB, then handed to the tus upload
 * that runs for the whole recording. Reports its progress as patches of TakeRecorderState.
 */
export function startLiveTake(options: StartTakeOptions, report: (patch: TakeStatePatch) => void): LiveTake {
  let listener: ((patch: TakeStatePatch) => void) | null = report;
  const emit = (patch: TakeStatePatch) => listener?.(patch);
  const buffer = new RecordingBuffer();
  // The SHA-256 of the recording so far, fed each chunk as it is recorded; null if a chunk could not be read
  // (the whole recording is then hashed at stop).
  let hash: Sha256 | null = new Sha256();
  let meta: StoredTakeMeta | null = null;
  let recording: TakeRecording | null = null;
  let upload: TakeUpload | null = null;
  // Every IndexedDB write, in order; a chunk reaches the uploader only after its write.
  let persisting: Promise<void> = Promise.resolve();
  let canPersist = true;
  let seq = 0;
  let startedAtMs = 0;
  let ticker: ReturnType<typeof setInterval> | undefined;
  let ending: Promise<void> | null = null;
  let stopWanted = false;
  let accepted = 0;

  const persist = (write: () => Promise<void>) => {
    persisting = persisting.then(async () => {
      if (!canPersist) return;
      try {
        await write();
      } catch (error) {
        // Without a complete local copy the live upload is the only one: it carries on.
        canPersist = false;
        console.warn('The local copy of the take could not be written', error);
      }
    });
  };

  const onChunk = (chunk: Blob) => {
    const take = meta;
    if (!take) return;
    const n = seq++;
    const data = chunk.arrayBuffer();
    data.catch(() => undefined);
    // Hashed in recording order, before the chunk joins the buffer (whose bytes the digest must describe).
    persisting = persisting.then(async () => {
      try {
        hash?.update(await data);
      } catch {
        hash = null;
      }
    });
    persist(async () => putChunk(take.takeId, n, await data));
    persisting = persisting.then(() => {
      buffer.append(chunk);
      emit({ bytesRecorded: buffer.size });
    });
  };

  const elapsed = () => performance.now() - startedAtMs;

  /**
   * Stops the recorder and completes the local copy; returns the recording as one Blob, and its SHA-256 when
   * every chunk was hashed as it came.
   */
  async function endRecording(): Promise<{ blob: Blob; sha256: string | null }> {
    buffer.holdUntilEnd();
    clearInterval(ticker);
    const durationMs = elapsed();
    emit({ elapsedMs: durationMs });
    await recording?.stop();
    markTake('recorder-stopped', { bytes: buffer.size });
    await persisting;
    buffer.end();
    markTake('recording-ended', { bytes: buffer.size, chunks: seq });
    if (meta) {
      const { takeId } = meta;
      persist(() => updateTakeMeta(takeId, { stoppedAt: new Date().toISOString(), durationMs }));
    }
    const sha256 = hash?.digestHex() ?? null;
    hash = null;
    return { blob: buffer.toBlob(recording?.mimeType ?? ''), sha256 };
  }

  const playbackUrlOf = (blob: Blob) => (listener && blob.size > 0 ? URL.createObjectURL(blob) : null);

  /**
   * Ends a take that cannot be saved while it is still recording. The next take (free after this failure) ends
   * this one on the server, so its upload stops before the recording's end could let it declare a length and
   * finish. The local copy stays: offered for recovery after a camera or recorder failure, not after a refusal.
   */
  function failTechnically(reason: RecorderFailure | 'upload_refused'): void {
    if (ending) return;
    upload?.abort();
    ending = (async () => {
      const { blob } = await endRecording();
      if (meta) {
        const { takeId } = meta;
        recordingTakes.delete(takeId);
        if (reason === 'upload_refused') {
          persist(() => updateTakeMeta(takeId, { refusedAt: new Date().toISOString() }));
        }
      }
      emit({ phase: 'failed', failure: { kind: 'technical', reason }, playbackUrl: playbackUrlOf(blob) });
    })();
  }

  function stop(): Promise<void> {
    if (ending) return ending;
    if (!recording || !meta || !upload) {
      stopWanted = true;
      // Never rejects: a take that could not be opened was reported by start() already.
      return ready.then(
        () => ending ?? undefined,
        () => undefined,
      );
    }
    const take = meta;
    const takeUpload = upload;
    markTake('stop', { bytesRecorded: buffer.size, bytesAccepted: accepted });
    ending = (async () => {
      const { blob, sha256 } = await endRecording();
      const finished = finishTake({ ...take, blob, upload: takeUpload, ...(sha256 ? { sha256 } : {}) });
      finishingTakes.set(take.takeId, finished);
      recordingTakes.delete(take.takeId);
      emit({ phase: 'finishing', playbackUrl: playbackUrlOf(blob) });
      void finished
        .catch((error: unknown): FinishedTake => {
          console.error('Finishing the take failed', error);
          return { phase: 'failed', failure: { kind: 'technical', reason: 'upload_refused' } };
        })
        .then((result) => {
          finishingTakes.delete(take.takeId);
          emit(result.phase === 'saved' ? { phase: 'saved' } : result);
        });
    })();
    return ending;
  }

  async function begin(): Promise<void> {
    clearTakeMarks();
    const opened = await openTake({
      questionId: options.questionId,
      ...(options.reason ? { reason: options.reason } : {}),
    });
    if (!opened.ok) {
      emit({ phase: 'failed', failure: opened.failure });
      return;
    }
    // Let go of before recording began (the page reset or left): record nothing. The take stays open and
    // unfinished on the server, so the next one of this question may be free.
    if (!listener) return;
    const { takeId, takesLeft, uploadUrl } = opened.take;
    emit({ takeId, takesLeft });
    try {
      recording = createTakeRecording({
        stream: options.stream,
        kind: options.kind,
        onChunk,
        onFailure: failTechnically,
      });
    } catch (error) {
      console.warn('The recorder could not be created', error);
      emit({ phase: 'failed', failure: { kind: 'technical', reason: 'recorder_error' } });
      return;
    }
    const take: StoredTakeMeta = {
      takeId,
      questionId: options.questionId,
      kind: options.kind,
      mimeType: recording.mimeType,
      startedAt: new Date().toISOString(),
      endpoint: new URL(uploadUrl, window.location.href).href,
      uploadUrl: null,
      stoppedAt: null,
      durationMs: null,
      refusedAt: null,
      bytes: 0,
      chunks: 0,
    };
    meta = take;
    recordingTakes.add(takeId);
    persist(() => saveTakeMeta(take));
    try {
      await recording.start();
    } catch (error) {
      recordingTakes.delete(takeId);
      // A camera that went away while starting has already been reported as track_ended.
      if (ending) return;
      console.warn('The recorder could not start', error);
      emit({ phase: 'failed', failure: { kind: 'technical', reason: 'recorder_error' } });
      return;
    }
    startedAtMs = performance.now();
    upload = startTakeUpload({
      takeId,
      endpoint: take.endpoint,
      uploadUrl: null,
      buffer,
      onUploadUrl: (url) => persist(() => updateTakeMeta(takeId, { uploadUrl: url })),
      onAccepted: (bytes) => {
        accepted = bytes;
        emit({ bytesUploaded: bytes });
      },
    });
    // Refused while still recording (another tab opened a newer take, the session ended...): every further
    // second would be lost, so the take fails now and the candidate gets a free one.
    void upload.done.then((outcome) => {
      if (outcome.kind !== 'refused' || ending) return;
      console.warn('The server refused the upload of take', takeId, 'while recording', outcome);
      failTechnically('upload_refused');
    });
    ticker = setInterval(() => emit({ elapsedMs: elapsed() }), tickMs);
    emit({ phase: 'recording', elapsedMs: 0 });
    if (stopWanted) void stop();
  }

  const ready = begin();
  return {
    ready,
    stop,
    detach() {
      listener = null;
      void stop();
    },
  };
}
