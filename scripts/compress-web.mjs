// Writes a Brotli (.br) and a gzip (.gz) copy next to every text asset of the built web app, so the server sends
// compressed files without compressing on each request (@fastify/static's preCompressed option picks them).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(import.meta.dirname, '../apps/web/dist');
const compressible = /\.(js|css|html|svg|json|map)$/;

function* filesIn(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesIn(full);
    else if (compressible.test(entry.name)) yield full;
  }
}

let raw = 0;
let brotli = 0;
for (const file of filesIn(dist)) {
  const bytes = fs.readFileSync(file);
  const br = zlib.brotliCompressSync(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  fs.writeFileSync(`${file}.br`, br);
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(bytes, { level: 9 }));
  raw += bytes.length;
  brotli += br.length;
}
console.log(
  `compressed the web app: ${(raw / 1024).toFixed(0)} KB -> ${(brotli / 1024).toFixed(0)} KB with Brotli`,
);
