/** Where to send someone after they sign in: the page they were going to, if it is one of ours. */
export function getRedirectTarget(state: unknown, fallback = '/'): string {
  if (typeof state !== 'object' || state === null || !('from' in state)) return fallback;
  const from = state.from;
  if (typeof from !== 'object' || from === null || !('pathname' in from)) return fallback;
  const { pathname } = from;
  // Only same-site paths: "//host" would leave the app.
  if (typeof pathname !== 'string' || !pathname.startsWith('/') || pathname.startsWith('//')) return fallback;
  const search = 'search' in from && typeof from.search === 'string' ? from.search : '';
  return `${pathname}${search}`;
}

/** A one-off notice passed to the sign-in page in router state (after sign out or a password reset). */
export function getNotice(state: unknown): string | null {
  if (typeof state !== 'object' || state === null || !('notice' in state)) return null;
  return typeof state.notice === 'string' ? state.notice : null;
}
