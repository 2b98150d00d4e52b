import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { DeleteObjectsCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { testS3Config, uniqueKeyPrefix } from '../../test/s3.ts';
import { createS3Client } from './s3-client.ts';
import { createS3MediaStorage, type S3MediaStorage } from './s3-media-storage.ts';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const readAll = async (stream: Readable) => Buffer.concat(await stream.toArray());

describe('S3 media storage (a real S3 API: Swift with s3api)', () => {
  const s3 = testS3Config();
  let client: S3Client;
  let storage: S3MediaStorage;
  let workDir: string;
  let prefix: string;
  const data = randomBytes(64 * 1024);
  /** A local file holding `bytes`, as processing leaves its outputs. */
  const fileOf = (bytes: Buffer) => {
    const file = path.join(workDir, `${randomBytes(4).toString('hex')}.bin`);
    writeFileSync(file, bytes);
    return file;
  };

  beforeAll(async () => {
    client = createS3Client(s3);
    // 5 MiB parts (S3's smallest) so a 12 MiB file goes up in three.
    storage = createS3MediaStorage({ client, bucket: s3.bucket, partSize: 5 * 1024 * 1024 });
    workDir = mkdtempSync(path.join(os.tmpdir(), 'oneway-s3-test-'));
    prefix = uniqueKeyPrefix();
    await storage.putFile(`${prefix}/a.webm`, fileOf(data), { contentType: 'video/webm' });
    await storage.putFile(`${prefix}/other.webm`, fileOf(data), { contentType: 'video/webm' });
  });
  afterAll(() => {
    client.destroy();
    rmSync(workDir, { recursive: true, force: true });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('stores a file under its key, consuming the file, and reports its size and time', async () => {
    const file = fileOf(data);
    const before = Date.now();
    await storage.putFile(`${prefix}/b.webm`, file, { contentType: 'video/webm' });
    expect(existsSync(file)).toBe(false);
    const stat = await storage.stat(`${prefix}/b.webm`);
    expect(stat?.bytes).toBe(data.length);
    // S3 times have whole seconds.
    expect(stat?.modifiedAt.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 - 2000);
    expect(await readAll(await storage.openReadStream(`${prefix}/b.webm`))).toEqual(data);
    expect(storage.localPathOf(`${prefix}/b.webm`)).toBeNull();
  });

  it('reads byte ranges: closed, open-ended, the last byte, and past the end (nothing)', async () => {
    const key = `${prefix}/a.webm`;
    expect(await readAll(await storage.openReadStream(key, { start: 100, end: 199 }))).toEqual(
      data.subarray(100, 200),
    );
    expect(await readAll(await storage.openReadStream(key, { start: 60_000 }))).toEqual(
      data.subarray(60_000),
    );
    const last = data.length - 1;
    expect(await readAll(await storage.openReadStream(key, { start: last, end: last }))).toEqual(
      data.subarray(last),
    );
    expect(await readAll(await storage.openReadStream(key, { start: data.length + 10 }))).toHaveLength(0);
  });

  it('uploads a file bigger than a part in parts, byte for byte', async () => {
    const big = randomBytes(12 * 1024 * 1024);
    await storage.putFile(`${prefix}/big.mp4`, fileOf(big), { contentType: 'video/mp4' });
    expect((await storage.stat(`${prefix}/big.mp4`))?.bytes).toBe(big.length);
    expect(sha256(await readAll(await storage.openReadStream(`${prefix}/big.mp4`)))).toBe(sha256(big));
  });

  it('replaces an object in one step', async () => {
    const key = `${prefix}/replaced.webm`;
    await storage.putFile(key, fileOf(Buffer.from('first version')), { contentType: 'video/webm' });
    await storage.putFile(key, fileOf(Buffer.from('second')), { contentType: 'video/webm' });
    expect((await readAll(await storage.openReadStream(key))).toString()).toBe('second');
  });

  it('answers a missing object with ENOENT on read and null on stat, and deletes idempotently', async () => {
    const key = `${prefix}/gone.webm`;
    await storage.putFile(key, fileOf(data), { contentType: 'video/webm' });
    await storage.delete(key);
    expect(await storage.stat(key)).toBeNull();
    await expect(storage.openReadStream(key)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(storage.delete(key)).resolves.toBeUndefined();
  });

  it('refuses keys that are not plain a/b/c paths', async () => {
    await expect(storage.stat('../etc/passwd')).rejects.toThrow(/Invalid media key/);
    await expect(storage.putFile('/abs.webm', fileOf(data), { contentType: 'video/webm' })).rejects.toThrow(
      /Invalid media key/,
    );
  });

  it('hands out a presigned URL that serves the bytes with our type and Range, straight from the store', async () => {
    const url = await storage.presignedUrlOf({
      key: `${prefix}/a.webm`,
      mime: 'video/webm',
      expiresAt: new Date(Date.now() + 60_000),
    });
    expect(url.startsWith(`${s3.endpoint}/${s3.bucket}/`)).toBe(true);
    const whole = await fetch(url);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('video/webm');
    expect(whole.headers.get('content-disposition')).toBe('inline');
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(data);

    const suffix = await fetch(url, { headers: { range: 'bytes=-100' } });
    expect(suffix.status).toBe(206);
    expect(suffix.headers.get('content-range')).toBe(
      `bytes ${data.length - 100}-${data.length - 1}/${data.length}`,
    );
    expect(Buffer.from(await suffix.arrayBuffer())).toEqual(data.subarray(-100));
    const middle = await fetch(url, { headers: { range: 'bytes=10-19' } });
    expect(Buffer.from(await middle.arrayBuffer())).toEqual(data.subarray(10, 20));
    expect((await fetch(url, { headers: { range: `bytes=${data.length}-` } })).status).toBe(416);
  });

  it('makes presigned URLs that stop working when they expire, or once anything in them is changed', async () => {
    // Signed ten minutes ago for one minute: expired now, with no waiting.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() - 10 * 60_000 });
    const expired = await storage.presignedUrlOf({
      key: `${prefix}/a.webm`,
      mime: 'video/webm',
      expiresAt: new Date(Date.now() + 60_000),
    });
    vi.useRealTimers();
    const refused = await fetch(expired);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('expired');

    const url = await storage.presignedUrlOf({
      key: `${prefix}/a.webm`,
      mime: 'video/webm',
      expiresAt: new Date(Date.now() + 60_000),
    });
    expect((await fetch(url.replace('a.webm', 'other.webm'))).status).toBe(403);
    expect(
      (await fetch(url.replace('response-content-type=video%2Fwebm', 'response-content-type=text%2Fhtml')))
        .status,
    ).toBe(403);
  });

  it('deletes several objects in one request on a store that wants Content-MD5 for it', async () => {
    const keys = [`${prefix}/m1`, `${prefix}/m2`];
    for (const Key of keys) await client.send(new PutObjectCommand({ Bucket: s3.bucket, Key, Body: 'x' }));
    const res = await client.send(
      new DeleteObjectsCommand({ Bucket: s3.bucket, Delete: { Objects: keys.map((Key) => ({ Key })) } }),
    );
    expect(res.Deleted?.map((d) => d.Key).sort()).toEqual(keys);
    expect(await storage.stat(`${prefix}/m1`)).toBeNull();
  });
});
