import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../test/runtime.ts';

describe('the web app', () => {
  let t: TestContext;
  let dist = '';
  const script = `console.log(${JSON.stringify('a candidate page '.repeat(200))});`;
  beforeAll(async () => {
    dist = mkdtempSync(path.join(os.tmpdir(), 'oneway-dist-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Oneway</title>');
    writeFileSync(path.join(dist, 'assets', 'app-1a2b.js'), script);
    writeFileSync(path.join(dist, 'assets', 'app-1a2b.js.br'), zlib.brotliCompressSync(script));
    writeFileSync(path.join(dist, 'assets', 'app-1a2b.js.gz'), zlib.gzipSync(script));
    t = await createTestApp({ WEB_DIST_DIR: dist });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const getScript = (acceptEncoding?: string) =>
    t.app.inject({
      method: 'GET',
      url: '/assets/app-1a2b.js',
      headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {},
    });

  it('sends the Brotli or gzip copy the build made to browsers that accept it, and plain text otherwise', async () => {
    const br = await getScript('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const gzip = await getScript('gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.rawPayload).toString()).toBe(script);

    const plain = await getScript();
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('answers client-side routes with index.html that no cache keeps', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/interview/questions/1' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>Oneway</title>');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers / to a client that accepts no compression (curl, uptime probes) with index.html', async () => {
    for (const headers of [{}, { 'accept-encoding': 'gzip, br' }]) {
      const res = await t.app.inject({ method: 'GET', url: '/', headers });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<title>Oneway</title>');
    }
    expect((await t.app.inject({ method: 'HEAD', url: '/' })).statusCode).toBe(200);
  });

  it('allows the camera and microphone only in documents of pages that record', async () => {
    const policyOf = async (url: string) =>
      String((await t.app.inject({ method: 'GET', url })).headers['permissions-policy']);
    for (const url of [
      '/i/abc123',
      '/interview',
      '/interview/questions/2',
      '/continue',
      '/interviews/new',
      '/interviews/3f2a',
      '/interviews/3f2a/edit',
    ]) {
      expect(await policyOf(url), url).toContain('camera=(self), microphone=(self)');
    }
    for (const url of [
      '/',
      '/interviews',
      '/interviews/3f2a/review',
      '/interviews/3f2a/candidates',
      '/s/token',
      '/signin',
      '/settings',
      '/api/v1/auth/me',
    ]) {
      expect(await policyOf(url), url).toContain('camera=(), microphone=()');
    }
  });

  it('forbids framing with CSP frame-ancestors alone, without the obsolete X-Frame-Options', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/interviews' });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBeUndefined();
  });
});
