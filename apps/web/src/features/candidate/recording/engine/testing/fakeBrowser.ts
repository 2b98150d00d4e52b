import { vi } from 'vitest';
import { TakeRegistry } from '../activeTakes.ts';
import type { StoredTakeMeta } from '../chunkStore.ts';
import { createEngine } from '../engine.ts';
import { Sha256 } from '../hash.ts';
import type { EnginePorts, LocalStore, RecorderPort } from '../ports.ts';
import type { TakeRecording } from '../recorder.ts';
import type { SavedTakeRecord } from '../savedTakesLog.ts';
import { createTabLocks, type LockManagerLike } from '../tabLocks.ts';
import { tusPort } from '../tusAttempt.ts';
import { FakeTakeServer } from './fakeTakeServer.ts';

/**
 * A browser for the engine's unit tests: a MediaRecorder that delivers the chunks a test asks for, IndexedDB as an
 * in-memory chunk store (with a quota), Web Locks shared by the tabs of one browser, the network, and the
 * engine's tus client talking to FakeTakeServer. Timers and the monotonic clock are Vitest's fake ones.
 */

/** Every byte the recorders produced, in order, so a test can compare the server's copy with it. */
class Tape {
  private next = 0;
  bytes(size: number): Uint8Array<ArrayBuffer> {
    return Uint8Array.from({ length: size }, () => this.next++ % 251);
  }
}

export class FakeRecording implements TakeRecording {
  readonly mimeType = 'video/webm;codecs=vp8,opus';
  state: 'created' | 'recording' | 'stopped' = 'created';
  readonly produced: Uint8Array[] = [];

  constructor(
    private readonly options: Parameters<RecorderPort['create']>[0],
    private readonly tape: Tape,
    private readonly startFails: boolean,
  ) {}

  start(): Promise<void> {
    if (this.startFails) return Promise.reject(new Error('The recorder could not start'));
    this.state = 'recording';
    return Promise.resolve();
  }

  /** Like MediaRecorder: the last chunk comes before 'stop'. */
  stop(): Promise<void> {
    if (this.state === 'recording') {
      this.chunk(50);
      this.state = 'stopped';
    }
    return Promise.resolve();
  }

  /** The recorder delivers a chunk of `size` bytes. */
  chunk(size: number): void {
    if (this.state !== 'recording') throw new Error('Not recording');
    const bytes = this.tape.bytes(size);
    this.produced.push(bytes);
    this.options.onChunk(new Blob([bytes]));
  }

  fail(reason: 'track_ended' | 'recorder_error'): void {
    this.state = 'stopped';
    this.options.onFailure(reason);
  }

  /** Everything this recording produced, joined. */
  get bytes(): Uint8Array {
    return joined(this.produced);
  }
}

