import fs from 'node:fs';
import path from 'node:path';

/** How many of this process's open file descriptors point at `file` (counting all of them would catch other tests' files closing). */
export function openDescriptorsOn(file: string): number {
  let count = 0;
  for (const name of fs.readdirSync('/proc/self/fd')) {
    try {
      if (fs.readlinkSync(path.join('/proc/self/fd', name)) === file) count += 1;
    } catch {
      // Closed between the listing and the read (the descriptor that listed the folder, for one).
    }
  }
  return count;
}
