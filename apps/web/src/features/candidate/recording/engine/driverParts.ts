import type { TakeEffect, TimerName } from './machine/state.ts';
import type { EnginePorts, IncrementalHash, LocalStore, Timers } from './ports.ts';

/**
 * How long a write to the local copy may go unanswered before it counts as failed. On a full disk Chromium's
 * IndexedDB may neither complete nor fail a transaction; waiting for it would hold every later chunk back from the
 * upload.
 */
export const localWriteDeadlineMs = 10_000;

/** `work`, or a rejection once `ms` pass without an answer (the work itself goes on; its answer is then ignored). */
export function withinDeadline<T>(work: Promise<T>, ms: number, timers: Timers): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const handle = timers.setTimeout(
      () => reject(new Error(`the local copy did not answer within ${ms / 1000} s`)),
      ms,
    );
    work.then(
      (value) => {
        timers.clearTimeout(handle);
        resolve(value);
      },
      (error: unknown) => {
        timers.clearTimeout(handle);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * Hashes a chunk (in recording order: the driver keeps chunks one at a time) and writes it to IndexedDB when
 * asked. `hashed` false: the chunk could not be read here, so the whole recording is hashed once complete. A write
 * that fails or goes unanswered past the deadline is `written` false.
 */
export async function keepChunkLocally(
  store: LocalStore,
  effect: Extract<TakeEffect, { type: 'keepChunk' }>,
  hash: IncrementalHash | null,
  timers: Timers,
): Promise<{ written: boolean; hashed: boolean }> {
  let data: ArrayBuffer;
  try {
    data = await effect.chunk.arrayBuffer();
    hash?.update(data);
  } catch {
    return { written: !effect.write, hashed: false };
  }
  if (!effect.write) return { written: true, hashed: true };
  try {
    await withinDeadline(store.putChunk(effect.takeId, effect.seq, data), localWriteDeadlineMs, timers);
    return { written: true, hashed: true };
  } catch (error) {
    console.warn('The local copy of the take could not be written', error);
    return { written: false, hashed: true };
  }
}

/**
 * Saved: the local copy goes, and with it older copies of the question (opening a take ended them on the server,
 * so they can never be uploaded). Copies another tab is using are left alone.
 */
export async function forgetSavedCopy(
  ports: Pick<EnginePorts, 'registry' | 'store' | 'locks'>,
  saved: Extract<TakeEffect, { type: 'forgetLocalCopy' }>,
): Promise<void> {
  const { registry, store, locks } = ports;
  registry.deleting.add(saved.takeId);
  try {
    await store.deleteTake(saved.takeId);
    const older = (await store.listTakeMetas()).filter(
      (meta) =>
        meta.questionId === saved.questionId &&
        meta.takeId !== saved.takeId &&
        saved.startedAt !== null &&
        meta.startedAt < saved.startedAt &&
        !registry.isActive(meta.takeId),
    );
    for (const meta of older) await locks.withTakeLock(meta.takeId, () => store.deleteTake(meta.takeId));
  } catch (error) {
    console.warn('Could not delete the local copy', error);
  } finally {
    registry.deleting.delete(saved.takeId);
  }
}

/** The machine's named timers (one of each name at a time) over the injected timer functions. */
export function namedTimers(timers: Timers, onFire: (name: TimerName) => void) {
  const running = new Map<TimerName, { handle: unknown; repeat: boolean }>();
  const clear = (name: TimerName) => {
    const timer = running.get(name);
    if (!timer) return;
    if (timer.repeat) timers.clearInterval(timer.handle);
    else timers.clearTimeout(timer.handle);
    running.delete(name);
  };
  return {
    set(name: TimerName, ms: number, repeat: boolean): void {
      clear(name);
      const fire = () => {
        if (!repeat) running.delete(name);
        onFire(name);
      };
      running.set(name, {
        handle: repeat ? timers.setInterval(fire, ms) : timers.setTimeout(fire, ms),
        repeat,
      });
    },
    clear,
    clearAll(): void {
      for (const name of [...running.keys()]) clear(name);
    },
  };
}
