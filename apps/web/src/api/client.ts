import type { ErrorCode, FieldIssue } from '@oneway/shared';

/** Codes the client itself can produce on top of the server's. */
export type ClientErrorCode = ErrorCode | 'network_error' | 'unexpected_response';

/** A failed API call, carrying the server's error body. */
export class ApiError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    readonly status: number,
    message: string,
    readonly details?: unknown,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The per-field problems of a `validation_failed` error, or an empty list. */
  get fieldIssues(): FieldIssue[] {
    if (this.code !== 'validation_failed' || !isRecord(this.details)) return [];
    const fields = this.details.fields;
    if (!Array.isArray(fields)) return [];
    return fields.filter(
      (f): f is FieldIssue => isRecord(f) && typeof f.field === 'string' && typeof f.message === 'string',
    );
  }
}

/** Anything with a zod-like `safeParse`; keeps the client free of a direct zod import. */
export interface Parser<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: unknown };
}

interface RequestOptions<T> {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Checks the response body; leave out for endpoints that answer without one. */
  schema?: Parser<T>;
  signal?: AbortSignal;
  /** Extra request headers (candidate pages send their CSRF header this way). */
  headers?: Record<string, string>;
  /** Let the request finish when the page is reloaded or left (a score saved the moment it was picked). */
  keepalive?: boolean;
}

let csrfToken: string | null = null;

/** Remembers the CSRF token of the current session; every non-GET request sends it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The CSRF token of the current session, for requests not made through requestApi (upload progress). */
export function getCsrfToken(): string | null {
  return csrfToken;
}

export const apiBase = '/api/v1';

/** Calls the Oneway API and returns the checked response body, or throws an ApiError. */
export function requestApi<T = void>(path: string, options: RequestOptions<T> = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { ...options.headers, accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return send(
    path,
    { method, headers, body, signal: options.signal, keepalive: options.keepalive },
    options.schema,
  );
}

/** Sends a file as the raw request body with its own Content-Type (a logo upload); otherwise like requestApi. */
export function uploadBinary<T>(
  path: string,
  file: Blob,
  options: { method?: 'PUT' | 'POST'; schema: Parser<T>; signal?: AbortSignal },
): Promise<T> {
  const method = options.method ?? 'PUT';
  const headers = { accept: 'application/json', 'content-type': file.type };
  return send(path, { method, headers, body: file, signal: options.signal }, options.schema);
}

/** One API call: the CSRF header on changes, network failures and error bodies as ApiError, the body checked. */
async function send<T>(
  path: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body?: BodyInit;
    signal?: AbortSignal;
    keepalive?: boolean;
  },
  schema: Parser<T> | undefined,
): Promise<T> {
  const headers = { ...init.headers };
  if (init.method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${apiBase}${path}`, { ...init, headers, credentials: 'same-origin' });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('network_error', 0, 'Network request failed');
  }

  const data = await readJson(response);
  if (!response.ok) throw toApiError(response.status, data);
  if (!schema) return undefined as T;

  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    console.error(`Unexpected response from ${init.method} ${path}`, parsed.error);
    throw new ApiError('unexpected_response', response.status, 'Unexpected response');
  }
  return parsed.data;
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  if (!response.headers.get('content-type')?.includes('json')) return undefined;
  try {
    const data: unknown = await response.json();
    return data;
  } catch {
    return undefined;
  }
}

/** The ApiError for a failed response's status and JSON body (or none). */
export function toApiError(status: number, data: unknown): ApiError {
  if (isRecord(data) && typeof data.code === 'string') {
    const message = typeof data.message === 'string' ? data.message : data.code;
    const requestId = typeof data.requestId === 'string' ? data.requestId : undefined;
    return new ApiError(data.code as ClientErrorCode, status, message, data.details, requestId);
  }
  if (status === 413) return new ApiError('payload_too_large', status, 'Payload too large');
  if (status === 429) return new ApiError('rate_limited', status, 'Too many requests');
  return new ApiError('internal_error', status, `Request failed with status ${status}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Parses `{ [key]: T[] }` list responses with the item schema from @oneway/shared. */
export function listOf<K extends string, T>(key: K, item: Parser<T>): Parser<Record<K, T[]>> {
  return {
    safeParse(input) {
      const list = isRecord(input) ? input[key] : undefined;
      if (!Array.isArray(list)) return { success: false, error: `Expected a "${key}" list` };
      const items: T[] = [];
      for (const entry of list) {
        const result = item.safeParse(entry);
        if (!result.success) return result;
        items.push(result.data);
      }
      return { success: true, data: { [key]: items } as Record<K, T[]> };
    },
  };
}
