import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Config } from '../config.ts';
import { permissionsPolicyFor } from './permissions-policy.ts';

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
    // The build writes .br and .gz copies of every text asset: sent to browsers that accept them.
    preCompressed: true,
    setHeaders: (reply, filePath) => {
      // Vite puts a content hash in every asset name, so those never change. Everything else is index.html (or
      // its neighbours), which answers pages such as /i/<token> whose URL carries a secret: no cache keeps it.
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
      void reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-store');
    },
  });
  const sendWebApp: SendWebApp = (reply) =>
    reply.header('permissions-policy', permissionsPolicyFor(reply.request.url)).sendFile('index.html');
  // The static files' wildcard route takes / for the folder itself, which it refuses (403) unless a pre-compressed
  // copy is asked for: curl and uptime probes send no Accept-Encoding. / is the web app like any other page.
  app.get('/', { schema: { hide: true } }, (_request, reply) => sendWebApp(reply));
  return sendWebApp;
}
