import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';
import { Upload } from '@tus/server';
import { afterEach, describe, expect, it } from 'vitest';
import { hashFile } from './media-files.ts';
import { UploadHashes } from './upload-hashes.ts';
import { sha256 } from './takes.test-support.ts';

/** A real FileStore in a temp folder whose writes go through `hashes`, with one upload created. */
async function trackedStore(hashes = new UploadHashes()) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oneway-upload-hashes-'));
  folders.push(dir);
  const store = new FileStore({ directory: dir });
  hashes.track(store);
  const id = randomBytes(8).toString('hex');
  await store.create(new Upload({ id, offset: 0, size: undefined }));
  return { store, hashes, id, file: path.join(dir, id) };
}

/** A request body that arrives in pieces of random sizes. */
const body = (data: Buffer) => {
  const pieces: Buffer[] = [];
  for (let at = 0; at < data.length;) {
    const end = Math.min(data.length, at + 1 + Math.floor(Math.random() * 70_000));
    pieces.push(data.subarray(at, end));
    at = end;
  }
  return Readable.from(pieces);
};

/** A body that delivers `data`, then fails as a dropped connection does. */
const failingBody = (data: Buffer) =>
  new Readable({
    read() {
      this.push(data);
      setImmediate(() => this.destroy(new Error('connection reset')));
    },
  });

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('UploadHashes', () => {
  it('has the SHA-256 of the stored file ready once every byte arrived, over PATCHes of any size', async () => {
    const { store, hashes, id, file } = await trackedStore();
    const data = randomBytes(900_000);
    let offset = 0;
    for (const size of [1, 100_000, 63, 500_000, 0, 299_936]) {
      offset = await store.write(body(data.subarray(offset, offset + size)), id, offset);
    }
    expect(offset).toBe(data.length);
    const kept = hashes.take(id, data.length);
    expect(kept).toEqual({ sha256: sha256(data), bytes: data.length });
    expect(kept).toEqual(await hashFile(file));
    // Taken once: the next question gets nothing (the caller then reads the file).
    expect(hashes.take(id, data.length)).toBeNull();
  });

  it('keeps nothing when the bytes did not all pass through it (a restart in between)', async () => {
    const first = await trackedStore();
    const data = randomBytes(200_000);
    const half = await first.store.write(body(data.subarray(0, 100_000)), first.id, 0);
    // A new process over the same folder: it saw none of the first half.
    const restarted = new FileStore({ directory: path.dirname(first.file) });
    const after = new UploadHashes();
    after.track(restarted);
    const end = await restarted.write(body(data.subarray(half)), first.id, half);
    expect(end).toBe(data.length);
    expect(after.take(first.id, data.length)).toBeNull();
    expect(await hashFile(first.file)).toEqual({ sha256: sha256(data), bytes: data.length });
  });

  it('drops the hash of an upload whose write failed, even though the store kept part of it', async () => {
    const { store, hashes, id, file } = await trackedStore();
    const data = randomBytes(300_000);
    const first = await store.write(body(data.subarray(0, 100_000)), id, 0);
    await expect(store.write(failingBody(data.subarray(first, 150_000)), id, first)).rejects.toBeTruthy();
    // The client resumes at whatever the store holds now.
    const { offset: kept } = await store.getUpload(id);
    expect(kept).toBeGreaterThanOrEqual(first);
    const end = await store.write(body(data.subarray(kept)), id, kept);
    expect(end).toBe(data.length);
    expect(hashes.take(id, data.length)).toBeNull();
    expect(await hashFile(file)).toEqual({ sha256: sha256(data), bytes: data.length });
  });

  it('gives nothing for a size other than the bytes it hashed', async () => {
    const { store, hashes, id } = await trackedStore();
    const data = randomBytes(1_000);
    await store.write(body(data), id, 0);
    expect(hashes.take(id, 2_000)).toBeNull();
  });

  it('tracks a bounded number of uploads, dropping the oldest', async () => {
    const hashes = new UploadHashes(2);
    const uploads = [await trackedStore(hashes), await trackedStore(hashes), await trackedStore(hashes)];
    const data = randomBytes(10);
    for (const { store, id } of uploads) await store.write(body(data), id, 0);
    expect(hashes.take(uploads[0]!.id, 10)).toBeNull();
    expect(hashes.take(uploads[1]!.id, 10)?.sha256).toBe(sha256(data));
    expect(hashes.take(uploads[2]!.id, 10)?.sha256).toBe(sha256(data));
  });
});
