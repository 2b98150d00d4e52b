/**
 * The server lets a document use the camera and microphone only when it was loaded at a page that records (the
 * candidate's pages, the employer's prompt-video pages: Permissions-Policy, apps/server/src/plugins/
 * permissions-policy.ts). A policy belongs to the document, and this is a single-page app: moving from the
 * interview list to an interview keeps the list's document, without the camera. So a route that records loads its
 * page afresh when the document may not record, once.
 */

interface FeaturePolicy {
  allowsFeature(feature: string): boolean;
}

// Where this document was loaded: a reload there would get the same policy, so it is never asked for twice.
const documentPath = window.location.pathname;

/** True when this document may ask for the camera and microphone (browsers without the API: always). */
export function documentMayRecord(): boolean {
  const policy = (document as Document & { featurePolicy?: FeaturePolicy }).featurePolicy;
  return !policy || (policy.allowsFeature('camera') && policy.allowsFeature('microphone'));
}

/** A route loader for pages that record: loads the page afresh, under its own policy, when it has to. */
export function loadRecordingDocument({ request }: { request: Request }): null | Promise<null> {
  const url = new URL(request.url);
  if (documentMayRecord() || url.pathname === documentPath) return null;
  window.location.assign(`${url.pathname}${url.search}${url.hash}`);
  // The navigation away is under way: this route never renders in this document.
  return new Promise(() => {});
}
