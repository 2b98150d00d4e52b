import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { registerAuth } from './plugins/auth.ts';
import { registerErrorHandler } from './plugins/error-handler.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { registerSecurityHeaders } from './plugins/security.ts';
import { registerTextInputCheck } from './plugins/text-input.ts';
import { registerWebApp } from './plugins/web-app.ts';
import { accountsRoutes } from './modules/accounts/accounts.routes.ts';
import { apiKeysRoutes } from './modules/api-keys/api-keys.routes.ts';
import { candidateEntryRoutes } from './modules/candidate/candidate-entry.ts';
import { candidateInterviewEntryRoutes } from './modules/candidate-interview/candidate-interview.entry.ts';
import { consentRoutes } from './modules/consent/consent.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { metricsRoutes } from './modules/health/metrics.routes.ts';
import { homeRoutes } from './modules/home/home.routes.ts';
import { instanceRoutes } from './modules/instance/instance.routes.ts';
import { ssoRoutes } from './modules/sso/sso.routes.ts';
import { interviewsRoutes } from './modules/interviews/interviews.routes.ts';
import { invitationsRoutes } from './modules/invitations/invitations.routes.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { outboxRoutes } from './modules/outbox/outbox.routes.ts';
import { processingRoutes } from './modules/media/processing.routes.ts';
import { playbackRoutes } from './modules/playback/playback.routes.ts';
import { privacyEntryRoutes } from './modules/privacy/privacy.entry.ts';
import {
  candidatePromptVideoRoutes,
  promptVideoRoutes,
} from './modules/prompt-videos/prompt-videos.routes.ts';
import { questionBankRoutes } from './modules/question-bank/question-bank.routes.ts';
import { reviewsRoutes } from './modules/reviews/reviews.routes.ts';
import { shareLinksRoutes } from './modules/share-links/share-links.routes.ts';
import { takesRoutes } from './modules/takes/takes.routes.ts';
import { uploadsRoutes } from './modules/takes/uploads.plugin.ts';
import type { Runtime } from './runtime.ts';

declare module 'fastify' {
  interface FastifyInstance {
    deps: Runtime;
  }
}

function createFastify(runtime: Runtime) {
  // Typed as Fastify's logger so the instance type stays the default one that plugins expect.
  const logger: FastifyBaseLogger = runtime.logger;
  const app = Fastify({
    loggerInstance: logger,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: runtime.config.trustProxy,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('deps', runtime);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
  // By route pattern, never the URL (which may carry a token). Hijacked replies (tus) skip this hook.
  const { httpRequests } = runtime.metrics;
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    httpRequests.inc({ method: request.method, route, status: reply.statusCode });
    done();
  });
  return app;
}

/** The HTTP side of a worker-only process: health, readiness, version and metrics, nothing else. */
export async function buildWorkerApp(runtime: Runtime): Promise<FastifyInstance> {
  const app = createFastify(runtime);
  registerErrorHandler(app, null);
  await app.register(healthRoutes);
  await app.register(metricsRoutes);
  return app;
}

/** Builds the HTTP app on a runtime: plugins, modules and the one error handler. Tests use app.inject. */
export async function buildApp(runtime: Runtime): Promise<FastifyInstance> {
  const app = createFastify(runtime);

  registerTextInputCheck(app);
  await registerSecurityHeaders(app, runtime.config);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await registerOpenApi(app);
  registerErrorHandler(app, await registerWebApp(app, runtime.config));
  await registerAuth(app);

  await app.register(healthRoutes);
  await app.register(metricsRoutes);
  await app.register(accountsRoutes, { prefix: '/api/v1' });
  await app.register(instanceRoutes, { prefix: '/api/v1' });
  await app.register(ssoRoutes, { prefix: '/api/v1' });
  await app.register(apiKeysRoutes, { prefix: '/api/v1' });
  await app.register(outboxRoutes, { prefix: '/api/v1' });
  await app.register(homeRoutes, { prefix: '/api/v1' });
  await app.register(interviewsRoutes, { prefix: '/api/v1' });
  await app.register(questionBankRoutes, { prefix: '/api/v1' });
  await app.register(invitationsRoutes, { prefix: '/api/v1' });
  await app.register(candidateEntryRoutes, { prefix: '/api/v1' });
  await app.register(consentRoutes, { prefix: '/api/v1' });
  await app.register(takesRoutes, { prefix: '/api/v1' });
  await app.register(candidateInterviewEntryRoutes, { prefix: '/api/v1' });
  await app.register(uploadsRoutes, { prefix: '/api/v1' });
  await app.register(reviewsRoutes, { prefix: '/api/v1' });
  await app.register(playbackRoutes, { prefix: '/api/v1' });
  await app.register(promptVideoRoutes, { prefix: '/api/v1' });
  await app.register(candidatePromptVideoRoutes, { prefix: '/api/v1' });
  await app.register(processingRoutes, { prefix: '/api/v1' });
  await app.register(shareLinksRoutes, { prefix: '/api/v1' });
  await app.register(notificationsRoutes, { prefix: '/api/v1' });
  await app.register(privacyEntryRoutes, { prefix: '/api/v1' });

  return app;
}
