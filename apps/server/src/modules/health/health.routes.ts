import { sql } from 'kysely';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { onewayVersion } from '../../lib/version.ts';
import { createReadiness } from './readiness.ts';

const check = z.object({ ok: z.boolean(), problem: z.string().optional() });
const readiness = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({
    database: check,
    storage: check,
    worker: check,
    /** Only in processes that run workers (they run ffmpeg). */
    ffmpeg: check.optional(),
  }),
});

/**
 * Liveness (`/api/health`: the process answers and reaches its database; a load balancer takes the node out when
 * it fails), readiness (`/api/health/ready`: everything an answer's path needs, see readiness.ts) and the version.
 */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  const ready = createReadiness(app.deps);

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Health of this node, database included',
        response: {
          200: z.object({ status: z.literal('ok') }),
          503: z.object({ status: z.literal('unavailable') }),
        },
      },
    },
    async (request, reply) => {
      try {
        await sql`select 1`.execute(app.deps.db);
        return { status: 'ok' as const };
      } catch (err) {
        request.log.error({ err }, 'health check: database unreachable');
        return reply.status(503).send({ status: 'unavailable' as const });
      }
    },
  );

  app.get(
    '/api/health/ready',
    {
      schema: {
        tags: ['health'],
        summary: 'Readiness: database, storage write and read, a worker seen lately, ffmpeg (workers)',
        response: { 200: readiness, 503: readiness },
      },
    },
    async (_request, reply) => {
      const { isReady, checks } = await ready.check();
      const body = { status: isReady ? ('ready' as const) : ('not_ready' as const), checks };
      return reply.status(isReady ? 200 : 503).send(body);
    },
  );

  app.get(
    '/api/version',
    {
      schema: {
        tags: ['health'],
        summary: 'The running release, its commit when known, and the Node.js version',
        response: {
          200: z.object({ version: z.string(), commit: z.string().nullable(), node: z.string() }),
        },
      },
    },
    () => ({ version: onewayVersion, commit: app.deps.config.commit, node: process.versions.node }),
  );
};
