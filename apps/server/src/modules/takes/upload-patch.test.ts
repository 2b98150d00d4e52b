import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { FileStore } from '@tus/file-store';
import { MemoryLocker, Upload } from '@tus/server';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import {
  makeWebm,
  openRawPatch,
  openTakeOk,
  setUpCandidate,
  tusHeaders,
  tusPatch,
  tusRequest,
  type Candidate,
  sha256,
} from './takes.test-support.ts';
import { UploadHashes } from './upload-hashes.ts';
import { createLocalPatch, type LocalPatch } from './upload-patch.ts';

const maxBytes = 2_000_000;

/** Every refusal is in the documented error shape (upload-errors.ts). */
const errorOf = async (res: Response): Promise<unknown> => JSON.parse(await res.text());
const contains = (text: string): unknown => expect.stringContaining(text);
/** What appendBody gathers before a write: a part of exactly this size is on disk as soon as all of it arrived. */
const oneWrite = 256 * 1024;

describe('PATCH of uploads kept in a local folder (real server)', () => {
  let t: TestContext;
  let origin: string;
  let invite: () => Promise<Candidate>;
  /** A recording of ~600 KB: a real WebM (the take checks its first bytes) followed by more bytes. */
  let recording: Buffer;
  beforeAll(async () => {
    const webm = makeWebm();
    recording = Buffer.concat([webm, randomBytes(600_000 - webm.length)]);
    t = await createTestApp({ MEDIA_MAX_BYTES: String(maxBytes) });
    origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    ({ invite } = await setUpCandidate(t, { takes: 3 }));
  });
  afterAll(() => t.close());

  const tmpDir = () => path.join(t.runtime.config.mediaDir, 'tmp');
  const uploadIdOf = (url: string) => new URL(url).pathname.split('/').at(-1) ?? '';
  const uploadFile = (url: string) => path.join(tmpDir(), uploadIdOf(url));
  const takeRow = (takeId: string) =>
    t.runtime.db.selectFrom('takes').selectAll().where('id', '=', takeId).executeTakeFirstOrThrow();
  /** This process's open file descriptors on the upload's file (wherever it was moved since). */
  const openFdsOf = (url: string) =>
    readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return readlinkSync(path.join('/proc/self/fd', fd)).includes(uploadIdOf(url));
      } catch {
        return false;
      }
    }).length;

  /** A candidate with an open take and an upload created for it (length deferred), as the page starts one. */
  const startUpload = async () => {
    const c = await invite();
    const take = await openTakeOk(t.app, c);
    const res = await tusRequest(`${origin}/api/v1/uploads`, {
      method: 'POST',
      headers: {
        ...tusHeaders(c),
        'upload-defer-length': '1',
        'upload-metadata': `takeId ${Buffer.from(take.takeId).toString('base64')}`,
      },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    return { c, take, url: new URL(res.headers.get('location') ?? '', origin).toString() };
  };
  const patch = tusPatch;
  const headOffset = async (c: Candidate, url: string) => {
    const res = await tusRequest(url, { method: 'HEAD', headers: tusHeaders(c) });
    expect(res.status).toBe(200);
    return Number(res.headers.get('upload-offset'));
  };
  /** The bytes the server holds for the upload are exactly the first `offset` bytes of `data`. */
  const expectStored = (url: string, data: Buffer, offset: number) => {
    expect(readFileSync(uploadFile(url)).equals(data.subarray(0, offset))).toBe(true);
  };

  const openPatch = (c: Candidate, url: string, offset: number, contentLength?: number) =>
    openRawPatch(url, { ...tusHeaders(c), 'upload-offset': String(offset) }, contentLength);

  describe('tus refusals, with the status and body @tus/server answers', () => {
    it('refuses a PATCH without Tus-Resumable with 412 and keeps the upload as it was', async () => {
      const { c, url } = await startUpload();
      expect((await patch(c, url, 0, recording.subarray(0, 1000))).status).toBe(204);
      const res = await fetch(url, {
        method: 'PATCH',
        headers: {
          ...tusHeaders(c),
          'content-type': 'application/offset+octet-stream',
          'upload-offset': '1000',
        },
        body: recording.subarray(1000, 2000),
      });
      expect(res.status).toBe(412);
      expect(await errorOf(res)).toMatchObject({
        code: 'validation_failed',
        message: contains('Tus-Resumable'),
      });
      expect(await headOffset(c, url)).toBe(1000);
      expectStored(url, recording, 1000);
    });

    it('refuses an Upload-Offset or Upload-Length that is not a plain non-negative integer with 400', async () => {
      const { c, url } = await startUpload();
      expect((await patch(c, url, 0, recording.subarray(0, 1000))).status).toBe(204);
      for (const offset of ['abc', '-1', '1.5', '1e3', '', '01000']) {
        const res = await patch(c, url, 0, recording.subarray(1000, 2000), { 'upload-offset': offset });
        expect(res.status, `Upload-Offset ${JSON.stringify(offset)}`).toBe(400);
        expect(res.headers.get('tus-resumable')).toBe('1.0.0');
        expect(await errorOf(res)).toMatchObject({
          code: 'validation_failed',
          message: contains('upload-offset'),
        });
      }
      for (const length of ['abc', '-5', '01000']) {
        const res = await patch(c, url, 1000, recording.subarray(1000, 2000), { 'upload-length': length });
        expect(res.status, `Upload-Length ${JSON.stringify(length)}`).toBe(400);
        expect(await errorOf(res)).toMatchObject({
          code: 'validation_failed',
          message: contains('upload-length'),
        });
      }
      expect(await headOffset(c, url)).toBe(1000);
      expectStored(url, recording, 1000);
    });

    it('refuses a PATCH without Upload-Offset with 403', async () => {
      const { c, url } = await startUpload();
      const res = await tusRequest(url, {
        method: 'PATCH',
        headers: { ...tusHeaders(c), 'content-type': 'application/offset+octet-stream' },
        body: recording.subarray(0, 1000),
      });
      expect(res.status).toBe(403);
      expect(res.headers.get('tus-resumable')).toBe('1.0.0');
      expect(await errorOf(res)).toMatchObject({
        code: 'validation_failed',
        message: 'Upload-Offset header required',
      });
      expect(await headOffset(c, url)).toBe(0);
    });

    it('refuses a Content-Type other than application/offset+octet-stream with 400 and a PATCH without one with 403', async () => {
      const { c, url } = await startUpload();
      const withParameter = await patch(c, url, 0, recording.subarray(0, 1000), {
        'content-type': 'application/offset+octet-stream; charset=utf-8',
      });
      expect(withParameter.status).toBe(400);
      expect(withParameter.headers.get('tus-resumable')).toBe('1.0.0');
      expect(await errorOf(withParameter)).toMatchObject({
        code: 'validation_failed',
        message: contains('content-type'),
      });
      // Another media type altogether never reaches tus: Fastify has no parser for it on this route.
      const other = await patch(c, url, 0, recording.subarray(0, 1000), {
        'content-type': 'application/octet-stream',
      });
      expect(other.status).toBe(415);
      const missing = await tusRequest(url, {
        method: 'PATCH',
        headers: { ...tusHeaders(c), 'upload-offset': '0' },
      });
      expect(missing.status).toBe(403);
      expect(await errorOf(missing)).toMatchObject({
        code: 'validation_failed',
        message: 'Content-Type header required',
      });
      expect(await headOffset(c, url)).toBe(0);
    });

    it('refuses an Upload-Offset behind or past the upload with 409, leaving its bytes and offset as they were', async () => {
      const { c, url } = await startUpload();
      expect((await patch(c, url, 0, recording.subarray(0, 5000))).status).toBe(204);
      // Behind: accepted, it would write over bytes already stored.
      const behind = await patch(c, url, 1000, Buffer.alloc(4000, 0xff));
      expect(behind.status).toBe(409);
      expect(await errorOf(behind)).toMatchObject({
        code: 'upload_conflict',
        message: 'Upload-Offset conflict',
      });
      const past = await patch(c, url, 6000, recording.subarray(6000, 7000));
      expect(past.status).toBe(409);
      expect(await headOffset(c, url)).toBe(5000);
      expectStored(url, recording, 5000);
      // The page resumes from the offset HEAD gave it.
      expect((await patch(c, url, 5000, recording.subarray(5000, 8000))).status).toBe(204);
      expect(await headOffset(c, url)).toBe(8000);
      expectStored(url, recording, 8000);
    });

    it('refuses a PATCH to an upload that does not exist with 404', async () => {
      const c = await invite();
      const res = await patch(c, `${origin}/api/v1/uploads/${randomBytes(16).toString('hex')}`, 0, recording);
      expect(res.status).toBe(404);
      expect(JSON.parse(await res.text())).toMatchObject({ code: 'not_found' });
    });
  });

  it('keeps exactly the bytes that arrived before the client went away mid-body, and the upload finishes from there with the SHA-256 of the whole file', async () => {
    const { c, take, url } = await startUpload();
    const dropped = openPatch(c, url, 0, recording.length);
    await dropped.send(recording.subarray(0, oneWrite));
    await vi.waitFor(() => expect(statSync(uploadFile(url)).size).toBe(oneWrite), {
      timeout: 5_000,
      interval: 10,
    });
    dropped.req.destroy();
    expect(await dropped.response).toBeNull();

    expect(await headOffset(c, url)).toBe(oneWrite);
    expectStored(url, recording, oneWrite);
    const rest = await patch(c, url, oneWrite, recording.subarray(oneWrite), {
      'upload-length': String(recording.length),
    });
    expect(rest.status, await rest.clone().text()).toBe(204);
    expect(rest.headers.get('upload-offset')).toBe(String(recording.length));
    expect(rest.headers.get('oneway-take-sha256')).toBe(sha256(recording));
    expect(rest.headers.get('oneway-take-bytes')).toBe(String(recording.length));
    const row = await takeRow(take.takeId);
    expect(row).toMatchObject({ status: 'uploaded', sha256: sha256(recording) });
    // PostgreSQL answers a bigint as text.
    expect(Number(row.bytes)).toBe(recording.length);
    expect(readFileSync(path.join(t.runtime.config.mediaDir, row.storage_key)).equals(recording)).toBe(true);
    // Finished: the file kept open between chunks is closed, and nothing is left in the upload folder.
    await vi.waitFor(() => expect(openFdsOf(url)).toBe(0), { timeout: 2_000, interval: 10 });
    expect(existsSync(uploadFile(url))).toBe(false);
  });

  it('keeps a prefix of the body when the client drops a PATCH right after sending part of it, and resumes from there', async () => {
    const { c, take, url } = await startUpload();
    const dropped = openPatch(c, url, 0, recording.length);
    await dropped.send(recording.subarray(0, 20_000));
    dropped.req.destroy();
    await dropped.response;
    // The server may still hold bytes of the dropped PATCH that it has not written yet when HEAD first answers;
    // the resuming PATCH is then refused with 409 and the page asks HEAD again, as tus-js-client does.
    let rest: Response | undefined;
    await vi.waitFor(
      async () => {
        const kept = await headOffset(c, url);
        expect(kept).toBeLessThanOrEqual(20_000);
        expectStored(url, recording, kept);
        rest = await patch(c, url, kept, recording.subarray(kept), {
          'upload-length': String(recording.length),
        });
        expect(rest.status).toBe(204);
      },
      { timeout: 5_000, interval: 20 },
    );
    expect(rest?.headers.get('oneway-take-sha256')).toBe(sha256(recording));
    expect(await takeRow(take.takeId)).toMatchObject({ status: 'uploaded', sha256: sha256(recording) });
  });

  it('answers a HEAD at once while a PATCH of the same upload stalls mid-body, with the bytes so far, and the upload continues from there', async () => {
    const { c, take, url } = await startUpload();
    const stalled = openPatch(c, url, 0, recording.length);
    try {
      await stalled.send(recording.subarray(0, oneWrite));
      await vi.waitFor(() => expect(statSync(uploadFile(url)).size).toBe(oneWrite), {
        timeout: 5_000,
        interval: 10,
      });
      // More bytes that are not a whole write yet: they wait in memory until the PATCH stops.
      await stalled.send(recording.subarray(oneWrite, oneWrite + 1000));

      const started = performance.now();
      const offset = await headOffset(c, url);
      // Far below the 30 s the HEAD would wait for a lock that is never released.
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(offset).toBe(oneWrite + 1000);
      expectStored(url, recording, offset);
      // The stalled PATCH was stopped to let the HEAD in, and told so.
      expect((await stalled.response)?.statusCode).toBe(400);

      const rest = await patch(c, url, offset, recording.subarray(offset), {
        'upload-length': String(recording.length),
      });
      expect(rest.status).toBe(204);
      expect(rest.headers.get('oneway-take-sha256')).toBe(sha256(recording));
      expect(await takeRow(take.takeId)).toMatchObject({ status: 'uploaded', sha256: sha256(recording) });
    } finally {
      stalled.req.destroy();
    }
  });

  describe('a take closed while its upload is in progress', () => {
    it('may take another chunk, but refuses the PATCH that declares the length and would finish, and saves nothing', async () => {
      const { c, take, url } = await startUpload();
      expect((await patch(c, url, 0, recording.subarray(0, 100_000))).status).toBe(204);
      // Opening the question's next take ends this one.
      await openTakeOk(t.app, c);
      expect((await takeRow(take.takeId)).status).toBe('abandoned');

      // Within the 30 s the last check is reused for, a chunk in between is still written.
      const between = await patch(c, url, 100_000, recording.subarray(100_000, 200_000));
      expect(between.status).toBe(204);
      const last = await patch(c, url, 200_000, recording.subarray(200_000), {
        'upload-length': String(recording.length),
      });
      expect(last.status).toBe(409);
      expect(JSON.parse(await last.text())).toMatchObject({ code: 'take_not_open' });
      expect(last.headers.get('oneway-take-sha256')).toBeNull();

      expect(await headOffset(c, url)).toBe(200_000);
      const row = await takeRow(take.takeId);
      expect(row).toMatchObject({ status: 'abandoned', sha256: null, bytes: null, uploaded_at: null });
      expect(existsSync(path.join(t.runtime.config.mediaDir, row.storage_key))).toBe(false);
    });

    it('refuses the chunk that would finish an upload whose length was declared before, and saves nothing', async () => {
      const { c, take, url } = await startUpload();
      const declared = await patch(c, url, 0, recording.subarray(0, 100_000), {
        'upload-length': String(recording.length),
      });
      expect(declared.status).toBe(204);
      // Closed another way: the take's row changes under the upload.
      await t.runtime.db
        .updateTable('takes')
        .set({ status: 'failed' })
        .where('id', '=', take.takeId)
        .execute();

      // No Upload-Length on this one, but the length is known: it may finish, so it is checked afresh.
      const last = await patch(c, url, 100_000, recording.subarray(100_000));
      expect(last.status).toBe(409);
      expect(JSON.parse(await last.text())).toMatchObject({ code: 'take_not_open' });
      expect(await headOffset(c, url)).toBe(100_000);
      const row = await takeRow(take.takeId);
      expect(row).toMatchObject({ status: 'failed', sha256: null, bytes: null });
      expect(existsSync(path.join(t.runtime.config.mediaDir, row.storage_key))).toBe(false);
    });
  });

  describe('a body larger than the declared Upload-Length', () => {
    it('is refused with 413 when its Content-Length says so, and the bytes stored before are intact', async () => {
      const { c, take, url } = await startUpload();
      const length = 50_000;
      const first = await patch(c, url, 0, recording.subarray(0, 10_000), {
        'upload-length': String(length),
      });
      expect(first.status).toBe(204);
      const tooBig = await patch(c, url, 10_000, recording.subarray(10_000, length + 1));
      expect(tooBig.status).toBe(413);
      expect(await errorOf(tooBig)).toMatchObject({
        code: 'payload_too_large',
        message: 'Maximum size exceeded',
      });
      expect(await headOffset(c, url)).toBe(10_000);
      expectStored(url, recording, 10_000);
      expect((await takeRow(take.takeId)).status).toBe('uploading');
      // The right body still finishes it.
      const rest = await patch(c, url, 10_000, recording.subarray(10_000, length));
      expect(rest.status).toBe(204);
      expect(rest.headers.get('oneway-take-sha256')).toBe(sha256(recording.subarray(0, length)));
    });

    it('is refused with 413 when it passes the length while streaming (no Content-Length), keeping only bytes that fit', async () => {
      const { c, take, url } = await startUpload();
      const length = 50_000;
      const first = await patch(c, url, 0, recording.subarray(0, 10_000), {
        'upload-length': String(length),
      });
      expect(first.status).toBe(204);
      const chunked = openPatch(c, url, 10_000);
      await chunked.send(recording.subarray(10_000, 30_000));
      await chunked.send(recording.subarray(30_000, 60_000));
      chunked.req.end();
      const res = await chunked.response;
      expect(res?.statusCode).toBe(413);
      // Whatever part of the body was written fits the length and is the recording's next bytes.
      const kept = await headOffset(c, url);
      expect(kept).toBeGreaterThanOrEqual(10_000);
      expect(kept).toBeLessThanOrEqual(length);
      expectStored(url, recording, kept);
      expect((await takeRow(take.takeId)).status).toBe('uploading');
      const rest = await patch(c, url, kept, recording.subarray(kept, length));
      expect(rest.status).toBe(204);
      expect(rest.headers.get('oneway-take-sha256')).toBe(sha256(recording.subarray(0, length)));
      const row = await takeRow(take.takeId);
      expect(row.status).toBe('uploaded');
      expect(Number(row.bytes)).toBe(length);
    });
  });
});

