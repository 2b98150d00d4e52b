/**
 * Concurrent readers of one media URL for a fixed time: each client keeps one request in flight on its own
 * keep-alive connection, either a 1 MiB range at a random offset or the whole file. Time to first byte is from
 * sending the request to the first body byte.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export type LoadMode = 'range' | 'full';

export interface LoadFigures {
  requests: number;
  errors: number;
  errorSample: string | null;
  bytes: number;
  seconds: number;
  mbPerSecond: number;
  ttfbMs: number[];
}

export const rangeBytes = 1024 * 1024;

export interface LoadOptions {
  url: string;
  size: number;
  clients: number;
  seconds: number;
  mode: LoadMode;
}

export async function readLoad(options: LoadOptions): Promise<LoadFigures> {
  const target = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.clients });
  const ttfbMs: number[] = [];
  let bytes = 0;
  let requests = 0;
  let errors = 0;
  let errorSample: string | null = null;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;

  const one = (): Promise<void> =>
    new Promise((resolve) => {
      const sent = performance.now();
      const headers: Record<string, string> = {};
      let expected = options.size;
      if (options.mode === 'range') {
        const start = Math.floor(Math.random() * Math.max(1, options.size - rangeBytes));
        const end = Math.min(options.size, start + rangeBytes) - 1;
        headers.range = `bytes=${start}-${end}`;
        expected = end - start + 1;
      }
      const fail = (why: string) => {
        errors++;
        errorSample ??= why;
        resolve();
      };
      const req = http.get(
        {
          hostname: target.hostname,
          port: target.port,
          path: target.pathname + target.search,
          agent,
          headers,
        },
        (res) => {
          const wanted = options.mode === 'range' ? 206 : 200;
          let got = 0;
          let first = true;
          res.on('data', (chunk: Buffer) => {
            if (first) {
              ttfbMs.push(performance.now() - sent);
              first = false;
            }
            got += chunk.length;
          });
          res.on('end', () => {
            requests++;
            bytes += got;
            if (res.statusCode !== wanted || got !== expected) {
              fail(`status ${res.statusCode}, ${got} of ${expected} bytes`);
            } else resolve();
          });
          res.on('error', (err) => fail(err.message));
        },
      );
      req.setTimeout(30_000, () => req.destroy(new Error('timed out')));
      req.on('error', (err) => fail(err.message));
    });

  await Promise.all(
    Array.from({ length: options.clients }, async () => {
      while (performance.now() < deadline) await one();
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return {
    requests,
    errors,
    errorSample,
    bytes,
    seconds,
    mbPerSecond: bytes / 1e6 / seconds,
    ttfbMs: ttfbMs.sort((a, b) => a - b),
  };
}
