import fs from 'node:fs';

/** The release this code is, from the root package.json (read once; the file sits two levels above apps/server). */
function readVersion(): string {
  for (const relative of ['../../../../package.json', '../../../package.json']) {
    try {
      const text = fs.readFileSync(new URL(relative, import.meta.url), 'utf8');
      const parsed = JSON.parse(text) as { name?: string; version?: string };
      if (parsed.name === 'oneway' && parsed.version) return parsed.version;
    } catch {
      // Not there in this layout; try the next.
    }
  }
  return 'unknown';
}

export const onewayVersion = readVersion();
