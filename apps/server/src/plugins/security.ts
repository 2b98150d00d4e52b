import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { s3BrowserOriginOf } from '../adapters/s3-client.ts';
import type { Config } from '../config.ts';
import { registerPermissionsPolicy } from './permissions-policy.ts';

/**
 * Security headers: CSP with frame-ancestors (no X-Frame-Options), HSTS only behind HTTPS, nosniff, no referrer, and
 * Permissions-Policy. Register before the routes.
 */
export async function registerSecurityHeaders(app: FastifyInstance, config: Config): Promise<void> {
  // With S3 storage, playback and posters are redirected to presigned URLs of the bucket.
  const bucketOrigins = config.s3 ? [await s3BrowserOriginOf(config.s3)] : [];
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...bucketOrigins],
        mediaSrc: ["'self'", 'blob:', ...bucketOrigins],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(config.secureCookies ? { upgradeInsecureRequests: [] } : { upgradeInsecureRequests: null }),
      },
    },
    hsts: config.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
    // frame-ancestors 'none' above says the same to every current browser; X-Frame-Options is its obsolete form.
    xFrameOptions: false,
  });
  registerPermissionsPolicy(app);
}
