/**
 * The floor: the least a Node process can do to take recording chunks. POST /files creates an empty file and
 * answers its Location; PATCH /files/<id> appends the body to it (a write stream per request, as a tus file store
 * opens one per PATCH) and answers 204 with the new offset; HEAD answers the offset. No auth, no database, no checks beyond the id.
 * Env: PORT, DATA_DIR. Listens on 127.0.0.1 only.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const port = Number(process.env.PORT ?? 0);
const dir = process.env.DATA_DIR ?? '';
if (!dir) throw new Error('DATA_DIR is required');
fs.mkdirSync(dir, { recursive: true });

const sizes = new Map<string, number>();

const server = http.createServer((req, res) => {
  const url = req.url ?? '/';
  if (req.method === 'GET' && url === '/health') {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    return;
  }
  if (req.method === 'POST' && url === '/files') {
    const id = randomBytes(16).toString('hex');
    fs.writeFile(path.join(dir, id), '', (err) => {
      if (err) {
        res.writeHead(500).end(err.message);
        return;
      }
      sizes.set(id, 0);
      res.writeHead(201, { location: `/files/${id}` }).end();
    });
    return;
  }
  const id = url.startsWith('/files/') ? url.slice('/files/'.length) : '';
  const size = sizes.get(id);
  if (req.method === 'HEAD' && size !== undefined) {
    res.writeHead(200, { 'upload-offset': String(size), 'cache-control': 'no-store' }).end();
    return;
  }
  if (req.method !== 'PATCH' || size === undefined) {
    req.resume();
    res.writeHead(404).end();
    return;
  }
  let received = 0;
  req.on('data', (chunk: Buffer) => (received += chunk.length));
  const out = fs.createWriteStream(path.join(dir, id), { flags: 'a' });
  req.pipe(out);
  out.on('finish', () => {
    sizes.set(id, size + received);
    res.writeHead(204, { 'upload-offset': String(size + received) }).end();
  });
  out.on('error', (err) => {
    req.resume();
    res.writeHead(500).end(err.message);
  });
});

server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  console.log(`floor listening on ${typeof address === 'object' && address ? address.port : port}`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}
