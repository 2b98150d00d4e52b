/**
 * Everything a bench leaves behind (children, temp folders) registers its undoing here; `cleanUp` runs them all,
 * newest first, on the way out, after a failure and on Ctrl-C.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const undo: (() => Promise<void> | void)[] = [];

/** Registers `fn` to run once when the bench ends; returns a function that runs it now (and unregisters it). */
export function onCleanUp(fn: () => Promise<void> | void): () => Promise<void> {
  let done = false;
  const once = async () => {
    if (done) return;
    done = true;
    const at = undo.indexOf(once);
    if (at >= 0) undo.splice(at, 1);
    await fn();
  };
  undo.push(once);
  return once;
}

/** A temp folder removed when the bench ends. */
export function tempDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `oneway-bench-${name}-`));
  onCleanUp(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export async function cleanUp(): Promise<void> {
  while (undo.length > 0) {
    const fn = undo.at(-1)!;
    try {
      await fn();
    } catch (err) {
      console.error('clean-up step failed:', err);
      undo.splice(undo.indexOf(fn), 1);
    }
  }
}

/** Ctrl-C, SIGTERM and uncaught errors: clean up, then leave with a failing code. */
export function cleanUpOnExit(label: string): void {
  let leaving = false;
  const leave = (why: string, code: number, err?: unknown) => {
    if (leaving) return;
    leaving = true;
    if (err) console.error(`${label} failed:`, err);
    else console.log(`\n${why}: cleaning up…`);
    void cleanUp().finally(() => process.exit(code));
  };
  process.on('SIGINT', () => leave('SIGINT', 130));
  process.on('SIGTERM', () => leave('SIGTERM', 143));
  process.on('uncaughtException', (err) => leave('error', 1, err));
}
