import type { Readable } from 'node:stream';

/** Bytes `start` to `end`, both included (as in an HTTP Range header); no end means to the end of the object. */
export interface ByteRange {
  start: number;
  end?: number;
}

export interface StoredObject {
  bytes: number;
  modifiedAt: Date;
}

/**
 * Where recordings and the files made from them live: a local folder (default) or, later, an S3 bucket. Keys are
 * `/`-separated and built by the server from ids only (`<organisation>/<invitation>/<take>.mp4`), never from input.
 */
export interface MediaStorage {
  /**
   * Stores the file at `fromPath` under `key`, replacing what was there in one step: a reader sees the old object
   * or the new one, never half of either. The file at `fromPath` is consumed (moved or uploaded, then removed).
   */
  putFile(key: string, fromPath: string, options: { contentType: string }): Promise<void>;
  /** The object's bytes, or a range of them; rejects with code `ENOENT` when there is no such object. */
  openReadStream(key: string, range?: ByteRange): Promise<Readable>;
  /** Size and time of an object, or null when there is none. */
  stat(key: string): Promise<StoredObject | null>;
  /** Removes an object; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
  /** A path ffmpeg can read directly, or null when the object is not on this machine (then copy it down first). */
  localPathOf(key: string): string | null;
  /**
   * Every object whose key starts with `prefix` (a folder such as `<organisation>/<invitation>/`), in no particular
   * order; what erasure and the clean-up use to be sure nothing is left behind.
   */
  listObjects(prefix: string): AsyncIterable<ListedObject>;
}

export interface ListedObject extends StoredObject {
  key: string;
}

/** Deletes every object under `prefix`; returns how many there were. */
export async function deleteObjectsUnder(storage: MediaStorage, prefix: string): Promise<number> {
  const keys: string[] = [];
  for await (const object of storage.listObjects(prefix)) keys.push(object.key);
  for (const key of keys) await storage.delete(key);
  return keys.length;
}

const keyPattern = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*(\/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*$/;

/** Refuses anything but plain `a/b/c.ext` keys: no `..`, no leading `/` or `.`, no backslashes. */
export function assertValidKey(key: string): void {
  if (!keyPattern.test(key) || key.split('/').some((part) => part === '..' || part === '.')) {
    throw new Error(`Invalid media key: ${JSON.stringify(key)}`);
  }
}

/** A listing prefix: a valid key followed by `/` (never the whole store by accident). */
export function assertValidPrefix(prefix: string): void {
  if (!prefix.endsWith('/')) throw new Error(`Invalid media prefix: ${JSON.stringify(prefix)}`);
  assertValidKey(prefix.slice(0, -1));
}
