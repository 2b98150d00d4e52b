/**
 * npm run bench:ingest — N candidates recording at 2.5 Mbit/s (one tus PATCH a second, length deferred) against
 * the real Oneway server and, with the same load, against a minimal Node server that appends bodies to files (the
 * floor). A benchmark, not a test: it prints figures and the targets of issue 4, and exits 0 unless it broke.
 *
 *   npm run bench:ingest                                  # N = 100, 400, 800; 60 s each (floor 30 s)
 *   npm run bench:ingest -- --n 100,400 --seconds 20      # a quick run
 *   npm run bench:ingest -- --help
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { request } from './http.ts';
import {
  cpuSecondsOf,
  liveServers,
  machineCpu,
  memoryOf,
  repoRoot,
  startServer,
  tailLog,
  ticksPerSecond,
  type ChildServer,
} from './processes.ts';
import type { ClientResult, ClientSpec, WorkerInput, WorkerMessage, WorkerResult } from './protocol.ts';
import { formatReport, percentile, type RunFigures, type Target } from './report.ts';
import { candidateHeaders, setUpFloorClients, setUpOnewayCandidates } from './setup.ts';

const usage = `Usage: npm run bench:ingest -- [options]
  --n <list>             candidates, comma-separated (default 100,400,800)
  --seconds <s>          recording length against Oneway (default 60)
  --floor-seconds <s>    recording length against the floor (default: half of --seconds, at least 20)
  --targets <list>       floor,oneway (default both; the floor runs first at each N)
  --workers <k|auto>     load-generator worker threads (default auto: 1 per 200 candidates, 1 to 4)
  --chunk-bytes <b>      bytes per PATCH (default 312500 = 2.5 Mbit/s at one PATCH a second)
  --cold-connections     every candidate's first PATCH opens its connection, all within the first second (as
                         when every candidate reconnects after a restart); by default each connection is open
                         before the load, as the page's is from the requests that created its upload
  --log-level <level>    Oneway's LOG_LEVEL (default info, as shipped)
  --server-root <dir>    run Oneway from another checkout (its apps/server/src/main.ts; needs node_modules),
                         e.g. a git worktree with a change to compare
  --server-node-args=<a> extra node flags for the Oneway process (note the =), e.g.
                         --server-node-args="--cpu-prof --cpu-prof-dir=/tmp/prof"
  --keep-logs <dir>      copy each server's log there before its temp data folder is removed
  --quiet-wait <s>       before each run, wait up to s seconds for other work on the machine to fall below
                         0.25 cores (default 0: measure it, warn, go on)
  --json <file>          also write the figures as JSON`;

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '100,400,800' },
    seconds: { type: 'string', default: '60' },
    'floor-seconds': { type: 'string' },
    targets: { type: 'string', default: 'floor,oneway' },
    workers: { type: 'string', default: 'auto' },
    'chunk-bytes': { type: 'string', default: '312500' },
    'cold-connections': { type: 'boolean', default: false },
    'log-level': { type: 'string', default: 'info' },
    'quiet-wait': { type: 'string', default: '0' },
    'server-node-args': { type: 'string', default: '' },
    'server-root': { type: 'string', default: repoRoot },
    'keep-logs': { type: 'string' },
    json: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(usage);
  process.exit(0);
}

const positiveInt = (name: string, value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) {
    console.error(`--${name} must be a positive whole number (got ${value})\n\n${usage}`);
    process.exit(2);
  }
  return n;
};
const ns = args.n.split(',').map((v) => positiveInt('n', v.trim()));
const seconds = positiveInt('seconds', args.seconds);
const floorSeconds = args['floor-seconds']
  ? positiveInt('floor-seconds', args['floor-seconds'])
  : Math.min(seconds, Math.max(20, Math.round(seconds / 2)));
const chunkBytes = positiveInt('chunk-bytes', args['chunk-bytes']);
const quietWaitSeconds = args['quiet-wait'] === '0' ? 0 : positiveInt('quiet-wait', args['quiet-wait']);
const chosenTargets = args.targets.split(',').map((t) => t.trim()) as Target[];
if (chosenTargets.some((t) => t !== 'floor' && t !== 'oneway')) {
  console.error(`--targets takes floor, oneway or both\n\n${usage}`);
  process.exit(2);
}
const workersFor = (n: number): number =>
  args.workers === 'auto'
    ? Math.min(4, Math.max(1, Math.ceil(n / 200)))
    : positiveInt('workers', args.workers);

const graceMs = 1000;
/** Worker threads do not inherit tsx's loader on Node 20: each registers it, then imports the worker module. */
const workerBootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(
  new URL('./load-worker.ts', import.meta.url).href,
)}); })`;
const maxChunksPerPatch = 4;
/** PATCHes started in the first seconds meet a cold server (lazy compilation, first file of each upload). */
const warmupSeconds = 5;
const now = (): number => performance.timeOrigin + performance.now();
const say = (line: string) => console.log(line);

// Ctrl-C: stop the workers and every child by its pid, remove temp data, and leave.
const liveWorkers = new Set<Worker>();
let aborting = false;
async function abort(signal: string, exitCode = 130): Promise<void> {
  if (aborting) return;
  aborting = true;
  console.log(`\n${signal}: stopping the load and the servers…`);
  await Promise.allSettled([...liveWorkers].map((w) => w.terminate()));
  await Promise.allSettled(liveServers().map((s) => s.stop()));
  process.exit(exitCode);
}
process.on('SIGINT', (s) => void abort(s));
process.on('SIGTERM', (s) => void abort(s));
process.on('uncaughtException', (err) => {
  console.error('bench:ingest failed:', err);
  void abort('error', 1);
});

const quietCores = 0.25;

/** CPU the rest of the machine uses over one second (everything but this process), in cores. */
async function otherWorkCores(): Promise<number> {
  const machineBefore = machineCpu();
  const ownBefore = process.cpuUsage();
  const started = now();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const own = process.cpuUsage(ownBefore);
  const busy = (machineCpu().busy - machineBefore.busy) / ticksPerSecond;
  return (busy - (own.user + own.system) / 1e6) / ((now() - started) / 1000);
}

/** Other sessions' builds and tests share these cores: say so, and wait for quiet when asked to. */
async function checkQuiet(): Promise<void> {
  const deadline = now() + quietWaitSeconds * 1000;
  for (;;) {
    const cores = await otherWorkCores();
    if (cores <= quietCores) return;
    if (now() >= deadline) {
      say(
        `  warning: other work is using ${cores.toFixed(2)} of the machine's cores; figures will be pessimistic`,
      );
      return;
    }
    say(`  other work is using ${cores.toFixed(2)} cores; waiting for quiet…`);
  }
}

