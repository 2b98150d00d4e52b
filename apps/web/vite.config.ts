import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The candidate pages parse with zod/mini, the employer pages with classic zod. Both build on zod's core, and
 * classic zod reaches nearly all of it (every string format, every check): with one shared copy, all of that would
 * ride along in the candidate pages' chunks. So zod/mini gets its own copy of the core, tree-shaken to what the
 * candidate pages use (about 8 KB gzipped less for them; the employer pages load both copies). The copies behave
 * as one: zod keeps its configuration (the English messages) and registries on globalThis, and its `instanceof`
 * checks go by trait name.
 */
const zodMiniOwnCore: Plugin = {
  name: 'zod-mini-own-core',
  apply: 'build',
  enforce: 'pre',
  resolveId(source, importer) {
    if (!importer || !source.startsWith('.')) return null;
    const [file = '', query] = importer.split('?');
    if (!file.includes('/zod/v4/mini/') && query !== 'zod-mini') return null;
    const target = path.resolve(path.dirname(file), source);
    return target.includes('/zod/v4/core/') ? `${target}?zod-mini` : null;
  },
};

export default defineConfig({
  plugins: [zodMiniOwnCore, react()],
  resolve: {
    alias: {
      '@oneway/shared': fileURLToPath(new URL('../../packages/shared/src/index.ts', import.meta.url)),
    },
  },
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
