import pino, { type Logger } from 'pino';

/**
 * Paths whose last segment is a secret (candidate links, share links, signed media addresses); query strings may
 * hold tokens too.
 */
const secretPathPrefixes = ['/i/', '/s/', '/api/v1/media/'];

/** The URL as it may appear in logs: no query string, and secret path segments replaced. */
export function redactUrl(url: string): string {
  const pathOnly = url.split('?')[0] ?? '';
  const prefix = secretPathPrefixes.find((p) => pathOnly.startsWith(p));
  const redacted = prefix ? `${prefix}[redacted]` : pathOnly;
  return url.includes('?') ? `${redacted}?[redacted]` : redacted;
}

interface LoggedRequest {
  method: string;
  url: string;
  ip?: string;
}

/** The process logger: JSON lines; request URLs redacted so link tokens never reach the log. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    serializers: {
      req: (req: LoggedRequest) => ({ method: req.method, url: redactUrl(req.url), ip: req.ip }),
    },
  });
}
