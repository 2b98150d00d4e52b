/** What the orchestrator and the load workers exchange (structured-clone friendly). */

/** One simulated recording candidate: an upload already created, sent to from its own loopback address. */
export interface ClientSpec {
  index: number;
  /** Absolute URL of the upload (tus upload URL, or the floor's file URL). */
  uploadUrl: string;
  /** Headers sent with every PATCH besides offset, type and length (cookie, CSRF header, Tus-Resumable). */
  headers: Record<string, string>;
  /** 127.x.y.z this candidate sends from, so per-IP limits see one browser per candidate. */
  localAddress: string;
  /** Offset of the first chunk within each second, so candidates are not synchronised. */
  phaseMs: number;
  /** Oneway only: the take behind the upload, to check it was saved after the run. */
  takeId?: string;
}

export interface WorkerInput {
  clients: ClientSpec[];
  seconds: number;
  chunkBytes: number;
  /** After the last second, how long in-flight chunks may still be acknowledged before the count. */
  graceMs: number;
  /** A client that fell behind sends at most this many pending chunks in one PATCH (as a stream source would). */
  maxChunksPerPatch: number;
  /**
   * Open each candidate's connection before the load (with a tus HEAD), as the page's is already open from the
   * requests that created its upload a moment before. Off: every first PATCH opens a new connection, all within
   * the first second, as when every candidate reconnects at once after a restart.
   */
  warmConnections: boolean;
}

/** Worker -> orchestrator once its candidates are built; the orchestrator answers with a StartMessage. */
export interface ReadyMessage {
  type: 'ready';
}

export interface StartMessage {
  /** performance.timeOrigin + performance.now() of the first second, shared by every worker. */
  startAt: number;
}

export interface ProgressMessage {
  type: 'progress';
  producedBytes: number;
  ackedBytes: number;
}

export interface ClientResult {
  index: number;
  producedBytes: number;
  ackedBytes: number;
  /** Offset the server confirmed last (what a final PATCH continues from). */
  offset: number;
  errors: number;
  lastError: string | null;
}

export interface WorkerResult {
  type: 'result';
  clients: ClientResult[];
  /** PATCH start -> response headers (204), one per PATCH, ms. */
  patchMs: number[];
  /** When each of those PATCHes started, seconds after the load began. */
  patchStartS: number[];
  /** Chunk due -> its PATCH acknowledged, one per acknowledged chunk, ms (includes waiting behind earlier ones). */
  ackLagMs: number[];
  /** How late the generator's timers fired against the schedule, ms (the generator's own lag). */
  timerLateMs: number[];
  /** Event-loop utilisation of this worker over the run (1 = saturated). */
  elu: number;
  eventLoopDelayP99Ms: number;
}

export type WorkerMessage = ReadyMessage | ProgressMessage | WorkerResult;
