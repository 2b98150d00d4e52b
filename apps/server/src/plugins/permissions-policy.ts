import type { FastifyInstance, onRequestHookHandler } from 'fastify';

/**
 * Pages whose document may use the camera and microphone: the candidate's pages (the link, the interview and its
 * steps, continuing on another device) and the employer's pages that record prompt videos (a new interview, an
 * interview's questions, its settings). The web app is one single-page app and a policy belongs to the document
 * the browser loaded, so the web app loads these pages afresh when it reaches them from a page without the
 * camera (apps/web/src/lib/recordingDocument.ts, docs/decisions.md).
 */
const recordingPaths = [
  /^\/i\/[^/]+\/?$/,
  /^\/interview(\/.*)?$/,
  /^\/continue\/?$/,
  /^\/interviews\/new\/?$/,
  /^\/interviews\/[^/]+\/?$/,
  /^\/interviews\/[^/]+\/edit\/?$/,
];

// Features Oneway never uses are refused everywhere; the camera and microphone only where recording happens.
const alwaysOff = ['display-capture=()', 'geolocation=()', 'payment=()', 'usb=()', 'serial=()', 'hid=()'];
const withCamera = ['camera=(self)', 'microphone=(self)', ...alwaysOff].join(', ');
const withoutCamera = ['camera=()', 'microphone=()', ...alwaysOff].join(', ');

/** True when a document loaded at `path` may record. */
export const isRecordingPath = (path: string): boolean => recordingPaths.some((p) => p.test(path));

/** The Permissions-Policy header for a response to `url` (path and query). */
export function permissionsPolicyFor(url: string): string {
  const path = url.split('?')[0] ?? '';
  return isRecordingPath(path) ? withCamera : withoutCamera;
}

const setPermissionsPolicy: onRequestHookHandler = (request, reply, done) => {
  void reply.header('permissions-policy', permissionsPolicyFor(request.url));
  done();
};

/**
 * Sends Permissions-Policy with every route's answer (the web app's index.html sets its own, see web-app.ts),
 * except the tus routes, whose answers are no document and whose PATCH is the busiest path. Register before the
 * routes.
 */
export function registerPermissionsPolicy(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (route.config?.rawBody) return;
    const existing = route.onRequest;
    route.onRequest = [
      ...(existing === undefined ? [] : Array.isArray(existing) ? existing : [existing]),
      setPermissionsPolicy,
    ];
  });
}
