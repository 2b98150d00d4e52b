/**
 * The header the server requires on candidate, guest and "Your data" requests that change state: a page of another
 * site cannot send it without a CORS preflight, which the server never grants (its CSRF defence for cookie sessions
 * that have no CSRF token; see candidate-cookie.ts on the server).
 */
export const requestedWithHeaders = { 'x-requested-with': 'oneway' } as const;
