/**
 * The baseline's other end: a minimal Node server on 127.0.0.1 that serves a blank page (the baseline runs there,
 * same origin, under the same throttling), hands out a saved take's bytes, and swallows uploaded bodies.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { onCleanUp } from '../media/cleanup.ts';

export interface BaselineServer {
  url: string;
  stop(): Promise<void>;
}

export async function startBaselineServer(
  fileOf: (takeId: string) => string | undefined,
): Promise<BaselineServer> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'GET' && url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>baseline</title>');
      return;
    }
    if (req.method === 'GET' && url.pathname.startsWith('/take/')) {
      const file = fileOf(url.pathname.slice('/take/'.length));
      if (!file) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': fs.statSync(file).size,
      });
      fs.createReadStream(file).pipe(res);
      return;
    }
    if (req.method === 'POST' && url.pathname === '/upload') {
      let bytes = 0;
      req.on('data', (chunk: Buffer) => (bytes += chunk.length));
      req.on('end', () =>
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ bytes })),
      );
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const stop = onCleanUp(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${port}`, stop };
}
