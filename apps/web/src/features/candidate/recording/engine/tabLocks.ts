/**
 * One tab records at a time (Web Locks). A tab holds the tab-wide recording lock while one of its takes records
 * or finishes, and each take's own lock for as long; a second tab's start() finds the recording lock taken and
 * opens nothing on the server, and a recovery offer never touches a take whose lock another tab holds. Locks go
 * with the tab (closed, crashed, reloaded), so nothing can stay locked for ever.
 *
 * Without navigator.locks (browsers before 2022) this falls back to today's behaviour: every lock is granted and
 * no take counts as held elsewhere. A BroadcastChannel cannot make the check and the claim one step, so it would
 * only narrow the race, not close it.
 */

/** The part of the Web Locks API used here (navigator.locks). */
export interface LockManagerLike {
  request(
    name: string,
    options: { ifAvailable: true },
    callback: (lock: unknown) => Promise<unknown>,
  ): Promise<unknown>;
  query(): Promise<{ held?: { name?: string }[] }>;
}

/** A lock this tab holds; release() lets it go (once). */
export interface Lease {
  release(): void;
}

export interface TabLocks {
  readonly mode: 'web-locks' | 'none';
  /** The tab-wide recording lock, or null when another tab holds it. Counted: this tab's takes share it. */
  acquireRecording(): Promise<Lease | null>;
  /** A take's own lock, or null when another tab (or this one) holds it. */
  acquireTake(takeId: string): Promise<Lease | null>;
  /** Ids of takes whose lock another tab holds. */
  takesHeldElsewhere(): Promise<Set<string>>;
  /** Whether another tab is recording or finishing a take right now. */
  isRecordingElsewhere(): Promise<boolean>;
  /** Runs `work` holding the take's lock; does nothing (null) when someone else holds it. */
  withTakeLock<T>(takeId: string, work: () => Promise<T>): Promise<T | null>;
}

export const recordingLockName = 'oneway:recording';
const takeLockPrefix = 'oneway:take:';
export const takeLockName = (takeId: string): string => `${takeLockPrefix}${takeId}`;

const noLease: Lease = { release: () => undefined };

export function createTabLocks(manager: LockManagerLike | undefined): TabLocks {
  // Per lock name, the last request made: a new one waits for it to be let go, so a lock this tab has just
  // released is never mistaken for another tab's.
  const lastRequest = new Map<string, Promise<unknown>>();
  const ownTakes = new Set<string>();
  let recordingHolders = 0;
  let recordingLease: Lease | null = null;
  let recordingQueue: Promise<unknown> = Promise.resolve();

  async function hold(name: string): Promise<Lease | null> {
    if (!manager) return noLease;
    await lastRequest.get(name)?.catch(() => undefined);
    return new Promise<Lease | null>((resolve) => {
      const request = manager
        .request(name, { ifAvailable: true }, (lock) => {
          if (!lock) {
            resolve(null);
            return Promise.resolve();
          }
          return new Promise<void>((letGo) => {
            let released = false;
            resolve({
              release: () => {
                if (released) return;
                released = true;
                letGo();
              },
            });
          });
        })
        // A lock manager that fails (a document being unloaded) must not stop a candidate from recording.
        .catch(() => resolve(noLease));
      lastRequest.set(name, request);
    });
  }

  function countedRecordingLease(): Lease {
    recordingHolders++;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        recordingHolders--;
        if (recordingHolders === 0) {
          recordingLease?.release();
          recordingLease = null;
        }
      },
    };
  }

  async function heldNames(): Promise<string[]> {
    if (!manager) return [];
    try {
      const { held = [] } = await manager.query();
      return held.map((lock) => lock.name ?? '');
    } catch {
      return [];
    }
  }

  return {
    mode: manager ? 'web-locks' : 'none',
    acquireRecording() {
      const next = recordingQueue.then(async () => {
        if (recordingHolders === 0) {
          recordingLease = await hold(recordingLockName);
          if (!recordingLease) return null;
        }
        return countedRecordingLease();
      });
      recordingQueue = next.catch(() => undefined);
      return next;
    },
    async acquireTake(takeId) {
      if (ownTakes.has(takeId)) return null;
      ownTakes.add(takeId);
      const lease = await hold(takeLockName(takeId));
      if (!lease) {
        ownTakes.delete(takeId);
        return null;
      }
      return {
        release: () => {
          ownTakes.delete(takeId);
          lease.release();
        },
      };
    },
    async takesHeldElsewhere() {
      const ids = (await heldNames())
        .filter((name) => name.startsWith(takeLockPrefix))
        .map((name) => name.slice(takeLockPrefix.length))
        .filter((id) => !ownTakes.has(id));
      return new Set(ids);
    },
    async isRecordingElsewhere() {
      if (recordingHolders > 0) return false;
      return (await heldNames()).includes(recordingLockName);
    },
    async withTakeLock(takeId, work) {
      const lease = await this.acquireTake(takeId);
      if (!lease) return null;
      try {
        return await work();
      } finally {
        lease.release();
      }
    },
  };
}

/** The browser's locks: navigator.locks where it exists. */
export function browserTabLocks(): TabLocks {
  const manager =
    typeof navigator !== 'undefined' && 'locks' in navigator
      ? (navigator.locks as unknown as LockManagerLike)
      : undefined;
  return createTabLocks(manager);
}
