import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import {
  assertValidKey,
  assertValidPrefix,
  type ByteRange,
  type ListedObject,
  type MediaStorage,
  type StoredObject,
} from './media-storage.ts';

const isErrno = (err: unknown, code: string): boolean =>
  err instanceof Error && (err as NodeJS.ErrnoException).code === code;

/** Media in a local folder (DATA_DIR/media by default): a key is a relative path below it. */
export function createLocalMediaStorage(rootDir: string): MediaStorage {
  const pathOf = (key: string): string => {
    assertValidKey(key);
    return path.join(rootDir, ...key.split('/'));
  };

  return {
    async putFile(key, fromPath) {
      const target = pathOf(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      try {
        // rename replaces the target atomically on one file system.
        await fs.rename(fromPath, target);
      } catch (err) {
        if (!isErrno(err, 'EXDEV')) throw err;
        // Another file system: copy next to the target under a temporary name, then rename that into place.
        const partial = `${target}.partial-${randomUUID()}`;
        try {
          await fs.copyFile(fromPath, partial);
          await fs.rename(partial, target);
        } finally {
          await fs.rm(partial, { force: true });
        }
        await fs.rm(fromPath, { force: true });
      }
    },

    async openReadStream(key, range?: ByteRange): Promise<Readable> {
      // Opened first so a missing object rejects here (ENOENT) instead of erroring the stream later.
      const handle = await fs.open(pathOf(key), 'r');
      return handle.createReadStream(range ? { start: range.start, end: range.end ?? Infinity } : {});
    },

    async stat(key): Promise<StoredObject | null> {
      try {
        const stats = await fs.stat(pathOf(key));
        return stats.isFile() ? { bytes: stats.size, modifiedAt: stats.mtime } : null;
      } catch (err) {
        if (isErrno(err, 'ENOENT')) return null;
        throw err;
      }
    },

    async delete(key) {
      await fs.rm(pathOf(key), { force: true });
    },

    localPathOf: (key) => pathOf(key),

    async *listObjects(prefix): AsyncIterable<ListedObject> {
      assertValidPrefix(prefix);
      yield* walk(path.join(rootDir, ...prefix.slice(0, -1).split('/')), prefix);
    },
  };
}

/** Files below `dir`, keyed `<prefix><relative path>`; a missing folder holds nothing. */
async function* walk(dir: string, prefix: string): AsyncIterable<ListedObject> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (err) {
    if (isErrno(err, 'ENOENT') || isErrno(err, 'ENOTDIR')) return;
    throw err;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      yield* walk(full, `${prefix}${entry.name}/`);
      continue;
    }
    if (!entry.isFile()) continue;
    try {
      const stats = await fs.stat(full);
      yield { key: `${prefix}${entry.name}`, bytes: stats.size, modifiedAt: stats.mtime };
    } catch (err) {
      // Removed between the listing and its stat: it is not there any more.
      if (!isErrno(err, 'ENOENT')) throw err;
    }
  }
}