/**
 * Setting up queues background jobs in Oneway (the invitation e-mails, run by the worker role in the same
 * process); a candidate records long after those went out, so the load starts once the server is idle.
 */
async function waitForIdle(server: ChildServer, maxSeconds = 120): Promise<number> {
  const started = now();
  for (;;) {
    const before = cpuSecondsOf(server.pid);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const cores = cpuSecondsOf(server.pid) - before;
    const waited = (now() - started) / 1000;
    if (cores < 0.05 || waited >= maxSeconds) return waited;
  }
}

async function startTarget(target: Target): Promise<ChildServer> {
  if (target === 'floor') {
    return startServer({
      name: 'floor',
      script: path.join(repoRoot, 'bench/ingest/floor-server.ts'),
      healthPath: '/health',
      env: () => ({}),
      keepLogIn: args['keep-logs'],
    });
  }
  return startServer({
    name: 'oneway',
    script: path.join(path.resolve(args['server-root']), 'apps/server/src/main.ts'),
    cwd: path.resolve(args['server-root']),
    keepLogIn: args['keep-logs'],
    nodeArgs: args['server-node-args'].split(' ').filter(Boolean),
    healthPath: '/api/health',
    env: (port) => ({
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: '',
      SMTP_URL: '',
      SEED_DEMO: 'false',
      LOG_LEVEL: args['log-level'],
      NODE_ENV: 'production',
    }),
  });
}

