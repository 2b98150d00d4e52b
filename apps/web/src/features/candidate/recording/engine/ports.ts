import type { TakeState } from '@oneway/shared';
import type { TakeRegistry } from './activeTakes.ts';
import type { StoredTakeMeta } from './chunkStore.ts';
import type { ApiAnswer, AttemptEventBody, StoredCopy } from './machine/state.ts';
import type { OpenTakeResult } from './openTake.ts';
import type { TakeRecording } from './recorder.ts';
import type { RecordingBuffer } from './recordingBuffer.ts';
import type { SavedTakeRecord } from './savedTakesLog.ts';
import type { TabLocks } from './tabLocks.ts';

/**
 * Everything the driver talks to, injected: the browser's MediaRecorder, IndexedDB, tus and the API, timers and
 * clocks, Web Locks. browserPorts.ts builds the real ones; the unit tests pass fakes.
 */

export interface RecorderPort {
  create(options: {
    stream: MediaStream;
    kind: 'video' | 'audio';
    onChunk: (chunk: Blob) => void;
    onFailure: (reason: 'track_ended' | 'recorder_error') => void;
  }): TakeRecording;
}

/** The local copy (chunkStore.ts). */
export interface LocalStore {
  saveTakeMeta(meta: StoredTakeMeta): Promise<void>;
  updateTakeMeta(takeId: string, changes: Partial<Omit<StoredTakeMeta, 'takeId'>>): Promise<void>;
  getTakeMeta(takeId: string): Promise<StoredTakeMeta | null>;
  putChunk(takeId: string, seq: number, data: ArrayBuffer): Promise<void>;
  readTakeBlob(takeId: string, type?: string): Promise<{ blob: Blob; chunks: number } | null>;
  listTakeMetas(): Promise<StoredTakeMeta[]>;
  deleteTake(takeId: string): Promise<void>;
}

export type { AttemptEventBody };

/** One tus attempt (see tusAttempt.ts): it reports what happens as events until it succeeds or fails once. */
export interface TusPort {
  startAttempt(options: {
    takeId: string;
    endpoint: string;
    url: string | null;
    buffer: RecordingBuffer;
    onEvent: (event: AttemptEventBody) => void;
  }): { abort(): void };
}

/** The candidate API calls of a take (takeApi.ts). */
export interface TakeApiPort {
  /** `endpoint` of an opened take is the absolute address where its tus upload is created. */
  openTake(input: {
    questionId: string;
    reason: 'technical_failure' | 'recovery' | null;
    takeOver: boolean;
  }): Promise<OpenTakeResult>;
  takeState(takeId: string): Promise<ApiAnswer<TakeState>>;
  prefixSha256(takeId: string, bytes: number): Promise<ApiAnswer<StoredCopy>>;
  finishUploadAt(url: string, length: number): Promise<ApiAnswer<StoredCopy | null>>;
}

export interface IncrementalHash {
  update(data: Uint8Array | ArrayBuffer): unknown;
  digestHex(): string;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface EnginePorts {
  recorder: RecorderPort;
  store: LocalStore;
  tus: TusPort;
  api: TakeApiPort;
  locks: TabLocks;
  registry: TakeRegistry;
  /** A monotonic clock in milliseconds (performance.now()): every duration is measured on it. */
  now(): number;
  /** The wall clock as an ISO string: only labels kept with the local copy. */
  wallTime(): string;
  timers: Timers;
  isOnline(): boolean;
  /** Calls back on the browser's 'online' and 'offline' events; returns the unsubscribe. */
  watchNetwork(onOnline: () => void, onOffline: () => void): () => void;
  createHash(): IncrementalHash;
  hashBlob(blob: Blob): Promise<string>;
  /** navigator.storage.persist(), when there is one. */
  persistStorage(): Promise<unknown>;
  createObjectUrl(blob: Blob): string;
  revokeObjectUrl(url: string): void;
  recordSavedTake(record: SavedTakeRecord): void;
  /** Performance marks of the way from stop to "saved" (takeMarks.ts), cleared when a take begins. */
  mark(step: string, detail?: Record<string, unknown>): void;
  clearMarks(): void;
  /** A 32-bit seed for the random source that spreads retries. */
  seed(): number;
}
