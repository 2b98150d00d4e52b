/**
 * The local copy of every take, in IndexedDB, until the server holds every byte: one metadata record per take and
 * its recorder chunks keyed by [takeId, seq]. A small promise wrapper; no library. Chunks are stored as
 * ArrayBuffers, not Blobs: Safari has lost Blobs kept in IndexedDB across reloads, which is exactly when we need them.
 */

export interface StoredTakeMeta {
  takeId: string;
  questionId: string;
  kind: 'video' | 'audio';
  mimeType: string;
  startedAt: string;
  /** Where the tus upload is created (absolute URL). */
  endpoint: string;
  /** The tus upload's own URL, stored as soon as the server names it. */
  uploadUrl: string | null;
  stoppedAt: string | null;
  /** Length of the recording once stopped; null when the page died while recording. */
  durationMs: number | null;
  /** Set when the server refused the upload or its copy differs: kept, but no longer offered for recovery. */
  refusedAt: string | null;
  /** Bytes and chunks kept so far (updated with each chunk, in the same transaction). */
  bytes: number;
  chunks: number;
}

interface StoredChunk {
  takeId: string;
  seq: number;
  data: ArrayBuffer;
}

const dbName = 'oneway-recordings';
const takesStore = 'takes';
const chunksStore = 'chunks';
// Written data must survive a crash of the browser, not only of the tab.
const durable: IDBTransactionOptions = { durability: 'strict' };

let opening: Promise<IDBDatabase> | null = null;

function openDatabase(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(dbName, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore(takesStore, { keyPath: 'takeId' });
      db.createObjectStore(chunksStore, { keyPath: ['takeId', 'seq'] });
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another tab upgrading the database asks us to let go; the next call opens it again.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
    request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  }).catch((error: unknown) => {
    opening = null;
    throw error;
  });
  return opening;
}

/** Runs `work` in one transaction and resolves with its result once the transaction has committed. */
async function inTransaction<T>(
  stores: string[],
  mode: IDBTransactionMode,
  work: (tx: IDBTransaction) => Promise<T> | T,
): Promise<T> {
  const db = await openDatabase();
  const tx = db.transaction(stores, mode, mode === 'readwrite' ? durable : undefined);
  const committed = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
  // Observed now, so a transaction that aborts while `work` still runs is not an unhandled rejection.
  committed.catch(() => undefined);
  const result = await work(tx);
  await committed;
  return result;
}

function requested<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** All chunks of a take, in order. */
const chunkRange = (takeId: string) => IDBKeyRange.bound([takeId, 0], [takeId, Number.MAX_SAFE_INTEGER]);

export function saveTakeMeta(meta: StoredTakeMeta): Promise<void> {
  return inTransaction([takesStore], 'readwrite', (tx) => {
    tx.objectStore(takesStore).put(meta);
  });
}

/** Changes some fields of a take's metadata; nothing when the take is gone. */
export function updateTakeMeta(
  takeId: string,
  changes: Partial<Omit<StoredTakeMeta, 'takeId'>>,
): Promise<void> {
  return inTransaction([takesStore], 'readwrite', async (tx) => {
    const store = tx.objectStore(takesStore);
    const meta = (await requested(store.get(takeId))) as StoredTakeMeta | undefined;
    if (meta) store.put({ ...meta, ...changes });
  });
}

export function getTakeMeta(takeId: string): Promise<StoredTakeMeta | null> {
  return inTransaction([takesStore], 'readonly', async (tx) => {
    const meta = (await requested(tx.objectStore(takesStore).get(takeId))) as StoredTakeMeta | undefined;
    return meta ?? null;
  });
}

/** Keeps one recorder chunk and counts it in the take's metadata; resolves only once both are committed. */
export async function putChunk(takeId: string, seq: number, data: ArrayBuffer): Promise<void> {
  const record: StoredChunk = { takeId, seq, data };
  await inTransaction([takesStore, chunksStore], 'readwrite', async (tx) => {
    tx.objectStore(chunksStore).put(record);
    const takes = tx.objectStore(takesStore);
    const meta = (await requested(takes.get(takeId))) as StoredTakeMeta | undefined;
    if (meta)
      takes.put({ ...meta, bytes: meta.bytes + data.byteLength, chunks: Math.max(meta.chunks, seq + 1) });
  });
}

/** Every chunk of a take joined in order, and how many there were; null when none are kept. */
export async function readTakeBlob(
  takeId: string,
  type = '',
): Promise<{ blob: Blob; chunks: number } | null> {
  const chunks = await inTransaction([chunksStore], 'readonly', (tx) =>
    requested(tx.objectStore(chunksStore).getAll(chunkRange(takeId))),
  );
  const ordered = (chunks as StoredChunk[]).sort((a, b) => a.seq - b.seq);
  if (ordered.length === 0) return null;
  return {
    blob: new Blob(
      ordered.map((c) => c.data),
      { type },
    ),
    chunks: ordered.length,
  };
}

export function listTakeMetas(): Promise<StoredTakeMeta[]> {
  return inTransaction([takesStore], 'readonly', async (tx) => {
    return (await requested(tx.objectStore(takesStore).getAll())) as StoredTakeMeta[];
  });
}

/** Forgets a take: its metadata and every chunk, in one transaction. */
export function deleteTake(takeId: string): Promise<void> {
  return inTransaction([takesStore, chunksStore], 'readwrite', (tx) => {
    tx.objectStore(takesStore).delete(takeId);
    tx.objectStore(chunksStore).delete(chunkRange(takeId));
  });
}
