/**
 * The playback load spread over worker threads, as bench/ingest does: one event loop reading 64 clients' bytes
 * and timing their first bytes becomes the bottleneck itself and inflates time to first byte.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { readLoad, type LoadFigures, type LoadOptions } from './load.ts';
import type { LoadWorkerMessage } from './load-worker.ts';

/** Worker threads do not inherit tsx's loader: each registers it, then imports the worker module. */
const workerBootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(
  new URL('./load-worker.ts', import.meta.url).href,
)}); })`;

/** Threads for `clients` clients: one per core, at most one per client; a single thread runs in-process. */
export const loadThreadsFor = (clients: number): number => Math.max(1, Math.min(clients, os.cpus().length));

export async function readLoadInThreads(options: LoadOptions & { threads: number }): Promise<LoadFigures> {
  if (options.threads <= 1) return readLoad(options);
  const shares = Array.from(
    { length: options.threads },
    (_, i) => Math.floor(options.clients / options.threads) + (i < options.clients % options.threads ? 1 : 0),
  ).filter((n) => n > 0);
  const workers = shares.map(
    (clients) => new Worker(workerBootstrap, { eval: true, workerData: { ...options, clients } }),
  );
  try {
    let readyCount = 0;
    let markReady: () => void = () => {};
    const allReady = new Promise<void>((resolve) => (markReady = resolve));
    const results = workers.map(
      (worker) =>
        new Promise<LoadFigures>((resolve, reject) => {
          worker.on('message', (m: LoadWorkerMessage) => {
            if (m.type === 'ready' && ++readyCount === workers.length) markReady();
            if (m.type === 'result') resolve(m.figures);
          });
          worker.once('error', reject);
          worker.once('exit', (code) =>
            reject(new Error(`load worker exited with ${code} before its result`)),
          );
        }),
    );
    await Promise.race([allReady, Promise.all(results)]);
    const startAt = performance.timeOrigin + performance.now() + 100;
    for (const worker of workers) worker.postMessage({ startAt });
    return mergeFigures(await Promise.all(results));
  } finally {
    await Promise.allSettled(
      workers.map((w) => {
        w.removeAllListeners('exit');
        return w.terminate();
      }),
    );
  }
}

function mergeFigures(all: LoadFigures[]): LoadFigures {
  const bytes = all.reduce((sum, f) => sum + f.bytes, 0);
  const seconds = Math.max(...all.map((f) => f.seconds));
  return {
    requests: all.reduce((sum, f) => sum + f.requests, 0),
    errors: all.reduce((sum, f) => sum + f.errors, 0),
    errorSample: all.find((f) => f.errorSample)?.errorSample ?? null,
    bytes,
    seconds,
    mbPerSecond: bytes / 1e6 / seconds,
    ttfbMs: all.flatMap((f) => f.ttfbMs).sort((a, b) => a - b),
  };
}
