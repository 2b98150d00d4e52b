import type { TakeEffect, TimerName } from './machine/state.ts';
import type { EnginePorts, IncrementalHash, LocalStore, Timers } from './ports.ts';

/**
 * Hashes a chunk (in recording order: the driver keeps chunks one at a time) and writes it to IndexedDB when
 * asked. `hashed` false: the chunk could not be read here, so the whole recording is hashed once complete.
 */
export async function keepChunkLocally(
  store: LocalStore,
  effect: Extract<TakeEffect, { type: 'keepChunk' }>,
  hash: IncrementalHash | null,
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
    await store.putChunk(effect.takeId, effect.seq, data);
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
