import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OpenFiles } from '../../lib/open-files.ts';
import { openDescriptorsOn } from '../../../test/open-descriptors.ts';
import { openLocalMedia } from './local-media-read.ts';

describe('reading local media for an answer', () => {
  let dir: string;
  let file: string;
  let bytes: Buffer;
  let files: OpenFiles;
  let server: http.Server;
  let origin: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oneway-media-read-'));
    file = path.join(dir, 'answer.mp4');
    bytes = randomBytes(5 * 1024 * 1024 + 123);
    fs.writeFileSync(file, bytes);
    files = new OpenFiles({ flags: 'r', idleMs: 60_000 });
    // Serves ?start=&end= of the file the way the media route does: a buffer, or a pump for a long range.
    server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const range = {
        start: Number(url.searchParams.get('start')),
        end: Number(url.searchParams.get('end')),
      };
      void (async () => {
        const media = await openLocalMedia(files, file);
        if (!media) {
          res.writeHead(404).end();
          return;
        }
        const body = await media.read(range, res);
        res.writeHead(200, { 'content-length': String(range.end - range.start + 1) });
        if (typeof body === 'function') await body(res);
        else if (Buffer.isBuffer(body)) res.end(body);
        else body.pipe(res);
      })();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    files.closeAll();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const fetchRange = async (start: number, end: number) => {
    const res = await fetch(`${origin}/?start=${start}&end=${end}`);
    return Buffer.from(await res.arrayBuffer());
  };

  it('sends short and long ranges byte for byte, many at once', async () => {
    const ranges: [number, number][] = [
      [0, 99],
      [1000, 1024 * 1024 + 999],
      [7, bytes.length - 1],
      [2 * 1024 * 1024, 2 * 1024 * 1024 + 300_000],
      [bytes.length - 1_500_000, bytes.length - 2],
    ];
    for (let round = 0; round < 3; round += 1) {
      const answers = await Promise.all([...ranges, ...ranges].map(([start, end]) => fetchRange(start, end)));
      answers.forEach((answer, i) => {
        const [start, end] = ranges[i % ranges.length] ?? [0, 0];
        expect(answer.equals(bytes.subarray(start, end + 1)), `${start}-${end}`).toBe(true);
      });
    }
  });

  it('lets the file go when a player leaves in the middle of a long range', async () => {
    const aborted = new AbortController();
    const res = await fetch(`${origin}/?start=0&end=${bytes.length - 1}`, { signal: aborted.signal });
    const reader = res.body?.getReader();
    await reader?.read();
    aborted.abort();
    files.discard(file);
    await vi.waitFor(() => expect(openDescriptorsOn(file)).toBe(0), { timeout: 5000 });
    // And the next player is served from a fresh descriptor.
    expect((await fetchRange(10, 20)).equals(bytes.subarray(10, 21))).toBe(true);
  });

  it('answers null for a file that is gone', async () => {
    expect(await openLocalMedia(files, path.join(dir, 'erased.mp4'))).toBeNull();
  });
});