/** Runs the load in worker threads and collects what they measured. */
async function drive(
  clients: ClientSpec[],
  workerCount: number,
  runSeconds: number,
  watch: { onStart(): void; onProgress(t: number, produced: number, acked: number): void },
): Promise<WorkerResult[]> {
  const shares = Array.from({ length: workerCount }, (_, w) =>
    clients.filter((_, i) => i % workerCount === w),
  );
  const progress = shares.map(() => ({ producedBytes: 0, ackedBytes: 0 }));
  let startAt = 0;
  let markReady: () => void = () => {};
  let readyCount = 0;
  const allReady = new Promise<void>((resolve) => (markReady = resolve));
  const workers = shares.map((share) => {
    const input: WorkerInput = {
      clients: share,
      seconds: runSeconds,
      chunkBytes,
      graceMs,
      maxChunksPerPatch,
      warmConnections: !args['cold-connections'],
    };
    const worker = new Worker(workerBootstrap, { eval: true, workerData: input });
    liveWorkers.add(worker);
    return worker;
  });
  const results = workers.map(
    (worker, w) =>
      new Promise<WorkerResult>((resolve, reject) => {
        worker.on('message', (m: WorkerMessage) => {
          if (m.type === 'ready' && ++readyCount === workers.length) markReady();
          if (m.type === 'progress') {
            progress[w] = m;
            const sum = progress.reduce((s, p) => ({ p: s.p + p.producedBytes, a: s.a + p.ackedBytes }), {
              p: 0,
              a: 0,
            });
            watch.onProgress((now() - startAt) / 1000, sum.p, sum.a);
          }
          if (m.type === 'result') resolve(m);
        });
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`load worker exited with ${code} before its result`)));
      }),
  );
  // A worker that fails while starting ends the wait too.
  await Promise.race([allReady, Promise.all(results)]);
  startAt = now() + 200;
  for (const w of workers) w.postMessage({ startAt });
  setTimeout(() => watch.onStart(), Math.max(0, startAt - now()));
  try {
    return await Promise.all(results);
  } finally {
    await Promise.allSettled(
      workers.map(async (w) => {
        w.removeAllListeners('exit');
        await w.terminate();
        liveWorkers.delete(w);
      }),
    );
  }
}

/** Oneway: one candidate sends the final PATCH (Upload-Length), so the take is checked, hashed and stored. */
async function finishOneUpload(server: ChildServer, clients: ClientSpec[], results: ClientResult[]) {
  const sound =
    results.find((r) => r.errors === 0 && r.ackedBytes === r.producedBytes) ??
    results.find((r) => r.errors === 0 && r.ackedBytes > 0);
  const spec = sound && clients[sound.index];
  if (!spec?.takeId) return 'no candidate without errors to finish';
  const headers = { ...spec.headers };
  let finish = { status: 0, ms: 0 };
  let offset = 0;
  // A PATCH cut off when the load stopped may still be landing: ask for the offset, and again after a 409.
  for (let attempt = 0; attempt < 5 && finish.status !== 204; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 500));
    const head = await request(spec.uploadUrl, { method: 'HEAD', localAddress: spec.localAddress, headers });
    offset = Number(head.headers['upload-offset'] ?? NaN);
    if (head.status !== 200 || !Number.isFinite(offset)) return `FAILED — HEAD answered ${head.status}`;
    const started = now();
    const answer = await request(spec.uploadUrl, {
      method: 'PATCH',
      localAddress: spec.localAddress,
      headers: {
        ...headers,
        'content-type': 'application/offset+octet-stream',
        'upload-offset': String(offset),
        'upload-length': String(offset),
        'content-length': '0',
      },
    });
    finish = { status: answer.status, ms: now() - started };
  }
  const state = await request(`${server.url}/api/v1/candidate/takes/${spec.takeId}`, {
    method: 'GET',
    localAddress: spec.localAddress,
    headers: { ...candidateHeaders, cookie: spec.headers.cookie ?? '' },
  });
  const take = JSON.parse(state.body || '{}') as { status?: string; bytes?: number };
  const ok = finish.status === 204 && take.status === 'uploaded' && take.bytes === offset;
  return (
    `${ok ? 'ok' : 'FAILED'} — final PATCH ${finish.status} in ${Math.round(finish.ms)} ms, ` +
    `take ${take.status ?? state.status} (${((take.bytes ?? 0) / 1e6).toFixed(1)} MB)`
  );
}

