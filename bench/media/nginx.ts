/**
 * nginx as the playback baseline: a child with a temp config (no daemon, pid and logs in a temp folder) serving one
 * folder on a free 127.0.0.1 port. Null when nginx is not installed.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findFreePort } from '../ingest/processes.ts';
import { onCleanUp } from './cleanup.ts';

export const nginxInstallHint =
  'nginx not installed: baseline skipped (install it with `apt-get install -y nginx-light`, or set NGINX_PATH)';

export function findNginx(): string | null {
  const candidates = [process.env.NGINX_PATH, '/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'];
  for (const file of candidates) if (file && fs.existsSync(file)) return file;
  try {
    return execFileSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

function waitForExit(child: ChildProcess, ms: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export interface NginxServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Serves `rootDir` (made world-readable: nginx workers run as nobody); `dir` holds config, pid, logs. */
export async function startNginx(nginx: string, rootDir: string, dir: string): Promise<NginxServer> {
  const port = await findFreePort();
  fs.chmodSync(rootDir, 0o755);
  for (const file of fs.readdirSync(rootDir)) fs.chmodSync(path.join(rootDir, file), 0o644);
  const temp = path.join(dir, 'temp');
  fs.mkdirSync(temp, { recursive: true });
  const config = path.join(dir, 'nginx.conf');
  fs.writeFileSync(
    config,
    `worker_processes auto;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  types { video/mp4 mp4; }
  client_body_temp_path ${temp}/body;
  proxy_temp_path ${temp}/proxy;
  fastcgi_temp_path ${temp}/fastcgi;
  server {
    listen 127.0.0.1:${port};
    root ${rootDir};
    location / { }
  }
}
`,
  );
  const log = fs.openSync(path.join(dir, 'stderr.log'), 'w');
  const child = spawn(nginx, ['-p', dir, '-c', config, '-g', 'daemon off;'], { stdio: ['ignore', log, log] });
  fs.closeSync(log);
  if (child.pid === undefined) throw new Error('nginx did not start');
  const stop = onCleanUp(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await waitForExit(child, 5_000);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await waitForExit(child, 5_000);
    }
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      const res = await fetch(`${url}/`, { signal: AbortSignal.timeout(1_000) });
      await res.arrayBuffer();
      break;
    } catch {
      if (child.exitCode !== null || Date.now() > deadline) {
        const why = fs.readFileSync(path.join(dir, 'stderr.log'), 'utf8');
        await stop();
        throw new Error(`nginx did not start: ${why}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return { url, pid: child.pid, stop };
}
