import { execFileSync } from 'node:child_process';
import fs, { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';

/**
 * A data folder whose media folder can be filled up and freed again. As root, where mounting works, the media folder
 * is a real 2 MiB tmpfs and `fill` writes a file until the disk says ENOSPC; elsewhere (no root, a container without
 * the right to mount) the file layer's writes fail with the same ENOSPC error while it is "full". `how` says which.
 */
export interface FillableDisk {
  dataDir: string;
  how: 'tmpfs' | 'injected';
  fill(): void;
  free(): void;
  close(): void;
}

const noSpace = () =>
  Object.assign(new Error('ENOSPC: no space left on device, write'), {
    code: 'ENOSPC',
    errno: -28,
    syscall: 'write',
  });

function mountTmpfs(dir: string): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function createFillableDisk(): FillableDisk {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'oneway-disk-'));
  const mediaDir = path.join(dataDir, 'media');
  mkdirSync(mediaDir);
  if (mountTmpfs(mediaDir)) {
    const filler = path.join(mediaDir, 'filler');
    return {
      dataDir,
      how: 'tmpfs',
      fill() {
        const fd = fs.openSync(filler, 'a');
        try {
          // Big writes, then smaller ones, until not one byte more fits.
          for (const size of [64 * 1024, 4096, 1]) {
            const chunk = Buffer.alloc(size);
            for (;;) {
              try {
                fs.writeSync(fd, chunk);
              } catch (err) {
                if ((err as NodeJS.ErrnoException).code === 'ENOSPC') break;
                throw err;
              }
            }
          }
        } finally {
          fs.closeSync(fd);
        }
      },
      free: () => rmSync(filler, { force: true }),
      close() {
        execFileSync('umount', ['-l', mediaDir], { stdio: 'ignore' });
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  let spies: { mockRestore(): void }[] = [];
  const free = () => {
    for (const spy of spies) spy.mockRestore();
    spies = [];
  };
  return {
    dataDir,
    how: 'injected',
    fill() {
      // The upload path writes chunks with fs.writev; it fails as on a full disk, for files of this folder only.
      const writev = fs.writev.bind(fs);
      const writeFile = fs.promises.writeFile.bind(fs.promises);
      // A new upload's empty file, as FileStore creates it.
      const writeFileSpy = vi
        .spyOn(fs.promises, 'writeFile')
        .mockImplementation((file, ...rest) =>
          typeof file === 'string' && file.startsWith(mediaDir)
            ? Promise.reject(noSpace())
            : writeFile(file, ...rest),
        );
      const writevSpy = vi.spyOn(fs, 'writev').mockImplementation(((
        fd: number,
        buffers: NodeJS.ArrayBufferView[],
        position: number | null,
        callback: (
          err: NodeJS.ErrnoException | null,
          written: number,
          buffers: NodeJS.ArrayBufferView[],
        ) => void,
      ) => {
        const target = (() => {
          try {
            return fs.readlinkSync(`/proc/self/fd/${fd}`);
          } catch {
            return '';
          }
        })();
        if (target.startsWith(mediaDir)) {
          process.nextTick(() => callback(noSpace(), 0, buffers));
          return;
        }
        writev(fd, buffers, position, callback);
      }) as typeof fs.writev);
      spies = [writeFileSpy, writevSpy];
    },
    free,
    close() {
      free();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
