import fs from 'node:fs';

/** A file descriptor lent out by OpenFiles; `release` once done with it (more than once is harmless). */
export interface OpenFile {
  fd: number;
  release(): void;
  /** Not to be handed out again (it failed): closed once released by all; the next acquire opens it afresh. */
  discard(): void;
}

interface Entry {
  path: string;
  opened: Promise<{ fd: number; ino: number }>;
  users: number;
  lastUsed: number;
  /** No longer handed out: closed once its last user releases it. */
  dropped: boolean;
  closed: boolean;
}

/**
 * Files kept open between uses, so a path read or written many times in a row (a recording's chunk every second,
 * a player's range requests) costs one open instead of an open and a close each time. Reads and writes go through
 * positional calls, so several users can share a descriptor. A file unused for `idleMs` is closed; one discarded
 * while in use is closed when its last user releases it.
 */
export class OpenFiles {
  private readonly entries = new Map<string, Entry>();
  private readonly sweep: NodeJS.Timeout;

  constructor(private readonly options: { flags: 'r' | 'r+'; idleMs: number }) {
    this.sweep = setInterval(() => this.closeIdle(), Math.max(1000, options.idleMs / 3));
    this.sweep.unref();
  }

  /**
   * The open file at `filePath`. With `ino` (from a fresh stat of the path), a descriptor opened on another file,
   * one since replaced or deleted, is dropped and the path opened again, so no stale bytes are read.
   */
  async acquire(filePath: string, ino?: number): Promise<OpenFile> {
    const entry = this.entryOf(filePath);
    entry.users += 1;
    let opened: { fd: number; ino: number };
    try {
      opened = await entry.opened;
    } catch (err) {
      this.release(entry);
      this.drop(entry);
      throw err;
    }
    if (ino !== undefined && opened.ino !== ino) {
      this.release(entry);
      this.drop(entry);
      return this.acquire(filePath);
    }
    let released = false;
    return {
      fd: opened.fd,
      release: () => {
        if (released) return;
        released = true;
        this.release(entry);
      },
      discard: () => this.drop(entry),
    };
  }

  /** Closes the file at `filePath` (now, or when its last user releases it); the next acquire opens it afresh. */
  discard(filePath: string): void {
    const entry = this.entries.get(filePath);
    if (entry) this.drop(entry);
  }

  closeAll(): void {
    clearInterval(this.sweep);
    for (const entry of [...this.entries.values()]) this.drop(entry);
  }

  /** How many files are open or opening (for tests and metrics). */
  get size(): number {
    return this.entries.size;
  }

  private entryOf(filePath: string): Entry {
    const known = this.entries.get(filePath);
    if (known) return known;
    const opened = openWithInode(filePath, this.options.flags);
    // A failed open is reported to the callers waiting on it; it is never left rejected and unhandled.
    opened.catch(() => undefined);
    const entry: Entry = { path: filePath, opened, users: 0, lastUsed: 0, dropped: false, closed: false };
    this.entries.set(filePath, entry);
    return entry;
  }

  private release(entry: Entry): void {
    entry.users -= 1;
    entry.lastUsed = Date.now();
    this.closeIfDone(entry);
  }

  private drop(entry: Entry): void {
    if (this.entries.get(entry.path) === entry) this.entries.delete(entry.path);
    entry.dropped = true;
    this.closeIfDone(entry);
  }

  private closeIfDone(entry: Entry): void {
    if (!entry.dropped || entry.users > 0 || entry.closed) return;
    entry.closed = true;
    entry.opened.then(
      ({ fd }) => fs.close(fd, () => undefined),
      () => undefined,
    );
  }

  private closeIdle(): void {
    const before = Date.now() - this.options.idleMs;
    for (const entry of [...this.entries.values()]) {
      if (entry.users === 0 && entry.lastUsed < before) this.drop(entry);
    }
  }
}

function openWithInode(filePath: string, flags: string): Promise<{ fd: number; ino: number }> {
  return new Promise((resolve, reject) => {
    fs.open(filePath, flags, (openErr, fd) => {
      if (openErr) {
        reject(openErr);
        return;
      }
      fs.fstat(fd, (statErr, stats) => {
        if (statErr) {
          fs.close(fd, () => reject(statErr));
          return;
        }
        resolve({ fd, ino: stats.ino });
      });
    });
  });
}
