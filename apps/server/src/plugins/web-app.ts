import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Config } from '../config.ts';

export type SendWebApp = (reply: FastifyReply) => FastifyReply;

/**
 * Serves the built web app's files (looked up per request, so a rebuild needs no restart) and returns the
 * function that answers client-side routes with index.html; null when the web app isn't built.
 */
export async function registerWebApp(app: FastifyInstance, config: Config): Promise<SendWebApp | null> {
  if (!fs.existsSync(path.join(config.webDistDir, 'index.html'))) {
    app.log.warn({ dir: config.webDistDir }, 'web app not built; only the API is served (run npm run build)');
    return null;
  }
  await app.register(fastifyStatic, {
    root: config.webDistDir,
    index: false,
    setHeaders: (reply, filePath) => {
      // Vite puts a content hash in every asset name, so those never change; index.html always may.
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
      void reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  // no-store: pages such as /i/<token> carry a secret in their URL and must not be kept by any cache.
  return (reply) => reply.header('cache-control', 'no-store').sendFile('index.html');
}
