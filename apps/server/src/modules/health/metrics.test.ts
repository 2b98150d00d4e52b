import { jobNames } from '@oneway/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';

const token = 'metrics-token-for-tests';

describe('/metrics', () => {
  let t: TestContext;
  afterEach(() => t.close());

  it('is off without METRICS_TOKEN: 404 in the error shape, never the web app', async () => {
    t = await createTestApp();
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_found', message: 'Metrics are off (set METRICS_TOKEN).' });
  });

  it('wants the token as a bearer token', async () => {
    t = await createTestApp({ METRICS_TOKEN: token });
    for (const authorization of [undefined, 'Bearer wrong-token', `Basic ${token}`]) {
      const headers = authorization ? { authorization } : {};
      const res = await t.app.inject({ method: 'GET', url: '/metrics', headers });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'unauthenticated' });
    }
  });

  it('counts requests by route pattern and status, and reads the queue per job kind', async () => {
    t = await createTestApp({ METRICS_TOKEN: token });
    await t.app.inject({ method: 'GET', url: '/api/health' });
    await t.app.inject({ method: 'GET', url: '/api/v1/interviews/secret-looking-id' });
    await t.runtime.queue.enqueue(jobNames.sessionsPurge, {});
    const res = await t.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = res.body;
    expect(text).toContain('oneway_http_requests_total{method="GET",route="/api/health",status="200"} 1');
    expect(text).toMatch(
      /oneway_http_requests_total\{method="GET",route="\/api\/v1\/interviews\/:id",status="401"\} 1/,
    );
    expect(text).not.toContain('secret-looking-id');
    expect(text).toContain('oneway_jobs_waiting{job="sessions.purge"} 1');
    expect(text).toContain('oneway_jobs_running{job="sessions.purge"} 0');
    expect(text).toContain('oneway_worker_last_seen_seconds -1');
    for (const name of [
      'oneway_upload_bytes_total',
      'oneway_uploads_active',
      'oneway_job_failures_total',
      'oneway_processing_seconds_per_answer_second',
      'oneway_mail_total',
      'oneway_process_resident_memory_bytes',
    ]) {
      expect(text).toContain(`# TYPE ${name}`);
    }
  });
});
