import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDescriptorsOn } from '../../test/open-descriptors.ts';
import { OpenFiles } from './open-files.ts';

const folders: string[] = [];
const pools: OpenFiles[] = [];
afterEach(() => {
  for (const pool of pools.splice(0)) pool.closeAll();
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function setUp(idleMs = 60_000) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oneway-open-files-'));
  folders.push(dir);
  const files = new OpenFiles({ flags: 'r', idleMs });
  pools.push(files);
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  return { dir, files, write };
}

const readAll = (fd: number, length: number) => {
  const buffer = Buffer.alloc(length);
  fs.readSync(fd, buffer, 0, length, 0);
  return buffer.toString();
};

describe('OpenFiles', () => {
  it('opens a path once for many uses in a row, and shares the descriptor between users', async () => {
    const { files, write } = setUp();
    const file = write('a', 'hello');
    const first = await files.acquire(file);
    const second = await files.acquire(file);
    expect(second.fd).toBe(first.fd);
    first.release();
    second.release();
    const third = await files.acquire(file);
    expect(third.fd).toBe(first.fd);
    third.release();
    expect(openDescriptorsOn(file)).toBe(1);
    expect(files.size).toBe(1);
  });

  it('closes a discarded file only once its last user releases it', async () => {
    const { files, write } = setUp();
    const file = write('a', 'hello');
    const user = await files.acquire(file);
    files.discard(file);
    expect(readAll(user.fd, 5)).toBe('hello');
    user.release();
    await vi.waitFor(() => expect(openDescriptorsOn(file)).toBe(0));
    const again = await files.acquire(file);
    expect(readAll(again.fd, 5)).toBe('hello');
    again.release();
  });

  it('closes files unused for idleMs', async () => {
    const { files, write } = setUp(50);
    const file = write('a', 'hello');
    (await files.acquire(file)).release();
    expect(openDescriptorsOn(file)).toBe(1);
    await vi.waitFor(() => expect(openDescriptorsOn(file)).toBe(0), { timeout: 5000 });
    expect(files.size).toBe(0);
  });

  it('opens the path again when the inode asked for is not the one held (the file was replaced)', async () => {
    const { files, write, dir } = setUp();
    const file = write('a', 'old!!');
    (await files.acquire(file)).release();
    const replacement = write('b', 'new!!');
    fs.renameSync(replacement, file);
    const fresh = await files.acquire(file, fs.statSync(file).ino);
    expect(readAll(fresh.fd, 5)).toBe('new!!');
    fresh.release();
    expect(fs.readdirSync(dir)).toEqual(['a']);
  });

  it('reports a path that cannot be opened, and opens it once it exists', async () => {
    const { files, dir, write } = setUp();
    const file = path.join(dir, 'later');
    await expect(files.acquire(file)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(files.size).toBe(0);
    write('later', 'there');
    const opened = await files.acquire(file);
    expect(readAll(opened.fd, 5)).toBe('there');
    opened.release();
  });

  it('counts a release once however often it is called', async () => {
    const { files, write } = setUp();
    const file = write('a', 'hello');
    const first = await files.acquire(file);
    const second = await files.acquire(file);
    first.release();
    first.release();
    files.discard(file);
    // The second user still holds it: a double release of the first must not close it under them.
    expect(readAll(second.fd, 5)).toBe('hello');
    second.release();
    await vi.waitFor(() => expect(openDescriptorsOn(file)).toBe(0));
  });
});
