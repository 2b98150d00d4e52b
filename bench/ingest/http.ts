import http from 'node:http';

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * One request with node:http (fetch cannot choose the source address): each candidate sends from its own
 * 127.x.y.z, as each browser has its own IP, so per-IP rate limits apply per candidate.
 */
export function request(
  url: string,
  options: {
    method: string;
    headers?: Record<string, string>;
    json?: unknown;
    localAddress?: string;
  },
): Promise<HttpAnswer> {
  const body = options.json === undefined ? undefined : Buffer.from(JSON.stringify(options.json));
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        hostname: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: options.method,
        agent: false,
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
        headers: {
          ...options.headers,
          ...(body ? { 'content-type': 'application/json', 'content-length': String(body.length) } : {}),
        },
        timeout: 30_000,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${options.method} ${url} timed out`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Like request, but expects `status` and parses the JSON answer. */
export async function requestJson<T>(
  url: string,
  status: number,
  options: Parameters<typeof request>[1],
): Promise<{ json: T; answer: HttpAnswer }> {
  const answer = await request(url, options);
  if (answer.status !== status) {
    throw new Error(`${options.method} ${url}: expected ${status}, got ${answer.status}: ${answer.body}`);
  }
  return { json: (answer.body ? JSON.parse(answer.body) : null) as T, answer };
}

/** The value of cookie `name` from a response's Set-Cookie headers. */
export function cookieFrom(answer: HttpAnswer, name: string): string {
  for (const line of answer.headers['set-cookie'] ?? []) {
    const [pair] = line.split(';');
    const eq = pair?.indexOf('=') ?? -1;
    if (pair && eq > 0 && pair.slice(0, eq).trim() === name) return `${name}=${pair.slice(eq + 1)}`;
  }
  throw new Error(`No ${name} cookie was set`);
}

/** Runs `work` over `items` with at most `limit` at a time, in order of the items. */
export async function mapLimit<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  });
  await Promise.all(lanes);
  return results;
}

/** Candidate i's own loopback address: 127.1.0.1, 127.1.0.2, … (the whole 127/8 reaches the local host). */
export const addressOf = (i: number): string => `127.${1 + Math.floor(i / 250)}.${(i % 250) + 1}.1`;
