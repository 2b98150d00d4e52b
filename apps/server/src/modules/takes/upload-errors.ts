import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorBody, ErrorCode } from '@oneway/shared';
import { ERRORS, Metadata, TUS_RESUMABLE } from '@tus/server';

/** What @tus/server answers with: its own ERRORS, and our refusals (upload-hooks.ts) whose body is already JSON. */
export interface TusError {
  status_code: number;
  body: string;
}

// tus's own refusals by status. A conflict (the offset moved on) and a busy upload (a newer request took its lock)
// pass: the page asks where the upload stands and goes on (uploadRetry.ts in the web app). Gone and too large do not.
const codeByStatus: Record<number, ErrorCode> = {
  400: 'validation_failed',
  403: 'validation_failed',
  404: 'not_found',
  409: 'upload_conflict',
  410: 'not_found',
  412: 'validation_failed',
  413: 'payload_too_large',
  415: 'upload_rejected',
  423: 'upload_busy',
  429: 'rate_limited',
};

const codeOfTusError = (error: TusError): ErrorCode =>
  error.status_code >= 500
    ? 'internal_error'
    : error.body === ERRORS.ABORTED.body
      ? 'upload_busy'
      : (codeByStatus[error.status_code] ?? 'validation_failed');

// The request id of each upload request, for error bodies written outside Fastify's reply (tus owns the response).
const requestIds = new WeakMap<IncomingMessage, string>();

/** Remembers the Fastify request id of a raw request handed to tus. */
export const rememberUploadRequestId = (raw: IncomingMessage, id: string): void => {
  requestIds.set(raw, id);
};

const isErrorBody = (value: unknown): value is Pick<ErrorBody, 'code'> =>
  typeof value === 'object' && value !== null && typeof (value as ErrorBody).code === 'string';

/**
 * The documented error body `{ code, message, requestId }` for a tus error: our refusals keep their code, tus's own
 * errors (plain text such as "Upload-Offset conflict") get the code of their status and their text as message.
 */
export function uploadErrorBody(error: TusError, raw: IncomingMessage | undefined): string {
  const requestId = (raw && requestIds.get(raw)) ?? '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(error.body);
  } catch {
    parsed = undefined;
  }
  if (isErrorBody(parsed)) return JSON.stringify({ ...parsed, requestId });
  const message =
    error.status_code >= 500 ? 'Internal Server Error' : error.body.trim() || 'The upload was refused.';
  return JSON.stringify({ code: codeOfTusError(error), message, requestId } satisfies ErrorBody);
}

const jsonType = 'application/json; charset=utf-8';

/** Headers as writeHead takes them (an object, or a flat [name, value, …] list) with the type set to JSON. */
function withJsonType(headers: unknown): unknown {
  if (Array.isArray(headers)) {
    const list = headers as unknown[];
    const pairs: unknown[] = [];
    for (let i = 0; i + 1 < list.length; i += 2) {
      if (String(list[i]).toLowerCase() !== 'content-type') pairs.push(list[i], list[i + 1]);
    }
    return [...pairs, 'content-type', jsonType];
  }
  if (headers && typeof headers === 'object') {
    const entries = Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'content-type');
    return { ...Object.fromEntries(entries), 'content-type': jsonType };
  }
  return { 'content-type': jsonType };
}

/** Marks the upload's error answers as JSON: tus writes their status and body (as text/plain), this the type. */
export function labelJsonErrors(res: ServerResponse): void {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = (status: number, ...rest: unknown[]) => {
    if (status < 400) return writeHead(status, ...rest);
    // writeHead(status, headers) or writeHead(status, statusText, headers).
    const [first, second] = rest;
    return typeof first === 'string'
      ? writeHead(status, first, withJsonType(second))
      : writeHead(status, withJsonType(first));
  };
}

const isCount = (value: string): boolean => {
  const n = Number(value);
  return Number.isInteger(n) && String(n) === value && n >= 0;
};

// The checks @tus/server makes before its handlers run; it writes their refusals itself, as plain text.
const headerChecks: Record<string, (value: string, method: string) => boolean> = {
  'tus-resumable': (value) => value === TUS_RESUMABLE,
  'upload-offset': isCount,
  'upload-length': isCount,
  'upload-defer-length': (value) => value === '1',
  'upload-metadata': (value) => {
    try {
      Metadata.parse(value);
      return true;
    } catch {
      return false;
    }
  },
  'upload-concat': (value) => value === 'partial' || value.startsWith('final;'),
  'x-forwarded-proto': (value) => value === 'http' || value === 'https',
  'content-type': (value, method) => method !== 'PATCH' || value === 'application/offset+octet-stream',
};

/**
 * The refusal @tus/server would write itself for a request without Tus-Resumable (412) or with a tus header it
 * cannot read (400), or null; so that answer, too, is given in the documented shape.
 */
export function findTusHeaderProblem(req: IncomingMessage): TusError | null {
  if (req.method === 'OPTIONS') return null;
  if (req.headers['tus-resumable'] === undefined) {
    return { status_code: 412, body: 'Send the header Tus-Resumable: 1.0.0' };
  }
  const invalid = Object.entries(headerChecks)
    .filter(([name, check]) => {
      const value = req.headers[name];
      if (value === undefined) return false;
      return !check(Array.isArray(value) ? value.join(', ') : value, req.method ?? '');
    })
    .map(([name]) => name);
  if (invalid.length === 0) return null;
  return { status_code: 400, body: `These headers are not valid: ${invalid.join(', ')}` };
}
