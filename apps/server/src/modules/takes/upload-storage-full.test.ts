import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { ProcessingOverview } from '@oneway/shared';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFillableDisk, type FillableDisk } from '../../../test/fillable-disk.ts';
import { sendAsCandidate } from '../../../test/factories/invitations.ts';
import { send, type TestSession } from '../../../test/factories/session.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import {
  createUpload,
  headOffset,
  makeWebm,
  openTakeOk,
  setUpCandidate,
  takeState,
  tusHeaders,
  tusPatch,
  tusRequest,
  type Candidate,
  sha256,
} from './takes.test-support.ts';

// The media folder fills up while a candidate sends the last part of an answer; space is freed later.
describe('a full disk during the last PATCH of an upload (real server)', () => {
  let disk: FillableDisk;
  let t: TestContext;
  let origin: string;
  let owner: TestSession;
  let invite: () => Promise<Candidate>;
  let recording: Buffer;
  const logLines: { level: number; msg: string }[] = [];
  beforeAll(async () => {
    const webm = makeWebm();
    recording = Buffer.concat([webm, randomBytes(600_000 - webm.length)]);
    disk = createFillableDisk();
    const logger = pino(
      { level: 'info' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          for (const line of chunk.toString().split('\n').filter(Boolean)) {
            logLines.push(JSON.parse(line) as { level: number; msg: string });
          }
          done();
        },
      }),
    );
    t = await createTestApp({ DATA_DIR: disk.dataDir }, { logger });
    origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    ({ owner, invite } = await setUpCandidate(t, { takes: 3 }));
  });
  afterAll(async () => {
    await t.close();
    disk.close();
  });

  const overview = async () => {
    const res = await send(t.app, owner, { method: 'GET', url: '/api/v1/processing' });
    expect(res.statusCode).toBe(200);
    return res.json<ProcessingOverview>();
  };
  /** What was handed to the mail service (the invitation mail capture of setUpCandidate records it). */
  const alertsTo = (email: string) =>
    Promise.resolve(
      vi
        .mocked(t.runtime.services.mail)
        .queueEmail.mock.calls.map(([message]) => message)
        .filter((m) => m.to === email && /storage is failing/.test(m.subject)),
    );

  it('answers 503 storage_unavailable, tells the admins once, and the same upload finishes once space is freed', async () => {
    // Which fault ran: a real 2 MiB tmpfs (as root, where mounting works) or failing writes of the file layer.
    console.info(`full disk simulated with: ${disk.how}`);
    const c = await invite();
    const take = await openTakeOk(t.app, c);
    const url = await createUpload(origin, c, take.takeId);
    expect((await tusPatch(c, url, 0, recording.subarray(0, 100_000))).status).toBe(204);

    disk.fill();
    const length = { 'upload-length': String(recording.length) };
    for (let i = 0; i < 3; i++) {
      const offset = await headOffset(c, url);
      const refused = await tusPatch(c, url, offset, recording.subarray(offset), length);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('30');
      expect(refused.headers.get('tus-resumable')).toBe('1.0.0');
      expect(JSON.parse(await refused.text())).toMatchObject({ code: 'storage_unavailable' });
    }
    // Three refused requests, one log line at error level naming the cause.
    const errors = logLines.filter((l) => l.level >= 50 && /media storage failed/.test(l.msg));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.msg).toMatch(/disk is full/);
    // The candidate stays signed in.
    const landing = await sendAsCandidate(t.app, c.browser, {
      method: 'GET',
      url: '/api/v1/candidate/landing',
    });
    expect(landing.statusCode).toBe(200);

    // Admins see it on the Processing page, and are e-mailed once.
    await expect
      .poll(async () => (await overview()).storageProblems[0], { timeout: 10_000 })
      .toMatchObject({ kind: 'disk_full', resolvedAt: null });
    expect((await overview()).storageProblems[0]?.reason).toMatch(/disk is full/);
    expect((await overview()).storageProblems[0]?.failedRequests).toBeGreaterThanOrEqual(1);
    expect((await overview()).storageProblems[0]?.detail).toMatch(/^ENOSPC/);
    await expect
      .poll(async () => (await alertsTo(owner.info.user.email)).length, { timeout: 10_000 })
      .toBe(1);

    disk.free();
    const offset = await headOffset(c, url);
    expect(offset).toBeGreaterThanOrEqual(100_000);
    const resumed = await tusPatch(c, url, offset, recording.subarray(offset), length);
    expect(resumed.status, await resumed.clone().text()).toBe(204);
    expect(await takeState(t.app, c, take.takeId)).toMatchObject({
      status: 'uploaded',
      bytes: recording.length,
      sha256: sha256(recording),
    });
    await expect
      .poll(async () => (await overview()).storageProblems[0]?.resolvedAt, { timeout: 10_000 })
      .not.toBeNull();
    const [alert] = await alertsTo(owner.info.user.email);
    expect(alert?.text).toMatch(/disk is full/);
    expect(alert?.text).toContain('/processing');
    expect(await alertsTo(owner.info.user.email)).toHaveLength(1);
  });

  it('answers 503 storage_unavailable to the creation of an upload whose file cannot be made, without ending the session', async () => {
    const c = await invite();
    const take = await openTakeOk(t.app, c);
    disk.fill();
    try {
      const created = await tusRequest(`${origin}/api/v1/uploads`, {
        method: 'POST',
        headers: {
          ...tusHeaders(c),
          'upload-defer-length': '1',
          'upload-metadata': `takeId ${Buffer.from(take.takeId).toString('base64')}`,
        },
      });
      expect(created.status).toBe(503);
      expect(created.headers.get('retry-after')).toBe('30');
      expect(JSON.parse(await created.text())).toMatchObject({ code: 'storage_unavailable' });
    } finally {
      disk.free();
    }
    // The take was not used up by the creation that failed: the page's next try creates its upload.
    const url = await createUpload(origin, c, take.takeId);
    const sent = await tusPatch(c, url, 0, recording, { 'upload-length': String(recording.length) });
    expect(sent.status).toBe(204);
    expect((await takeState(t.app, c, take.takeId)).sha256).toBe(sha256(recording));
    expect(
      (await sendAsCandidate(t.app, c.browser, { method: 'GET', url: '/api/v1/candidate/landing' }))
        .statusCode,
    ).toBe(200);
  });
});

