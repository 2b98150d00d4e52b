import type { TakeReport } from './activeTakes.ts';
import { runTake, type TakeHandle } from './driver.ts';
import { startResume } from './machine/start.ts';
import type { EnginePorts } from './ports.ts';
import { chunkIntervalMs } from './recorder.ts';
import { RecordingBuffer } from './recordingBuffer.ts';
import type { RecoverableTake } from './types.ts';

/** A copy the server refused is kept this long (for support), then deleted. */
const refusedCopyDays = 14;

/**
 * Takes kept on this device whose upload never finished (reload, crash, closed tab, an upload that failed),
 * newest first. Left out: takes the server refused for good, takes this tab is recording, and takes whose lock
 * another tab holds (it is recording or finishing them). A take this tab is still uploading is listed (resuming
 * it joins that upload). Empty takes (the page died within the first second) and refused copies older than two
 * weeks are deleted, each under its lock.
 */
export async function listRecoverableTakes(ports: EnginePorts): Promise<RecoverableTake[]> {
  const { registry, store, locks } = ports;
  const [metas, elsewhere] = await Promise.all([store.listTakeMetas(), locks.takesHeldElsewhere()]);
  const expired = new Date(Date.parse(ports.wallTime()) - refusedCopyDays * 86_400_000).toISOString();
  const forget = (takeId: string) =>
    locks.withTakeLock(takeId, () => store.deleteTake(takeId)).catch(() => null);
  const takes = new Map<string, RecoverableTake>();
  for (const meta of metas) {
    const { takeId } = meta;
    if (elsewhere.has(takeId) || registry.recording.has(takeId) || registry.deleting.has(takeId)) continue;
    if (meta.refusedAt !== null) {
      if (meta.refusedAt < expired) await forget(takeId);
      continue;
    }
    if (meta.bytes === 0 && !registry.finishing.has(takeId)) {
      await forget(takeId);
      continue;
    }
    takes.set(takeId, {
      takeId,
      questionId: meta.questionId,
      mimeType: meta.mimeType,
      bytes: meta.bytes,
      seconds: meta.durationMs !== null ? meta.durationMs / 1000 : (meta.chunks * chunkIntervalMs) / 1000,
      recordedAt: meta.startedAt,
    });
  }
  // A refused take kept whole in this tab's memory beats its IndexedDB copy (which may have stopped growing).
  for (const kept of registry.kept.values()) takes.set(kept.take.takeId, kept.take);
  return [...takes.values()].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
}

/** Forgets a recovered take on this device (the candidate chose a fresh take), never one another tab is using. */
export async function discardRecoveredTake(ports: EnginePorts, takeId: string): Promise<void> {
  const { registry, store, locks } = ports;
  if (registry.isActive(takeId)) return;
  registry.kept.delete(takeId);
  await locks.withTakeLock(takeId, () => store.deleteTake(takeId));
}

/**
 * Finishes a recovered take: sends what the server does not have yet from the local copy (same upload URL; HEAD
 * tells the offset), declares the length and compares checksums; when the server holds more than this device
 * (its storage filled up), finishes from the server's copy once its first bytes are checked to be these. A take
 * this tab is still finishing is joined. Rejects only when this device keeps no copy of the take.
 */
export async function resumeRecoveredTake(
  ports: EnginePorts,
  takeId: string,
  report: (patch: TakeReport) => void,
): Promise<TakeHandle> {
  const { registry } = ports;
  const running = registry.finishing.get(takeId);
  if (running) {
    running.listen(report);
    return running;
  }
  if (registry.recording.has(takeId)) throw new Error('This take is still being recorded');
  const kept = registry.kept.get(takeId);
  const copy = kept
    ? {
        blob: kept.blob,
        kind: kept.kind,
        endpoint: kept.endpoint,
        uploadUrl: kept.uploadUrl,
        elapsedMs: kept.take.seconds * 1000,
        questionId: kept.take.questionId,
        mimeType: kept.take.mimeType,
        startedAt: kept.take.recordedAt,
      }
    : await readCopy(ports, takeId);
  if (!copy) throw new Error('This device keeps no recording of this take');
  const start = startResume({
    ...copy,
    takeId,
    online: ports.isOnline(),
    seed: ports.seed(),
    bytes: copy.blob.size,
  });
  return runTake(
    start,
    ports,
    { stream: null, buffer: RecordingBuffer.fromBlob(copy.blob), hash: null },
    report,
  );
}

async function readCopy(ports: EnginePorts, takeId: string) {
  const meta = await ports.store.getTakeMeta(takeId);
  const stored = meta ? await ports.store.readTakeBlob(takeId, meta.mimeType) : null;
  if (!meta || !stored) return null;
  return {
    blob: stored.blob,
    kind: meta.kind,
    endpoint: meta.endpoint,
    uploadUrl: meta.uploadUrl,
    elapsedMs: meta.durationMs ?? stored.chunks * chunkIntervalMs,
    questionId: meta.questionId,
    mimeType: meta.mimeType,
    startedAt: meta.startedAt,
  };
}
