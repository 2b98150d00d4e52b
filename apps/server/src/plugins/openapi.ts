import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { apiKeyRequestsPerMinute, isSessionOnlyPath } from '../modules/api-keys/api-key-auth.ts';

type Security = Record<string, string[]>[];

// Every route open to a signed-in member is open to an API key too, except the session-only ones (signing in,
// the team, API keys): the document says so on each route rather than in every route file.
const transform: typeof jsonSchemaTransform = (input) => {
  const result = jsonSchemaTransform(input);
  const security = (result.schema as { security?: Security }).security;
  if (!security?.some((entry) => 'session' in entry) || isSessionOnlyPath(result.url)) return result;
  return { ...result, schema: { ...result.schema, security: [...security, { bearer: [] }] } };
};

/** The OpenAPI document of every route at /api/openapi.json and a browsable page at /api/docs. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Oneway API', version: '1.0.0', description: 'One-way video interviews, self-hosted.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'oneway_session' },
          bearer: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'ow_live_…',
            description:
              'An organisation API key (Settings, API keys): `Authorization: Bearer ow_live_…`. No CSRF token ' +
              `is needed. Limited to ${apiKeyRequestsPerMinute} requests a minute per key; a 429 answer carries ` +
              'Retry-After.',
          },
        },
      },
    },
    transform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
}
