// Starts Oneway the way the README's first command does (`npm start`, here `node scripts/start.mjs`) on a fresh
// data folder and checks what a newcomer would: /api/health is ok, the web app is served and the demo sign-in is
// printed. DATABASE_URL, when set, is passed through (the test script runs it once on SQLite, once on PostgreSQL).
// Oneway runs under scripts/process-guard.mjs, in a process group of its own: it goes when this script goes, also
// when this script is killed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const port = await new Promise((resolve) => {
  const server = net.createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = server.address();
    server.close(() => resolve(free));
  });
});
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oneway-smoke-'));
let output = '';
const child = spawn(
  process.execPath,
  [path.join(root, 'scripts/process-guard.mjs'), process.execPath, path.join(root, 'scripts/start.mjs')],
  {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  },
);
child.stdout.on('data', (chunk) => (output += chunk));
child.stderr.on('data', (chunk) => (output += chunk));
const exited = new Promise((resolve) => child.on('exit', resolve));
const killGroup = () => {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
};
process.on('exit', () => {
  if (child.exitCode === null && child.signalCode === null) killGroup();
  fs.rmSync(dataDir, { recursive: true, force: true });
});
for (const [signal, number] of [
  ['SIGINT', 2],
  ['SIGTERM', 15],
  ['SIGHUP', 1],
]) {
  process.on(signal, () => process.exit(128 + number));
}

function fail(message) {
  console.error(`${message}\n--- output ---\n${output}`);
  process.exitCode = 1;
}

async function waitForHealth(deadlineMs) {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until && child.exitCode === null) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      return { status: res.status, body: await res.text() };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return null;
}

const health = await waitForHealth(120_000);
if (!health) fail('Oneway did not answer /api/health');
else if (health.body !== '{"status":"ok"}') fail(`/api/health answered ${health.status} ${health.body}`);
else {
  const page = await fetch(`http://127.0.0.1:${port}/signin`).then((r) => r.text());
  if (!page.includes('<div id="root">')) fail('the web app is not served at /signin');
  else if (!/password: \S+/.test(output)) fail('the demo sign-in was not printed');
  else console.log(`Oneway answered on port ${port} (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`);
}
child.kill('SIGTERM');
// A server that does not stop when asked is a failure too, and is not left running.
const stopped = await Promise.race([
  exited.then(() => true),
  new Promise((resolve) => setTimeout(() => resolve(false), 15_000)),
]);
if (!stopped) fail('Oneway did not stop within 15 s of SIGTERM');
process.exit();