export function joined(parts: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

/** IndexedDB as the engine sees it (chunkStore.ts), with a quota that makes chunk writes fail. */
export class FakeStore implements LocalStore {
  readonly metas = new Map<string, StoredTakeMeta>();
  readonly chunks = new Map<string, Map<number, ArrayBuffer>>();
  /** Bytes of chunks the store takes before refusing (QuotaExceededError); null: no limit. */
  quotaBytes: number | null = null;
  /** Writes neither complete nor fail (Chromium's IndexedDB on a full disk, at times). */
  writesHang = false;

  private used(): number {
    let total = 0;
    for (const takeChunks of this.chunks.values())
      for (const data of takeChunks.values()) total += data.byteLength;
    return total;
  }

  saveTakeMeta(meta: StoredTakeMeta) {
    this.metas.set(meta.takeId, { ...meta });
    return Promise.resolve();
  }
  updateTakeMeta(takeId: string, changes: Partial<Omit<StoredTakeMeta, 'takeId'>>) {
    if (this.writesHang) return new Promise<void>(() => undefined);
    const meta = this.metas.get(takeId);
    if (meta) this.metas.set(takeId, { ...meta, ...changes });
    return Promise.resolve();
  }
  getTakeMeta(takeId: string) {
    const meta = this.metas.get(takeId);
    return Promise.resolve(meta ? { ...meta } : null);
  }
  putChunk(takeId: string, seq: number, data: ArrayBuffer) {
    if (this.writesHang) return new Promise<void>(() => undefined);
    if (this.quotaBytes !== null && this.used() + data.byteLength > this.quotaBytes) {
      return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    }
    const takeChunks = this.chunks.get(takeId) ?? new Map<number, ArrayBuffer>();
    takeChunks.set(seq, data.slice(0));
    this.chunks.set(takeId, takeChunks);
    const meta = this.metas.get(takeId);
    if (meta) {
      this.metas.set(takeId, {
        ...meta,
        bytes: meta.bytes + data.byteLength,
        chunks: Math.max(meta.chunks, seq + 1),
      });
    }
    return Promise.resolve();
  }
  readTakeBlob(takeId: string, type = '') {
    const takeChunks = [...(this.chunks.get(takeId)?.entries() ?? [])].sort(([a], [b]) => a - b);
    if (takeChunks.length === 0) return Promise.resolve(null);
    return Promise.resolve({
      blob: new Blob(
        takeChunks.map(([, data]) => data),
        { type },
      ),
      chunks: takeChunks.length,
    });
  }
  listTakeMetas() {
    return Promise.resolve([...this.metas.values()].map((meta) => ({ ...meta })));
  }
  deleteTake(takeId: string) {
    this.metas.delete(takeId);
    this.chunks.delete(takeId);
    return Promise.resolve();
  }
  /** The bytes kept of a take, joined. */
  bytesOf(takeId: string): Uint8Array {
    const takeChunks = [...(this.chunks.get(takeId)?.entries() ?? [])].sort(([a], [b]) => a - b);
    return joined(takeChunks.map(([, data]) => new Uint8Array(data)));
  }
}

/** navigator.locks of one browser: every tab sees the same locks; a tab that dies lets its locks go. */
export class FakeLockManager {
  readonly held = new Map<string, string>();

  forClient(client: string): LockManagerLike {
    return {
      request: (name, _options, callback) => {
        if (this.held.has(name)) return callback(null);
        this.held.set(name, client);
        return callback({ name }).finally(() => {
          if (this.held.get(name) === client) this.held.delete(name);
        });
      },
      query: () => Promise.resolve({ held: [...this.held.keys()].map((name) => ({ name })) }),
    };
  }

  crash(client: string): void {
    for (const [name, holder] of [...this.held]) if (holder === client) this.held.delete(name);
  }
}

class FakeNetwork {
  online = true;
  private readonly watchers = new Set<{ on: () => void; off: () => void }>();
  constructor(private readonly server: FakeTakeServer) {}
  watch(on: () => void, off: () => void): () => void {
    const watcher = { on, off };
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }
  goOffline(): void {
    this.online = false;
    this.server.down = true;
    for (const watcher of [...this.watchers]) watcher.off();
  }
  goOnline(): void {
    this.online = true;
    this.server.down = false;
    for (const watcher of [...this.watchers]) watcher.on();
  }
}

export type FakeTab = ReturnType<typeof makeTab>;

/** One browser: a server, IndexedDB and locks its tabs share, and the network. */
export function makeBrowser(options: { withoutLocks?: boolean } = {}) {
  const server = new FakeTakeServer();
  const store = new FakeStore();
  const locks = new FakeLockManager();
  const network = new FakeNetwork(server);
  const tape = new Tape();
  const browser = {
    server,
    store,
    locks,
    network,
    tab: (client: string) =>
      makeTab({ server, store, locks, network, tape, withoutLocks: !!options.withoutLocks }, client),
  };
  return browser;
}

function makeTab(
  world: {
    server: FakeTakeServer;
    store: FakeStore;
    locks: FakeLockManager;
    network: FakeNetwork;
    tape: Tape;
    withoutLocks: boolean;
  },
  client: string,
) {
  const recordings: FakeRecording[] = [];
  const saved: SavedTakeRecord[] = [];
  const marks: string[] = [];
  const revoked: string[] = [];
  let urls = 0;
  let startFails = false;
  const persistence = { asked: 0 };
  const ports: EnginePorts = {
    recorder: {
      create: (options) => {
        const recording = new FakeRecording(options, world.tape, startFails);
        recordings.push(recording);
        return recording;
      },
    },
    store: world.store,
    tus: tusPort(world.server.http(client)),
    api: world.server.api(client),
    locks: createTabLocks(world.withoutLocks ? undefined : world.locks.forClient(client)),
    registry: new TakeRegistry(),
    now: () => performance.now(),
    wallTime: () => new Date().toISOString(),
    timers: {
      setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
      clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
      setInterval: (callback, ms) => globalThis.setInterval(callback, ms),
      clearInterval: (handle) => globalThis.clearInterval(handle as ReturnType<typeof setInterval>),
    },
    isOnline: () => world.network.online,
    watchNetwork: (on, off) => world.network.watch(on, off),
    createHash: () => new Sha256(),
    hashBlob: async (blob) => new Sha256().update(await blob.arrayBuffer()).digestHex(),
    persistStorage: () => {
      persistence.asked++;
      return Promise.resolve(true);
    },
    createObjectUrl: () => `blob:fake/${client}/${++urls}`,
    revokeObjectUrl: (url) => void revoked.push(url),
    recordSavedTake: (record) => void saved.push(record),
    mark: (step) => void marks.push(step),
    clearMarks: () => void marks.splice(0),
    seed: () => 7,
  };
  return {
    client,
    ports,
    engine: createEngine(ports),
    recordings,
    saved,
    marks,
    revoked,
    persistence,
    /** The MediaStream handed to start(): the fake recorder never looks at it. */
    stream: {} as MediaStream,
    failNextRecorderStart: () => (startFails = true),
    /** The last recording this tab started. */
    recording: (): FakeRecording => {
      const last = recordings.at(-1);
      if (!last) throw new Error('Nothing recorded in this tab');
      return last;
    },
  };
}

/** Lets every promise and due timer run (the engine, tus-js-client and the fake server are all promise chains). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 25; i++) await vi.advanceTimersByTimeAsync(0);
}

export const fakeTimers = () =>
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'],
  });
