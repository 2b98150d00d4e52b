// STUB — replaced by the jobs/mail work.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const outboxRoutes: FastifyPluginAsyncZod = async () => {};
