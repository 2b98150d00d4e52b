import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDescriptorsOn } from '../../../test/open-descriptors.ts';
import { appendBody, UploadFiles } from './upload-files.ts';
import type { HashedWrite } from './upload-hashes.ts';

const folders: string[] = [];
const cleanups: (() => void)[] = [];
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  for (const cleanup of cleanups.splice(0)) cleanup();
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A temp folder holding one upload's file (with `content`, empty by default), as FileStore creates it. */
function uploadFile(content: Buffer = Buffer.alloc(0)) {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'oneway-upload-files-')));
  folders.push(dir);
  const id = randomBytes(8).toString('hex');
  const file = path.join(dir, id);
  fs.writeFileSync(file, content);
  return { dir, id, file };
}

/** UploadFiles over `dir`, closed after the test so no sweep outlives it. */
function uploadFiles(dir: string, idleMs?: number): UploadFiles {
  const files = new UploadFiles(dir, idleMs);
  cleanups.push(() => files.closeAll());
  return files;
}

/** A promise with its resolve, to hold a use open for as long as a test needs. */
function deferred() {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** A request body the test feeds by hand: a PassThrough with IncomingMessage's `complete`. */
function requestBody() {
  const stream = Object.assign(new PassThrough(), { complete: false });
  return {
    stream,
    req: stream as unknown as IncomingMessage,
    send: (chunk: Buffer) => stream.write(chunk),
    /** The whole body arrived. */
    end: () => {
      stream.complete = true;
      stream.end();
    },
    /** The client went away mid-body. */
    drop: () => stream.destroy(),
  };
}

/** A HashedWrite that keeps what it was fed, to check order and completeness. */
function hashedRecorder() {
  const fed: Buffer[] = [];
  const stored: number[] = [];
  const hashed: HashedWrite = {
    update: (chunk) => fed.push(Buffer.from(chunk)),
    stored: (newOffset) => stored.push(newOffset),
  };
  return { hashed, fed: () => Buffer.concat(fed), stored };
}

const openFile = (file: string, flags = 'r+') => {
  const fd = fs.openSync(file, flags);
  cleanups.push(() => fs.closeSync(fd));
  return fd;
};

/** `data` cut into pieces of varied sizes, as a socket delivers a body. */
function pieces(data: Buffer): Buffer[] {
  const sizes = [1, 65_536, 7, 300_000, 16_384, 1_000_001, 12_345];
  const out: Buffer[] = [];
  for (let at = 0, i = 0; at < data.length; i += 1) {
    const end = Math.min(data.length, at + sizes[i % sizes.length]!);
    out.push(data.subarray(at, end));
    at = end;
  }
  return out;
}

describe('UploadFiles', () => {
  it("opens an upload's file once for several uses and keeps it open between them", async () => {
    const { dir, id, file } = uploadFile();
    const files = uploadFiles(dir);
    const seen: number[] = [];
    for (const text of ['one', 'two', 'three']) {
      await files.use(id, async (fd) => {
        seen.push(fd);
        fs.writeSync(fd, text, 0);
      });
    }
    expect(new Set(seen).size).toBe(1);
    expect(openDescriptorsOn(file)).toBe(1);
    expect(fs.readFileSync(file, 'utf8')).toBe('three');
  });

  it('gives uses that start together the same open file', async () => {
    const { dir, id, file } = uploadFile();
    const files = uploadFiles(dir);
    const openSpy = vi.spyOn(fs, 'open');
    const fds = await Promise.all([1, 2, 3].map(() => files.use(id, async (fd) => fd)));
    expect(new Set(fds).size).toBe(1);
    expect(openSpy).toHaveBeenCalledTimes(1);
    expect(openDescriptorsOn(file)).toBe(1);
  });

  it('closes a file left unused for idleMs, and opens it again for the next use', async () => {
    const { dir, id, file } = uploadFile();
    const files = uploadFiles(dir, 50);
    await files.use(id, async () => undefined);
    expect(openDescriptorsOn(file)).toBe(1);
    // The sweep runs at most once a second, so an idle file goes within a second or two.
    await vi.waitFor(() => expect(openDescriptorsOn(file)).toBe(0), { timeout: 5_000, interval: 20 });
    await files.use(id, async (fd) => fs.writeSync(fd, 'again', 0));
    expect(openDescriptorsOn(file)).toBe(1);
    expect(fs.readFileSync(file, 'utf8')).toBe('again');
  });

  it('keeps a file open while a use is in progress, however long it takes, and closes it once idle after', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const { dir, id, file } = uploadFile();
    const files = uploadFiles(dir, 50);
    const closeSpy = vi.spyOn(fs, 'close');
    const hold = deferred();
    const started = deferred();
    const using = files.use(id, async (fd) => {
      started.resolve();
      await hold.promise;
      return fd;
    });
    await started.promise;
    vi.advanceTimersByTime(60_000);
    // A close would be asked for on the next turn of the event loop at the latest.
    await new Promise((resolve) => setImmediate(resolve));
    expect(closeSpy).not.toHaveBeenCalled();
    hold.resolve();
    const fd = await using;
    expect(() => fs.fstatSync(fd)).not.toThrow();
    vi.advanceTimersByTime(5_000);
    await vi.waitFor(() => expect(openDescriptorsOn(file)).toBe(0), { timeout: 2_000, interval: 10 });
  });

  it('closes a file unused for a while only after idleMs', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const { dir, id, file } = uploadFile();
    const files = uploadFiles(dir, 30_000);
    const closeSpy = vi.spyOn(fs, 'close');
    await files.use(id, async () => undefined);
    vi.advanceTimersByTime(20_000);
    await new Promise((resolve) => setImmediate(resolve));
    expect(closeSpy).not.toHaveBeenCalled();
    vi.advanceTimersByTime(20_000);
    await vi.waitFor(() => expect(openDescriptorsOn(file)).toBe(0), { timeout: 2_000, interval: 10 });
  });

  it('close closes the file, and the next use opens it afresh', async () => {
    const { dir, id, file } = uploadFile();
    const files = uploadFiles(dir);
    await files.use(id, async () => undefined);
    expect(openDescriptorsOn(file)).toBe(1);
    files.close(id);
    await vi.waitFor(() => expect(openDescriptorsOn(file)).toBe(0), { timeout: 2_000, interval: 10 });
    await files.use(id, async (fd) => fs.writeSync(fd, 'x', 0));
    expect(openDescriptorsOn(file)).toBe(1);
    // Closing an upload with no open file is harmless.
    files.close('no-such-upload');
  });

  it('close during a use keeps the file open for that use and closes it when the use ends', async () => {
    const { dir, id, file } = uploadFile();
    const files = uploadFiles(dir);
    const closeSpy = vi.spyOn(fs, 'close');
    const hold = deferred();
    const started = deferred();
    const using = files.use(id, async (fd) => {
      started.resolve();
      await hold.promise;
      // Still this upload's file: not closed under the writer, nor its number reused for another file.
      fs.writeSync(fd, 'written after close', 0);
    });
    await started.promise;
    files.close(id);
    await new Promise((resolve) => setImmediate(resolve));
    expect(closeSpy).not.toHaveBeenCalled();
    hold.resolve();
    await using;
    expect(fs.readFileSync(file, 'utf8')).toBe('written after close');
    await vi.waitFor(() => expect(openDescriptorsOn(file)).toBe(0), { timeout: 2_000, interval: 10 });
    // A use after the close opens the file afresh.
    await files.use(id, async () => undefined);
    expect(openDescriptorsOn(file)).toBe(1);
  });

  it('closeAll closes every open file', async () => {
    const a = uploadFile();
    const b = uploadFile();
    fs.writeFileSync(path.join(a.dir, b.id), '');
    const files = uploadFiles(a.dir);
    await files.use(a.id, async () => undefined);
    await files.use(b.id, async () => undefined);
    const fileB = path.join(a.dir, b.id);
    expect(openDescriptorsOn(a.file) + openDescriptorsOn(fileB)).toBe(2);
    files.closeAll();
    await vi.waitFor(() => expect(openDescriptorsOn(a.file) + openDescriptorsOn(fileB)).toBe(0), {
      timeout: 2_000,
      interval: 10,
    });
  });

  it('closes the file after a use that fails, and opens it afresh for the next', async () => {
    const { dir, id, file } = uploadFile();
    const files = uploadFiles(dir);
    const openSpy = vi.spyOn(fs, 'open');
    await expect(
      files.use(id, async () => {
        throw new Error('write failed');
      }),
    ).rejects.toThrow('write failed');
    await vi.waitFor(() => expect(openDescriptorsOn(file)).toBe(0), { timeout: 2_000, interval: 10 });
    await files.use(id, async () => undefined);
    expect(openSpy).toHaveBeenCalledTimes(2);
    expect(openDescriptorsOn(file)).toBe(1);
  });

  it('fails a use whose file does not exist, without creating it, and tries again next time', async () => {
    const { dir } = uploadFile();
    const files = uploadFiles(dir);
    const missing = path.join(dir, 'missing');
    await expect(files.use('missing', async () => undefined)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(fs.existsSync(missing)).toBe(false);
    fs.writeFileSync(missing, '');
    await files.use('missing', async (fd) => fs.writeSync(fd, 'now', 0));
    expect(fs.readFileSync(missing, 'utf8')).toBe('now');
  });
});

