import { describe, expect, it } from 'vitest';
import { classifyUploadError, maxUnexplainedClientErrors, retryDelayMs } from './uploadRetry.ts';

const json = (code: string) => JSON.stringify({ code, message: code });
const classify = (status: number, body: string | null = null, unexplainedClientErrors = 0) =>
  classifyUploadError({ status, body, unexplainedClientErrors }).kind;

describe('classifyUploadError', () => {
  it('retries when nothing answered (offline, server restarting) and on server errors', () => {
    expect(classify(0)).toBe('retry');
    expect(classify(500, json('internal_error'))).toBe('retry');
    expect(classify(502, '<html>Bad gateway</html>')).toBe('retry');
    expect(classify(503)).toBe('retry');
  });

  it("retries tus's own passing conflicts: offset conflict, lock, a lock taken by a newer request", () => {
    expect(classify(409, 'Upload-Offset conflict\n')).toBe('retry');
    expect(classify(423, 'locked')).toBe('retry');
    expect(classify(400, 'Request aborted due to lock acquired')).toBe('retry');
    expect(classify(429, json('rate_limited'))).toBe('retry');
    expect(classify(409, json('upload_conflict'))).toBe('retry');
    expect(classify(423, json('upload_busy'))).toBe('retry');
    expect(classify(400, json('upload_busy'))).toBe('retry');
  });

  it("refuses on the server's own decisions about the take", () => {
    expect(
      classifyUploadError({ status: 409, body: json('take_not_open'), unexplainedClientErrors: 0 }),
    ).toEqual({
      kind: 'refused',
      status: 409,
      code: 'take_not_open',
    });
    expect(classify(403, json('forbidden'))).toBe('refused');
    expect(classify(404, json('not_found'))).toBe('refused');
    expect(classify(415, json('upload_rejected'))).toBe('refused');
    expect(classify(401, json('candidate_session_invalid'))).toBe('refused');
  });

  it('refuses when tus says the upload is gone or too large', () => {
    expect(classify(404, 'The file for this url was not found\n')).toBe('refused');
    expect(classify(410, 'The file for this url no longer exists\n')).toBe('refused');
    expect(classify(413, "upload's size exceeded\n")).toBe('refused');
  });

  it('gives up on an unexplained 4xx only after it came back many times without progress', () => {
    expect(classify(400, 'odd', 0)).toBe('retry');
    expect(classify(400, 'odd', maxUnexplainedClientErrors - 2)).toBe('retry');
    expect(classify(400, 'odd', maxUnexplainedClientErrors - 1)).toBe('refused');
  });
});

describe('retryDelayMs', () => {
  const middle = () => 0.5;
  it('retries at once, then backs off to 15 s and stays there', () => {
    expect(retryDelayMs(0, middle)).toBe(0);
    expect(retryDelayMs(1, middle)).toBe(1_000);
    expect(retryDelayMs(5, middle)).toBe(15_000);
    expect(retryDelayMs(500, middle)).toBe(15_000);
  });

  it('spreads each step over [0.5, 1.5) times it, so candidates do not come back together', () => {
    expect(retryDelayMs(1, () => 0)).toBe(500);
    expect(retryDelayMs(1, () => 0.999)).toBe(1_499);
    expect(retryDelayMs(3, () => 0.25)).toBe(3_000);
    // A seeded source, so a failure can be replayed.
    let x = 0x2545f491;
    const seeded = () => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return (x >>> 0) / 0x100000000;
    };
    const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(2, seeded)));
    expect(delays.size).toBeGreaterThan(10);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(1_000);
      expect(delay).toBeLessThan(3_000);
    }
  });

  it('stays below one and a half steps for random values just below 1 (the interval is half-open)', () => {
    for (const r of [1 - Number.EPSILON, 1 - Number.EPSILON / 2]) {
      for (let failures = 1; failures <= 5; failures++) {
        const step = retryDelayMs(failures, middle);
        const delay = retryDelayMs(failures, () => r);
        expect(delay, `step ${step}, r = ${r}`).toBeLessThan(step * 1.5);
        expect(delay).toBe(step * 1.5 - 1);
        expect(Number.isInteger(delay)).toBe(true);
      }
    }
  });
});
