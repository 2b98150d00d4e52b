/** A view for one upload attempt: `slice` resolves the bytes in [start, end), `done` once nothing follows them. */
export interface RecordingSource {
  readonly size: number;
  slice(start: number, end: number): Promise<{ value: Blob | null; done: boolean }>;
  /** Ends this view: pending and later slices reject, so an abandoned upload attempt can never send again. */
  detach(): void;
}

/** The server claims more bytes than the recording holds: the two copies can no longer be the same. */
export class SourceOverrunError extends Error {
  constructor(
    /** The server's offset. */
    readonly offset: number,
    /** The bytes recorded here. */
    readonly size: number,
  ) {
    super(`The server's offset ${offset} is past the ${size} bytes recorded`);
    this.name = 'SourceOverrunError';
  }
}

export class SourceDetachedError extends Error {
  constructor() {
    super('This upload attempt was abandoned');
    this.name = 'SourceDetachedError';
  }
}

/**
 * The bytes of one take as MediaRecorder produces them, served to the upload from ANY offset. A stream source
 * drops what lies before the last offset it was asked for, so it cannot go back if the server kept less than it
 * acknowledged; this one keeps every chunk (the page keeps them for playback anyway), so each retry simply starts
 * at whatever offset the server reports. A slice returns what exists now instead of waiting for a full PATCH's
 * worth, so each recorder chunk leaves in its own PATCH as soon as it arrives, and the last PATCH carries the
 * length.
 */
export class RecordingBuffer {
  private readonly parts: { blob: Blob; start: number }[] = [];
  private total = 0;
  private ended = false;
  private holding = false;
  private readonly waiters = new Set<() => void>();

  /** A finished recording, e.g. one read back from IndexedDB after a reload. */
  static fromBlob(blob: Blob): RecordingBuffer {
    const buffer = new RecordingBuffer();
    if (blob.size > 0) buffer.append(blob);
    buffer.end();
    return buffer;
  }

  get size(): number {
    return this.total;
  }

  get isEnded(): boolean {
    return this.ended;
  }

  append(chunk: Blob): void {
    if (this.ended) throw new Error('The recording has ended');
    if (chunk.size === 0) return;
    this.parts.push({ blob: chunk, start: this.total });
    this.total += chunk.size;
    this.wake();
  }

  /**
   * The recording is stopping: hand out nothing more until end(), so the last chunk and the length travel in one
   * PATCH instead of two (one round trip less between stop and saved).
   */
  holdUntilEnd(): void {
    this.holding = true;
  }

  get isHolding(): boolean {
    return this.holding && !this.ended;
  }

  /** No more chunks will come: the upload may declare its length. */
  end(): void {
    this.ended = true;
    this.wake();
  }

  toBlob(type: string): Blob {
    return new Blob(
      this.parts.map((part) => part.blob),
      { type },
    );
  }

  /** Bytes [start, end) as one Blob, built from the chunks that overlap the range. */
  bytesBetween(start: number, end: number): Blob {
    const stop = Math.min(end, this.total);
    const pieces: Blob[] = [];
    for (const { blob, start: at } of this.parts.slice(this.firstPartAt(start))) {
      if (at >= stop) break;
      pieces.push(blob.slice(Math.max(0, start - at), Math.min(blob.size, stop - at)));
    }
    return new Blob(pieces);
  }

  /** A fresh view for one upload attempt. */
  createSource(): RecordingSource {
    return new BufferView(this);
  }

  /** Resolves at the next append or end, or when `cancel` is called. */
  nextChange(cancel: Set<() => void>): Promise<void> {
    return new Promise((resolve) => {
      const settle = () => {
        this.waiters.delete(settle);
        cancel.delete(settle);
        resolve();
      };
      this.waiters.add(settle);
      cancel.add(settle);
    });
  }

  private wake(): void {
    const waiting = [...this.waiters];
    this.waiters.clear();
    for (const resolve of waiting) resolve();
  }

  /** Index of the chunk holding byte `offset` (binary search over the chunk starts). */
  private firstPartAt(offset: number): number {
    let low = 0;
    let high = this.parts.length - 1;
    let found = 0;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if ((this.parts[mid]?.start ?? Infinity) <= offset) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found;
  }
}

class BufferView implements RecordingSource {
  private detached = false;
  private readonly cancel = new Set<() => void>();

  constructor(private readonly buffer: RecordingBuffer) {}

  get size(): number {
    return this.buffer.size;
  }

  async slice(start: number, end: number): Promise<{ value: Blob | null; done: boolean }> {
    const { buffer } = this;
    while (!this.detached && !buffer.isEnded && (buffer.isHolding || buffer.size <= start)) {
      await buffer.nextChange(this.cancel);
    }
    if (this.detached) throw new SourceDetachedError();
    if (start > buffer.size) throw new SourceOverrunError(start, buffer.size);
    const stop = Math.min(end, buffer.size);
    const value = stop > start ? buffer.bytesBetween(start, stop) : null;
    return { value, done: buffer.isEnded && stop === buffer.size };
  }

  detach(): void {
    this.detached = true;
    for (const wake of [...this.cancel]) wake();
  }
}
