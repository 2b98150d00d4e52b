/**
 * npm run bench — runs every `bench:*` script of the root package.json, one after another, and says which failed.
 * Arguments after `--` go to every bench (e.g. `npm run bench -- --seconds 20`).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const { scripts = {} } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  scripts?: Record<string, string>;
};
const benches = Object.keys(scripts)
  .filter((name) => name.startsWith('bench:'))
  .sort();
const extra = process.argv.slice(2);

let current: ReturnType<typeof spawn> | null = null;
// Ctrl-C reaches the bench too (same process group); wait for it to clean up, then stop.
let interrupted = false;
process.on('SIGINT', () => (interrupted = true));
process.on('SIGTERM', () => {
  interrupted = true;
  current?.kill('SIGTERM');
});

function run(name: string): Promise<number> {
  return new Promise((resolve) => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    current = spawn(npm, ['run', name, ...(extra.length ? ['--', ...extra] : [])], {
      cwd: root,
      stdio: 'inherit',
    });
    current.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const failed: string[] = [];
console.log(`Benches: ${benches.join(', ') || 'none'}`);
for (const name of benches) {
  if (interrupted) break;
  console.log(`\n>>> npm run ${name}`);
  if ((await run(name)) !== 0) failed.push(name);
}
current = null;
if (interrupted) process.exit(130);
console.log(failed.length ? `\nFailed: ${failed.join(', ')}` : `\nAll benches ran: ${benches.join(', ')}`);
process.exit(failed.length ? 1 : 0);