describe('an S3 API that does not answer (STORAGE=s3 with nothing listening at its address)', () => {
  let t: TestContext;
  let origin: string;
  let owner: TestSession;
  let invite: () => Promise<Candidate>;
  beforeAll(async () => {
    t = await createTestApp({
      STORAGE: 's3',
      S3_ENDPOINT: 'http://127.0.0.1:1',
      S3_BUCKET: 'oneway',
      S3_ACCESS_KEY_ID: 'test',
      S3_SECRET_ACCESS_KEY: 'test',
    });
    origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    ({ owner, invite } = await setUpCandidate(t));
  });
  afterAll(() => t.close());

  it('answers the creation of an upload with 503 storage_unavailable and lists the problem for admins', async () => {
    const c = await invite();
    const take = await openTakeOk(t.app, c);
    const created = await tusRequest(`${origin}/api/v1/uploads`, {
      method: 'POST',
      headers: {
        ...tusHeaders(c),
        'upload-defer-length': '1',
        'upload-metadata': `takeId ${Buffer.from(take.takeId).toString('base64')}`,
      },
    });
    expect(created.status).toBe(503);
    expect(created.headers.get('retry-after')).toBe('30');
    expect(JSON.parse(await created.text())).toMatchObject({ code: 'storage_unavailable' });
    await expect
      .poll(
        async () =>
          (await send(t.app, owner, { method: 'GET', url: '/api/v1/processing' })).json<ProcessingOverview>()
            .storageProblems[0]?.kind,
        { timeout: 10_000 },
      )
      .toBe('s3_unavailable');
  });
});
