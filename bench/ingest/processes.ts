/**
 * The server under load as a child process: started on 127.0.0.1 with a temp data folder, watched through /proc
 * (CPU of all its threads, resident memory), stopped by its pid, its data folder removed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ; 100 on Linux). */
export const ticksPerSecond = 100;

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}

/**
 * user + system CPU seconds of every thread of the process so far, or with `mainThreadOnly` of its main thread
 * (the event loop; its tid is the pid) alone.
 */
export function cpuSecondsOf(pid: number, mainThreadOnly = false): number {
  const stat = fs.readFileSync(
    mainThreadOnly ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`,
    'utf8',
  );
  // Fields after "(comm)": state is 0, utime 11, stime 12.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

/** Resident memory now and at its peak since start (VmRSS, VmHWM), bytes. */
export function memoryOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string) =>
    Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

/** Busy and total jiffies of the whole machine (all cores), from /proc/stat. */
export function machineCpu(): { busy: number; total: number } {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const total = values.reduce((a, b) => a + b, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busy: total - idle, total };
}

export interface ChildServer {
  name: string;
  pid: number;
  url: string;
  dataDir: string;
  logFile: string;
  stop(): Promise<void>;
}

const live = new Set<ChildServer>();
/** Every child still running, for the Ctrl-C path. */
export const liveServers = (): ChildServer[] => [...live];

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function isHealthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    const body = (await res.json()) as { status?: string };
    return res.ok && body.status === 'ok';
  } catch {
    return false;
  }
}

/**
 * Starts `node --import tsx <script>` with its own temp data folder (DATA_DIR) on a free port, logs to a file in
 * that folder, and resolves once `healthPath` answers {status: "ok"}.
 */
export async function startServer(options: {
  name: string;
  script: string;
  healthPath: string;
  env: (port: number, dataDir: string) => Record<string, string>;
  /** Copy the server's log into this folder when it stops (the data folder itself is removed). */
  keepLogIn?: string;
  /** Working folder of the child (default: this repository). */
  cwd?: string;
  /** Extra node flags, e.g. --cpu-prof --cpu-prof-dir=… to profile the server under load. */
  nodeArgs?: string[];
}): Promise<ChildServer> {
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `oneway-bench-${options.name}-`));
  const logFile = path.join(dataDir, 'server.log');
  const log = fs.openSync(logFile, 'w');
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', options.script], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, ...options.env(port, dataDir), PORT: String(port), DATA_DIR: dataDir },
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  if (child.pid === undefined) throw new Error(`${options.name} did not start`);

  let stopped = false;
  const server: ChildServer = {
    name: options.name,
    pid: child.pid,
    url,
    dataDir,
    logFile,
    async stop() {
      if (stopped) return;
      stopped = true;
      live.delete(server);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        if (!(await waitForExit(child, 10_000))) {
          child.kill('SIGKILL');
          await waitForExit(child, 5_000);
        }
      }
      if (options.keepLogIn) {
        fs.mkdirSync(options.keepLogIn, { recursive: true });
        const kept = path.join(options.keepLogIn, `${options.name}-${path.basename(dataDir)}.log`);
        fs.copyFileSync(logFile, kept);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  live.add(server);

  const deadline = Date.now() + 60_000;
  while (!(await isHealthy(`${url}${options.healthPath}`))) {
    const exited = child.exitCode !== null || child.signalCode !== null;
    if (exited || Date.now() > deadline) {
      const output = fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
      await server.stop();
      throw new Error(`${options.name} ${exited ? 'exited' : 'did not become healthy'}; its log:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return server;
}

/** The last lines of a server's log (for a failure report). */
export function tailLog(server: ChildServer, lines = 20): string {
  try {
    return fs.readFileSync(server.logFile, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}