describe('appendBody', () => {
  it('writes the body in order from the offset, feeds the hash every byte, and resolves once all is on disk', async () => {
    const head = Buffer.from('bytes of earlier chunks');
    const { file } = uploadFile(head);
    const fd = openFile(file);
    const data = randomBytes(3 * 1024 * 1024 + 17);
    const body = requestBody();
    const recorder = hashedRecorder();
    const writing = appendBody(body.req, fd, head.length, 10 * 1024 * 1024, {
      hashed: recorder.hashed,
      released: new AbortController().signal,
    });
    for (const piece of pieces(data)) body.send(piece);
    body.end();
    expect(await writing).toEqual({ bytes: data.length, tooLarge: false });
    expect(fs.readFileSync(file).equals(Buffer.concat([head, data]))).toBe(true);
    expect(recorder.fed().equals(data)).toBe(true);
    // Storing is the caller's to report, once it knows the new offset.
    expect(recorder.stored).toEqual([]);
  });

  it('takes an empty body as zero bytes', async () => {
    const { file } = uploadFile(Buffer.from('abc'));
    const fd = openFile(file);
    const body = requestBody();
    const writing = appendBody(body.req, fd, 3, 100, {
      hashed: null,
      released: new AbortController().signal,
    });
    body.end();
    expect(await writing).toEqual({ bytes: 0, tooLarge: false });
    expect(fs.readFileSync(file, 'utf8')).toBe('abc');
  });

  it('takes a body that fills the room exactly', async () => {
    const { file } = uploadFile();
    const fd = openFile(file);
    const data = randomBytes(5_000);
    const body = requestBody();
    const writing = appendBody(body.req, fd, 0, data.length, {
      hashed: null,
      released: new AbortController().signal,
    });
    for (const piece of pieces(data)) body.send(piece);
    body.end();
    expect(await writing).toEqual({ bytes: data.length, tooLarge: false });
    expect(fs.readFileSync(file).equals(data)).toBe(true);
  });

  it('stops at the room left with tooLarge, keeping the whole chunks before it, and drains the rest of the body', async () => {
    const { file } = uploadFile();
    const fd = openFile(file);
    const data = randomBytes(10_000);
    const body = requestBody();
    const recorder = hashedRecorder();
    const writing = appendBody(body.req, fd, 0, 4_500, {
      hashed: recorder.hashed,
      released: new AbortController().signal,
    });
    for (let at = 0; at < data.length; at += 1_000) body.send(data.subarray(at, at + 1_000));
    body.end();
    expect(await writing).toEqual({ bytes: 4_000, tooLarge: true });
    expect(fs.readFileSync(file).equals(data.subarray(0, 4_000))).toBe(true);
    expect(recorder.fed().equals(data.subarray(0, 4_000))).toBe(true);
    // The rest is read and dropped, so the connection can carry the answer.
    await vi.waitFor(() => expect(body.stream.readableEnded).toBe(true), { timeout: 2_000, interval: 10 });
  });

  it('stops when released aborts, keeping the bytes that arrived before it and none after', async () => {
    const { file } = uploadFile();
    const fd = openFile(file);
    const data = randomBytes(3_000);
    const body = requestBody();
    const recorder = hashedRecorder();
    const released = new AbortController();
    const writing = appendBody(body.req, fd, 0, 1_000_000, {
      hashed: recorder.hashed,
      released: released.signal,
    });
    body.send(data.subarray(0, 1_000));
    body.send(data.subarray(1_000, 2_000));
    await vi.waitFor(() => expect(recorder.fed().length).toBe(2_000), { timeout: 2_000, interval: 5 });
    released.abort();
    expect(await writing).toEqual({ bytes: 2_000, tooLarge: false });
    body.send(data.subarray(2_000));
    body.end();
    await vi.waitFor(() => expect(body.stream.readableEnded).toBe(true), { timeout: 2_000, interval: 10 });
    expect(fs.readFileSync(file).equals(data.subarray(0, 2_000))).toBe(true);
    expect(recorder.fed().length).toBe(2_000);
  });

  it('writes nothing when released has already aborted', async () => {
    const { file } = uploadFile();
    const fd = openFile(file);
    const body = requestBody();
    const released = new AbortController();
    released.abort();
    const writing = appendBody(body.req, fd, 0, 1_000, { hashed: null, released: released.signal });
    body.send(randomBytes(100));
    body.end();
    expect(await writing).toEqual({ bytes: 0, tooLarge: false });
    expect(fs.statSync(file).size).toBe(0);
  });

  it('stops when the client goes away mid-body, keeping the bytes that arrived', async () => {
    const { file } = uploadFile();
    const fd = openFile(file);
    const data = randomBytes(2_500);
    const body = requestBody();
    const recorder = hashedRecorder();
    const writing = appendBody(body.req, fd, 0, 1_000_000, {
      hashed: recorder.hashed,
      released: new AbortController().signal,
    });
    body.send(data);
    await vi.waitFor(() => expect(recorder.fed().length).toBe(data.length), { timeout: 2_000, interval: 5 });
    body.drop();
    expect(await writing).toEqual({ bytes: data.length, tooLarge: false });
    expect(fs.readFileSync(file).equals(data)).toBe(true);
  });

  it('resolves at once for a request whose client had already gone away', async () => {
    const { file } = uploadFile();
    const fd = openFile(file);
    const body = requestBody();
    body.drop();
    await new Promise((resolve) => body.stream.once('close', resolve));
    const writing = appendBody(body.req, fd, 0, 1_000, {
      hashed: null,
      released: new AbortController().signal,
    });
    expect(await writing).toEqual({ bytes: 0, tooLarge: false });
  });

  it('stops when the request closes before its end, even once every byte of it had arrived', async () => {
    const { file } = uploadFile();
    const fd = openFile(file);
    const body = requestBody();
    const writing = appendBody(body.req, fd, 0, 1_000, {
      hashed: null,
      released: new AbortController().signal,
    });
    // Paused (as appendBody pauses a request while the disk catches up) when the last byte arrives and the
    // connection closes: the body is complete, yet its end is never read.
    body.stream.pause();
    body.send(randomBytes(100));
    body.stream.complete = true;
    body.drop();
    expect(await writing).toEqual({ bytes: 0, tooLarge: false });
  });

  it.each([
    ['part of its body', 10_000],
    ['its whole body', 5_000],
  ])(
    'resolves at once for a real request whose client sent %s and left before it was read',
    async (_case, declared) => {
      const { file } = uploadFile();
      const fd = openFile(file);
      const result = new Promise<{ bytes: number; tooLarge: boolean }>((resolve, reject) => {
        const server = createServer((req) => {
          // As when the client leaves while the PATCH is checked or waits for the lock.
          req.once('close', () => {
            appendBody(req, fd, 0, 1_000_000, { hashed: null, released: new AbortController().signal }).then(
              resolve,
              reject,
            );
          });
        });
        cleanups.push(() => server.close());
        server.listen(0, '127.0.0.1', () => {
          const { port } = server.address() as AddressInfo;
          const req = request({
            host: '127.0.0.1',
            port,
            method: 'PATCH',
            agent: false,
            headers: { 'content-length': String(declared) },
          });
          req.on('error', () => undefined);
          req.write(randomBytes(5_000), () => req.destroy());
        });
      });
      expect(await result).toEqual({ bytes: 0, tooLarge: false });
    },
  );

  it('fails when the file cannot be written, and still drains the body', async () => {
    const { file } = uploadFile();
    const readOnly = openFile(file, 'r');
    const body = requestBody();
    const writing = appendBody(body.req, readOnly, 0, 1_000_000, {
      hashed: null,
      released: new AbortController().signal,
    });
    body.send(randomBytes(1_000));
    body.end();
    await expect(writing).rejects.toMatchObject({ code: 'EBADF' });
    await vi.waitFor(() => expect(body.stream.readableEnded).toBe(true), { timeout: 2_000, interval: 10 });
  });
});
