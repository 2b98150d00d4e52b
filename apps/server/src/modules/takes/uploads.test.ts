import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventTypesOf } from '../../../test/factories/invitations.ts';
import { createTestApp, type TestContext } from '../../../test/runtime.ts';
import {
  makeWebm,
  openTakeOk,
  setUpCandidate,
  takeState,
  tusHeaders,
  tusPatch,
  tusRequest,
  uploadWithTus,
  type Candidate,
  sha256,
} from './takes.test-support.ts';

const maxBytes = 200_000;

describe('tus uploads of takes (real server, tus-js-client)', () => {
  let t: TestContext;
  let origin: string;
  let invite: () => Promise<Candidate>;
  let webm: Buffer;
  beforeAll(async () => {
    webm = makeWebm();
    t = await createTestApp({ MEDIA_MAX_BYTES: String(maxBytes) });
    origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    ({ invite } = await setUpCandidate(t, { takes: 3 }));
  });
  afterAll(() => t.close());

  const tmpDir = () => path.join(t.runtime.config.mediaDir, 'tmp');
  const takeRow = (takeId: string) =>
    t.runtime.db.selectFrom('takes').selectAll().where('id', '=', takeId).executeTakeFirstOrThrow();
  /** Creates an upload by hand (length deferred) and returns its absolute URL. */
  const createUpload = async (c: Candidate, takeId: string) => {
    const res = await tusRequest(`${origin}/api/v1/uploads`, {
      method: 'POST',
      headers: {
        ...tusHeaders(c),
        'upload-defer-length': '1',
        'upload-metadata': `takeId ${Buffer.from(takeId).toString('base64')}`,
      },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    return new URL(res.headers.get('location') ?? '', origin).toString();
  };
  const patch = tusPatch;

  it('streams a WebM in small chunks with the length deferred and stores it byte for byte', async () => {
    const c = await invite();
    const take = await openTakeOk(t.app, c);
    await uploadWithTus(origin, c, { takeId: take.takeId, data: webm });
    const state = await takeState(t.app, c, take.takeId);
    expect(state).toMatchObject({ status: 'uploaded', bytes: webm.length, sha256: sha256(webm) });
    const row = await takeRow(take.takeId);
    expect(row.mime).toBe('video/webm');
    expect(readFileSync(path.join(t.runtime.config.mediaDir, row.storage_key)).equals(webm)).toBe(true);
    expect(readdirSync(tmpDir()).filter((f) => f.startsWith(row.upload_id ?? '-'))).toEqual([]);
    expect(await eventTypesOf(t.runtime, c.invitationId)).toContain('answer_saved');
  });

  it('answers the PATCH that completes an upload with the SHA-256 and size it stored, and no other PATCH', async () => {
    const c = await invite();
    const take = await openTakeOk(t.app, c);
    const url = await createUpload(c, take.takeId);
    const half = Math.floor(webm.length / 2);
    const first = await patch(c, url, 0, webm.subarray(0, half));
    expect(first.status).toBe(204);
    expect(first.headers.get('oneway-take-sha256')).toBeNull();
    const last = await patch(c, url, half, webm.subarray(half), { 'upload-length': String(webm.length) });
    expect(last.status).toBe(204);
    expect(last.headers.get('oneway-take-sha256')).toBe(sha256(webm));
    expect(last.headers.get('oneway-take-bytes')).toBe(String(webm.length));
    expect(await takeState(t.app, c, take.takeId)).toMatchObject({
      status: 'uploaded',
      sha256: sha256(webm),
    });
  });

  it('fails a take whose file is not WebM or MP4, and deletes the file', async () => {
    const c = await invite();
    const take = await openTakeOk(t.app, c);
    const notVideo = Buffer.from('%PDF-1.7 this is not a recording'.repeat(100));
    await expect(uploadWithTus(origin, c, { takeId: take.takeId, data: notVideo })).rejects.toThrow(/415/);
    const row = await takeRow(take.takeId);
    expect(row).toMatchObject({ status: 'failed', failure_reason: 'upload_rejected', sha256: null });
    expect(existsSync(path.join(tmpDir(), row.upload_id ?? '-'))).toBe(false);
    expect(existsSync(path.join(t.runtime.config.mediaDir, row.storage_key))).toBe(false);
    // A failed take is a technical failure: the next one is free.
    expect((await openTakeOk(t.app, c, { reason: 'technical_failure' })).takesLeft).toBe(2);
  });

  it("refuses a chunk sent with another invitation's cookie and leaves the take as it was", async () => {
    const owner = await invite();
    const intruder = await invite();
    const take = await openTakeOk(t.app, owner);
    const url = await createUpload(owner, take.takeId);
    expect((await patch(owner, url, 0, webm.subarray(0, 1000))).status).toBe(204);
    // The take notes when bytes arrived after answering the PATCH: compare with the row once that is written.
    await expect.poll(async () => (await takeRow(take.takeId)).last_bytes_at).not.toBeNull();
    const before = await takeRow(take.takeId);
    const res = await patch(intruder, url, 1000, webm.subarray(1000, 2000));
    expect(res.status).toBe(403);
    expect(JSON.parse(await res.text())).toMatchObject({ code: 'forbidden' });
    expect((await tusRequest(url, { method: 'HEAD', headers: tusHeaders(intruder) })).status).toBe(403);
    const head = await tusRequest(url, { method: 'HEAD', headers: tusHeaders(owner) });
    expect(head.headers.get('upload-offset')).toBe('1000');
    expect(await takeRow(take.takeId)).toEqual(before);
  });

  it('refuses uploads to a take of another invitation, without a takeId, or twice for one take', async () => {
    const c = await invite();
    const other = await invite();
    const take = await openTakeOk(t.app, other);
    const create = (who: Candidate, metadata?: string) =>
      tusRequest(`${origin}/api/v1/uploads`, {
        method: 'POST',
        headers: {
          ...tusHeaders(who),
          'upload-defer-length': '1',
          ...(metadata ? { 'upload-metadata': metadata } : {}),
        },
      });
    const meta = `takeId ${Buffer.from(take.takeId).toString('base64')}`;
    expect((await create(c, meta)).status).toBe(404);
    expect((await create(other)).status).toBe(400);
    expect((await create(other, meta)).status).toBe(201);
    const again = await create(other, meta);
    expect(again.status).toBe(409);
    expect(JSON.parse(await again.text())).toMatchObject({ code: 'take_not_open' });
    const noCookie = await tusRequest(`${origin}/api/v1/uploads`, {
      method: 'POST',
      headers: { 'x-requested-with': 'oneway', 'upload-defer-length': '1', 'upload-metadata': meta },
    });
    expect(noCookie.status).toBe(401);
  });

  it('stores no file for a take closed between the last byte and its saving, and keeps it closed', async () => {
    const c = await invite();
    const take = await openTakeOk(t.app, c);
    const url = await createUpload(c, take.takeId);
    const uploadId = url.split('/').pop() ?? '';
    await t.runtime.db
      .updateTable('takes')
      .set({ status: 'abandoned' })
      .where('id', '=', take.takeId)
      .execute();
    const calls: string[] = [];
    const upload = {
      readHead: () => Promise.resolve(webm.subarray(0, 12)),
      hash: () => Promise.resolve({ sha256: sha256(webm), bytes: webm.length }),
      moveTo: () => {
        calls.push('moveTo');
        return Promise.resolve();
      },
      discard: () => {
        calls.push('discard');
        return Promise.resolve();
      },
    };
    await expect(
      t.runtime.services.takeUploads.completeTakeUpload({ uploadId, upload }),
    ).rejects.toMatchObject({ code: 'take_not_open' });
    expect(calls).toEqual(['discard']);
    expect(await takeRow(take.takeId)).toMatchObject({ status: 'abandoned', sha256: null });
  });

  it('answers the tus OPTIONS discovery with the extensions and the size cap', async () => {
    const res = await tusRequest(`${origin}/api/v1/uploads`, { method: 'OPTIONS', headers: {} });
    expect(res.status).toBe(204);
    expect(res.headers.get('tus-extension')).toContain('creation-defer-length');
    expect(res.headers.get('tus-max-size')).toBe(String(maxBytes));
  });

  it('refuses an upload past MEDIA_MAX_BYTES with 413', async () => {
    const c = await invite();
    const take = await openTakeOk(t.app, c);
    const url = await createUpload(c, take.takeId);
    const big = Buffer.concat([webm, Buffer.alloc(maxBytes)]);
    expect((await patch(c, url, 0, big)).status).toBe(413);
    const declared = await patch(c, url, 0, webm.subarray(0, 10), { 'upload-length': String(maxBytes + 1) });
    expect(declared.status).toBe(413);
    expect((await takeRow(take.takeId)).status).toBe('uploading');
  });
});