async function runOne(target: Target, n: number): Promise<RunFigures> {
  const runSeconds = target === 'floor' ? floorSeconds : seconds;
  const workerCount = workersFor(n);
  say(`\n[${target}, N=${n}, ${runSeconds} s, ${workerCount} load worker${workerCount > 1 ? 's' : ''}]`);
  await checkQuiet();
  const server = await startTarget(target);
  try {
    const setupStarted = now();
    const clients = await (
      target === 'floor' ? setUpFloorClients(server.url, n) : setUpOnewayCandidates(server.url, n, say)
    ).catch((err: unknown) => {
      say(`  setting up failed; ${target}'s log ends with:\n${tailLog(server, 15)}`);
      throw err;
    });
    const setupSeconds = (now() - setupStarted) / 1000;
    const settleSeconds = await waitForIdle(server);
    say(
      `  ready in ${setupSeconds.toFixed(1)} s, server idle ${settleSeconds.toFixed(1)} s later; recording…`,
    );

    let cpuAtStart = 0;
    let mainThreadAtStart = 0;
    let loadStartedAt = now();
    let genAtStart = process.cpuUsage();
    let machineAtStart = machineCpu();
    let peakRss = 0;
    const rssAtStart = memoryOf(server.pid).rss;
    const rssEachSecond: number[] = [];
    let sampler: NodeJS.Timeout | undefined;
    let lastPrint = 0;
    const results = await drive(clients, workerCount, runSeconds, {
      onStart() {
        loadStartedAt = now();
        cpuAtStart = cpuSecondsOf(server.pid);
        mainThreadAtStart = cpuSecondsOf(server.pid, true);
        genAtStart = process.cpuUsage();
        machineAtStart = machineCpu();
        let ticks = 0;
        sampler = setInterval(() => {
          const { rss } = memoryOf(server.pid);
          peakRss = Math.max(peakRss, rss);
          if (++ticks % 5 === 0) rssEachSecond.push(rss);
        }, 200);
      },
      onProgress(t, produced, acked) {
        if (t - lastPrint < 10 && t < runSeconds) return;
        lastPrint = t;
        say(
          `  t=${Math.round(t)}s received ${(acked / 1e6).toFixed(0)} MB, backlog ${((produced - acked) / 1e6).toFixed(1)} MB`,
        );
      },
    });
    clearInterval(sampler);
    const serverCpu = cpuSecondsOf(server.pid) - cpuAtStart;
    const mainThreadCpu = cpuSecondsOf(server.pid, true) - mainThreadAtStart;
    const gen = process.cpuUsage(genAtStart);
    const machine = machineCpu();
    const loadSeconds = (now() - loadStartedAt) / 1000;
    const memory = memoryOf(server.pid);
    peakRss = Math.max(peakRss, memory.rss);

    const all = results.flatMap((r) => r.clients).sort((a, b) => a.index - b.index);
    const patchMs = results.flatMap((r) => r.patchMs).sort((a, b) => a - b);
    const startS = results.flatMap((r) => r.patchStartS);
    const timed = results.flatMap((r) => r.patchMs).map((ms, i) => ({ ms, s: startS[i]! }));
    const steadyMs = timed
      .filter((p) => p.s >= warmupSeconds)
      .map((p) => p.ms)
      .sort((a, b) => a - b);
    const worstEachSecond = Array.from({ length: runSeconds + 1 }, () => 0);
    for (const p of timed) {
      const second = Math.min(runSeconds, Math.max(0, Math.floor(p.s)));
      worstEachSecond[second] = Math.max(worstEachSecond[second]!, p.ms);
    }
    const ackLagMs = results.flatMap((r) => r.ackLagMs).sort((a, b) => a - b);
    const timerLateMs = results.flatMap((r) => r.timerLateMs).sort((a, b) => a - b);
    const producedBytes = all.reduce((s, c) => s + c.producedBytes, 0);
    const ackedBytes = all.reduce((s, c) => s + c.ackedBytes, 0);
    const gib = ackedBytes / 2 ** 30;
    const errors = all.reduce((s, c) => s + c.errors, 0);
    const windowSeconds = runSeconds + graceMs / 1000;
    const savedCheck = target === 'oneway' ? await finishOneUpload(server, clients, all) : null;
    if (savedCheck) say(`  finished one upload: ${savedCheck}`);
    if (errors > 0) say(`  ${errors} errors; server log tail:\n${tailLog(server, 10)}`);

    return {
      target,
      n,
      seconds: runSeconds,
      workers: workerCount,
      setupSeconds,
      keptUp: all.filter((c) => c.errors === 0 && c.ackedBytes === c.producedBytes).length,
      producedBytes,
      ackedBytes,
      backlogBytes: producedBytes - ackedBytes,
      onTimeShare: ackLagMs.filter((ms) => ms <= 1000).length / (n * runSeconds),
      patchP50Ms: percentile(patchMs, 50),
      patchP99Ms: percentile(patchMs, 99),
      patchMaxMs: patchMs.at(-1) ?? NaN,
      steadyPatchP99Ms: percentile(steadyMs, 99),
      worstPatchEachSecondMs: worstEachSecond.map((ms) => Math.round(ms)),
      loadStartedAtMs: Math.round(loadStartedAt),
      ackLagP99Ms: percentile(ackLagMs, 99),
      patches: patchMs.length,
      errors,
      errorSamples: [...new Set(all.filter((c) => c.lastError).map((c) => c.lastError!))].slice(0, 3),
      serverCpuSeconds: serverCpu,
      serverCpuPerGiB: gib > 0 ? serverCpu / gib : NaN,
      serverMainThreadBusy: mainThreadCpu / loadSeconds,
      serverPeakRssBytes: peakRss,
      serverRssBeforeBytes: rssAtStart,
      serverRssEachSecond: rssEachSecond,
      serverHwmBytes: memory.peak,
      receivedMBps: ackedBytes / 1e6 / windowSeconds,
      generatorCpuPerGiB: gib > 0 ? (gen.user + gen.system) / 1e6 / gib : NaN,
      generatorEluMax: Math.max(...results.map((r) => r.elu)),
      generatorTimerLateP99Ms: percentile(timerLateMs, 99),
      generatorLoopDelayP99Ms: Math.max(...results.map((r) => r.eventLoopDelayP99Ms)),
      machineBusyShare: (machine.busy - machineAtStart.busy) / (machine.total - machineAtStart.total),
      otherCores:
        ((machine.busy - machineAtStart.busy) / ticksPerSecond - serverCpu - (gen.user + gen.system) / 1e6) /
        loadSeconds,
      savedCheck,
    };
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const started = now();
  say(
    `Ingest benchmark: N = ${ns.join(', ')}; ${(chunkBytes / 1024).toFixed(0)} KiB per PATCH a second ` +
      `(${((chunkBytes * 8) / 1e6).toFixed(2)} Mbit/s); ${seconds} s against Oneway, ${floorSeconds} s against the floor; ` +
      `${os.cpus().length} cores, Node ${process.version}; ` +
      (args['cold-connections']
        ? 'cold connections (each opened by its first PATCH)'
        : "connections open before the load, as the page's are"),
  );
  const runs: RunFigures[] = [];
  for (const n of ns) {
    for (const target of (['floor', 'oneway'] as const).filter((t) => chosenTargets.includes(t))) {
      runs.push(await runOne(target, n));
    }
  }
  say(`\n${'='.repeat(100)}\n`);
  say(formatReport(runs));
  say(`\n(whole run ${Math.round((now() - started) / 1000)} s)`);
  if (args.json) {
    fs.mkdirSync(path.dirname(path.resolve(args.json)), { recursive: true });
    fs.writeFileSync(
      args.json,
      `${JSON.stringify({ at: new Date().toISOString(), chunkBytes, coldConnections: args['cold-connections'], runs }, null, 2)}\n`,
    );
    say(`figures written to ${args.json}`);
  }
}

main().catch(async (err: unknown) => {
  console.error('bench:ingest failed:', err);
  await Promise.allSettled([...liveWorkers].map((w) => w.terminate()));
  await Promise.allSettled(liveServers().map((s) => s.stop()));
  process.exit(1);
});
