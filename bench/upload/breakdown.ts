/**
 * Where the time between "Stop recording" and "Saved" goes, from the recording engine's performance marks
 * (take:<step>, see apps/web/src/features/candidate/recording/engine/takeMarks.ts) and the server's
 * "upload finished" log line.
 */
import fs from 'node:fs';

export interface TakeMark {
  name: string;
  /** ms on the page's clock (performance.now()). */
  at: number;
  detail: Record<string, unknown> | null;
}

export interface ServerFinish {
  uploadId: string;
  bytes: number;
  ms: Record<string, number>;
}

export interface Breakdown {
  /** Recorded but not yet acknowledged by the server when stop was clicked. */
  backlogBytesAtStop: number;
  /** Click -> the engine's stop(). */
  clickToStopMs: number;
  /** stop() -> the recorder delivered its last chunk. */
  recorderStopMs: number;
  /** -> the last chunk committed to IndexedDB (the recording complete locally). */
  localCopyMs: number;
  /** The page's SHA-256 of the recording (runs alongside the upload). */
  pageHashMs: number;
  /** Recording complete -> tus reported every byte accepted (PATCHes after stop, incl. the server's finish). */
  lastBytesMs: number;
  /** Requests sent after stop: count, and the longest one. */
  requestsAfterStop: number;
  slowestRequestAfterStopMs: number;
  /** Upload done -> the server's size and SHA-256 compared equal. */
  verifyMs: number;
  /** Checked -> "Saved" on screen. */
  renderMs: number;
  /** The server's work when the last byte arrived (onUploadFinish), by step. */
  server: ServerFinish['ms'] | null;
}

const at = (marks: TakeMark[], name: string): number => marks.find((m) => m.name === name)?.at ?? NaN;
const num = (value: unknown): number => (typeof value === 'number' ? value : NaN);

export function breakdownOf(
  marks: TakeMark[],
  clickAt: number,
  savedAt: number,
  server: ServerFinish | null,
): Breakdown {
  const stop = marks.find((m) => m.name === 'take:stop');
  const stopAt = stop?.at ?? NaN;
  const requests = marks.filter((m) => m.name === 'take:request');
  const afterStop = requests.filter((m) => num(m.detail?.startedAt) >= stopAt || m.at >= stopAt);
  const recordingEnded = at(marks, 'take:recording-ended');
  const uploadDone = at(marks, 'take:upload-done');
  return {
    backlogBytesAtStop: num(stop?.detail?.bytesRecorded) - num(stop?.detail?.bytesAccepted),
    clickToStopMs: stopAt - clickAt,
    recorderStopMs: at(marks, 'take:recorder-stopped') - stopAt,
    localCopyMs: recordingEnded - at(marks, 'take:recorder-stopped'),
    pageHashMs: at(marks, 'take:hashed') - at(marks, 'take:hash-start'),
    lastBytesMs: uploadDone - recordingEnded,
    requestsAfterStop: afterStop.length,
    slowestRequestAfterStopMs: Math.max(0, ...afterStop.map((m) => m.at - num(m.detail?.startedAt))),
    verifyMs: at(marks, 'take:verified') - uploadDone,
    renderMs: savedAt - at(marks, 'take:verified'),
    server: server?.ms ?? null,
  };
}

/** The marks of the current take, read in the page (a string: no bundler helpers reach the page). */
export const readTakeMarks = `performance.getEntriesByType('mark')
  .filter((m) => m.name.startsWith('take:'))
  .map((m) => ({ name: m.name, at: m.startTime, detail: m.detail ?? null }))`;

/** Every "upload finished" line of the server's log (pino JSON, LOG_LEVEL info). */
export function serverFinishes(logFile: string): ServerFinish[] {
  const finishes: ServerFinish[] = [];
  for (const line of fs.readFileSync(logFile, 'utf8').split('\n')) {
    if (!line.includes('"upload finished"')) continue;
    try {
      const entry = JSON.parse(line) as Partial<ServerFinish>;
      if (entry.uploadId && entry.ms) {
        finishes.push({ uploadId: entry.uploadId, bytes: entry.bytes ?? 0, ms: entry.ms });
      }
    } catch {
      // Not a JSON line.
    }
  }
  return finishes;
}

const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : '-');

export function formatBreakdown(b: Breakdown): string {
  const server = b.server
    ? Object.entries(b.server)
        .map(([step, value]) => `${step} ${ms(value)}`)
        .join(', ')
    : 'no log line';
  return [
    `backlog at stop ${(b.backlogBytesAtStop / 1e3).toFixed(0)} KB`,
    `click->stop ${ms(b.clickToStopMs)}`,
    `recorder ${ms(b.recorderStopMs)}`,
    `local copy ${ms(b.localCopyMs)}`,
    `last bytes ${ms(b.lastBytesMs)} (${b.requestsAfterStop} requests, slowest ${ms(b.slowestRequestAfterStopMs)})`,
    `verify ${ms(b.verifyMs)}`,
    `render ${ms(b.renderMs)}`,
    `| page hash ${ms(b.pageHashMs)} (alongside)`,
    `| server finish: ${server}`,
  ].join(', ');
}
