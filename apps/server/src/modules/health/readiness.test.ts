import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestClock, minutes, seconds } from '../../../test/factories/clock.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';

describe('readiness and version', () => {
  let t: TestContext;
  afterEach(() => t.close());
  const ready = async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
    return {
      statusCode: res.statusCode,
      body: res.json<{ status: string; checks: Record<string, unknown> }>(),
    };
  };

  it('is ready once a worker runs: database, a storage round trip, the worker heartbeat and ffmpeg', async () => {
    const clock = createTestClock();
    t = await createTestApp({}, { clock });
    const before = await ready();
    expect(before.statusCode).toBe(503);
    expect(before.body.checks.worker).toEqual({
      ok: false,
      problem: 'no worker has ever started (run one with ROLES=worker)',
    });
    await t.runtime.startWorker();
    const after = await ready();
    expect(after).toEqual({
      statusCode: 200,
      body: {
        status: 'ready',
        checks: { database: { ok: true }, storage: { ok: true }, worker: { ok: true }, ffmpeg: { ok: true } },
      },
    });
    // The round trip leaves nothing behind in storage.
    expect(await t.runtime.mediaStorage.stat('health')).toBeNull();

    // A worker that stops saying it is alive (4 beats missed) makes every node not ready.
    clock.advance(minutes(3));
    const stale = await ready();
    expect(stale.statusCode).toBe(503);
    expect(stale.body.checks.worker).toEqual({ ok: false, problem: 'no worker seen for 180 s' });
  });

  it('writes to storage at most once in 15 s while it passes, and at every probe while it fails', async () => {
    const clock = createTestClock();
    t = await createTestApp({}, { clock });
    const puts = vi.spyOn(t.runtime.mediaStorage, 'putFile');
    await Promise.all([ready(), ready(), ready()]);
    await ready();
    expect(puts).toHaveBeenCalledTimes(1);
    clock.advance(seconds(16));
    await ready();
    expect(puts).toHaveBeenCalledTimes(2);

    puts.mockRejectedValue(new Error('disk full'));
    clock.advance(seconds(16));
    expect((await ready()).body.checks.storage).toMatchObject({ ok: false });
    expect((await ready()).body.checks.storage).toMatchObject({ ok: false });
    expect(puts).toHaveBeenCalledTimes(4);
    puts.mockRestore();
    expect((await ready()).body.checks.storage).toEqual({ ok: true });
  });

  it('is not ready when media storage cannot be written, and says which check failed', async () => {
    t = await createTestApp({
      ROLES: 'api',
      STORAGE: 's3',
      S3_ENDPOINT: 'http://127.0.0.1:9',
      S3_BUCKET: 'nowhere',
      S3_ACCESS_KEY_ID: 'key',
      S3_SECRET_ACCESS_KEY: 'secret',
    });
    const res = await ready();
    expect(res.statusCode).toBe(503);
    expect(res.body.checks).toMatchObject({
      database: { ok: true },
      storage: { ok: false, problem: 'storage check failed (see the server log)' },
    });
    // An API-only process runs no ffmpeg, so it does not check it.
    expect(res.body.checks.ffmpeg).toBeUndefined();
  });

  it('tells the version, the commit when known and the Node.js version', async () => {
    t = await createTestApp({ ONEWAY_COMMIT: 'a1b2c3d' });
    const res = await t.app.inject({ method: 'GET', url: '/api/version' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ version: '0.2.0', commit: 'a1b2c3d', node: process.versions.node });
  });
});
