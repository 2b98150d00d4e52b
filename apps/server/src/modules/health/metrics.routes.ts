import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { AppError } from '../../errors.ts';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Prometheus metrics at /metrics, for whoever holds METRICS_TOKEN (`Authorization: Bearer <token>`); without the
 * setting the route answers 404, never the web app. Metrics name job kinds and routes, not people, but they tell
 * an outsider how busy an installation is, so they are not public.
 */
export const metricsRoutes: FastifyPluginAsync = async (app) => {
  const { config, metrics } = app.deps;
  const expected = config.metricsToken ? digest(config.metricsToken) : null;
  app.get('/metrics', { schema: { hide: true }, config: { ignoreSession: true } }, async (request, reply) => {
    if (!expected) throw new AppError('not_found', { message: 'Metrics are off (set METRICS_TOKEN).' });
    const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!given || !timingSafeEqual(digest(given), expected)) {
      void reply.header('www-authenticate', 'Bearer realm="metrics"');
      throw new AppError('unauthenticated', { message: 'Send the metrics token as Authorization: Bearer.' });
    }
    void reply.header('content-type', metrics.registry.contentType);
    return metrics.registry.metrics();
  });
};
