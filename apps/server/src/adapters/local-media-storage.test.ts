import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalMediaStorage } from './local-media-storage.ts';
import type { MediaStorage } from './media-storage.ts';

describe('local media storage', () => {
  let root: string;
  let storage: MediaStorage;
  let scratch: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'oneway-media-'));
    scratch = mkdtempSync(path.join(os.tmpdir(), 'oneway-scratch-'));
    storage = createLocalMediaStorage(root);
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  });

  const fileWith = (content: string): string => {
    const file = path.join(scratch, `${content.length}-${Math.random()}`);
    writeFileSync(file, content);
    return file;
  };

  it('stores a file under its key, replaces it whole, and reads it back or a byte range of it', async () => {
    await storage.putFile('org/inv/take.mp4', fileWith('first version'), { contentType: 'video/mp4' });
    const second = fileWith('0123456789');
    await storage.putFile('org/inv/take.mp4', second, { contentType: 'video/mp4' });
    expect(readFileSync(path.join(root, 'org', 'inv', 'take.mp4'), 'utf8')).toBe('0123456789');
    await expect(text(await storage.openReadStream('org/inv/take.mp4'))).resolves.toBe('0123456789');
    await expect(text(await storage.openReadStream('org/inv/take.mp4', { start: 2, end: 4 }))).resolves.toBe(
      '234',
    );
    await expect(text(await storage.openReadStream('org/inv/take.mp4', { start: 7 }))).resolves.toBe('789');
    expect(await storage.stat('org/inv/take.mp4')).toMatchObject({ bytes: 10 });
    expect(storage.localPathOf('org/inv/take.mp4')).toBe(path.join(root, 'org', 'inv', 'take.mp4'));
  });

  it('says plainly when there is no such object, and deletes quietly', async () => {
    expect(await storage.stat('org/inv/none.mp4')).toBeNull();
    await expect(storage.openReadStream('org/inv/none.mp4')).rejects.toMatchObject({ code: 'ENOENT' });
    await storage.putFile('org/inv/take.jpg', fileWith('jpeg'), { contentType: 'image/jpeg' });
    await storage.delete('org/inv/take.jpg');
    await storage.delete('org/inv/take.jpg');
    expect(await storage.stat('org/inv/take.jpg')).toBeNull();
  });

  it('refuses keys that could leave the media folder', () => {
    for (const key of ['../etc/passwd', 'org/../../x', '/abs/path', 'org\\inv', '', 'org//x', '.hidden/x']) {
      expect(() => storage.localPathOf(key), key).toThrow(/Invalid media key/);
    }
  });
});