describe('createLocalPatch on a server of its own, with the checks under the control of the test', () => {
  let dir: string;
  let origin: string;
  let server: Server;
  let locker: MemoryLocker;
  let datastore: FileStore;
  let localPatch: LocalPatch;
  let authorize: Mock<(cookie: string | null, uploadId: string, method: string) => Promise<void>>;
  let finish: Mock<(upload: Upload) => Promise<{ headers: Record<string, string> }>>;
  /** The server's side of each request, and the promise of its PATCH handling, in order of arrival. */
  let requests: { req: IncomingMessage; handled: Promise<void> }[];
  const data = randomBytes(600_000);
  const cookie = 'session=one';

  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'oneway-upload-patch-'));
    datastore = new FileStore({ directory: dir });
    locker = new MemoryLocker();
    authorize = vi.fn(async () => undefined);
    finish = vi.fn(async (upload: Upload) => ({ headers: { 'x-finished-at': String(upload.offset) } }));
    localPatch = createLocalPatch({
      datastore,
      directory: dir,
      hashes: new UploadHashes(),
      locker,
      maxSize: 10_000_000,
      onStorageFailure: () => undefined,
      authorize,
      finish,
      logger: pino({ level: 'silent' }),
    });
    requests = [];
    server = createServer((req, res) => {
      requests.push({ req, handled: localPatch.patch(req, res, (req.url ?? '').slice(1)) });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    localPatch.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  /** An upload created (length deferred) and announced as the tus creation does. */
  const newUpload = async () => {
    const upload = new Upload({ id: randomBytes(16).toString('hex'), offset: 0, size: undefined });
    await datastore.create(upload);
    localPatch.created(upload, cookie, false);
    return upload.id;
  };
  const send = (id: string, offset: number, body: Buffer, extra: Record<string, string> = {}) =>
    tusRequest(`${origin}/${id}`, {
      method: 'PATCH',
      headers: {
        cookie,
        'content-type': 'application/offset+octet-stream',
        'upload-offset': String(offset),
        ...extra,
      },
      body,
    });
  const takeNotOpen = () =>
    Object.assign(new Error('take_not_open'), { status_code: 409, body: '{"code":"take_not_open"}' });

  it('checks afresh a PATCH that may finish the upload, even right after a PATCH that never got the lock', async () => {
    const id = await newUpload();
    expect((await send(id, 0, data.subarray(0, 1000), { 'upload-length': '3000' })).status).toBe(204);
    // Out of turn: refused, and what this path knew of the upload is dropped.
    expect((await send(id, 0, data.subarray(0, 1000))).status).toBe(409);

    // The next PATCH is checked, then waits for the lock (held here), and its client gives up waiting.
    const holder = locker.newLock(id);
    let askedToRelease: () => void = () => undefined;
    const asked = new Promise<void>((resolve) => (askedToRelease = resolve));
    await holder.lock(new AbortController().signal, () => askedToRelease());
    const waiting = openRawPatch(`${origin}/${id}`, { cookie, 'upload-offset': '1000' }, 2000);
    await waiting.send(data.subarray(1000, 1500));
    await asked;
    waiting.req.destroy();
    await requests.at(-1)?.handled;
    await holder.unlock();

    // The take closes. The PATCH that brings the last bytes declares no length, but the upload's is known.
    authorize.mockRejectedValue(takeNotOpen());
    const last = await send(id, 1000, data.subarray(1000, 3000));
    expect(last.status).toBe(409);
    expect(JSON.parse(await last.text())).toMatchObject({ code: 'take_not_open' });
    expect(finish).not.toHaveBeenCalled();
    expect(statSync(path.join(dir, id)).size).toBe(1000);
  });

  it('lets a PATCH whose client left while it was being checked go, without stopping the PATCH in progress', async () => {
    const id = await newUpload();
    const url = `${origin}/${id}`;
    // In progress: its first bytes are on disk, the rest is on its way.
    const live = openRawPatch(url, { cookie, 'upload-offset': '0' }, data.length);
    await live.send(data.subarray(0, oneWrite));
    await vi.waitFor(() => expect(statSync(path.join(dir, id)).size).toBe(oneWrite), {
      timeout: 5_000,
      interval: 10,
    });

    // An older PATCH of the page (one declaring the length is always checked) whose client gave up during its check.
    let checkDone: () => void = () => undefined;
    authorize.mockImplementationOnce(() => new Promise<void>((resolve) => (checkDone = resolve)));
    const dead = openRawPatch(
      url,
      { cookie, 'upload-offset': '0', 'upload-length': String(data.length) },
      10,
    );
    await dead.send(Buffer.alloc(10));
    await vi.waitFor(() => expect(authorize).toHaveBeenCalledTimes(1), { timeout: 2_000, interval: 5 });
    dead.req.destroy();
    const deadOnServer = requests.at(-1);
    await vi.waitFor(() => expect(deadOnServer?.req.destroyed).toBe(true), { timeout: 2_000, interval: 5 });
    checkDone();
    await deadOnServer?.handled;

    await live.send(data.subarray(oneWrite));
    live.req.end();
    expect((await live.response)?.statusCode).toBe(204);
    expect(readFileSync(path.join(dir, id)).equals(data)).toBe(true);
  });
});
