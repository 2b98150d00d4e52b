/**
 * npm run bench:media — processing and playback of answers (issue 5). A benchmark, not a test: it prints figures,
 * the targets and the ratio to a baseline measured in the same run, and exits 0 unless it broke.
 *
 * Processing: browser-like recordings (VP8/Opus live WebM, 640x480 noisy testsrc2 + tone) go through the server's
 * own pipeline (processRecording + storing into a local MediaStorage), next to a bare one-command ffmpeg transcode.
 * Target: <= 0.5 s of processing per second of answer.
 * Playback: a processed answer of a completed candidate, reached through tus upload, submit, the job queue and
 * POST /takes/:id/playback, read through its signed /api/v1/media/<token> address by concurrent clients (1 MiB
 * ranges at random offsets, and whole-file GETs), next to nginx serving the same bytes. Targets: >= 0.5x nginx's
 * throughput, time to first byte p99 <= 50 ms.
 *
 *   npm run bench:media                      # answers of 10, 60, 120 s; 16 and 64 clients, 10 s each
 *   npm run bench:media -- --quick           # answers of 10 and 30 s; 5 s per playback run
 *   npm run bench:media -- --help
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { cpuSecondsOf, machineCpu, ticksPerSecond } from '../ingest/processes.ts';
import { percentile } from '../ingest/report.ts';
import { cleanUp, cleanUpOnExit, tempDir } from './cleanup.ts';
import { readLoad, type LoadFigures, type LoadMode } from './load.ts';
import { loadThreadsFor, readLoadInThreads } from './load-workers.ts';
import { findNginx, nginxInstallHint, startNginx, type NginxServer } from './nginx.ts';
import { recordThroughOneway, startOneway } from './oneway-take.ts';
import { runBaseline, runPipeline, type Timed } from './processing.ts';
import { makeRecordings } from './recordings.ts';

const usage = `Usage: npm run bench:media -- [options]
  --quick                answers of 10 and 30 s, 5 s per playback run, the recording of 30 s played
  --lengths <list>       answer lengths in seconds (default 10,60,120)
  --repeat <k>           processing runs per length, pipeline and baseline alternating (default 1)
  --parts <list>         processing,playback (default both)
  --play-length <s>      which answer's processed MP4 is played (default 60, or the longest below it)
  --clients <list>       concurrent playback clients (default 16,64)
  --modes <list>         range (1 MiB at random offsets),full (whole file) (default both)
  --seconds <s>          length of each playback run (default 10)
  --log-level <level>    Oneway's LOG_LEVEL (default info, as shipped)
  --server-node-args=<a> extra node flags for the Oneway process (note the =), e.g.
                         --server-node-args="--cpu-prof --cpu-prof-dir=/tmp/prof"
  --json <file>          also write the figures as JSON
nginx (the playback baseline) is found on PATH, /usr/sbin or NGINX_PATH; without it that baseline is skipped
(install: apt-get install -y nginx-light).`;

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    lengths: { type: 'string' },
    repeat: { type: 'string', default: '1' },
    parts: { type: 'string', default: 'processing,playback' },
    'play-length': { type: 'string' },
    clients: { type: 'string', default: '16,64' },
    modes: { type: 'string', default: 'range,full' },
    seconds: { type: 'string' },
    'log-level': { type: 'string', default: 'info' },
    'server-node-args': { type: 'string', default: '' },
    json: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(usage);
  process.exit(0);
}
const positiveInts = (name: string, value: string): number[] =>
  value.split(',').map((v) => {
    const n = Number(v.trim());
    if (!Number.isInteger(n) || n <= 0) {
      console.error(`--${name} takes positive whole numbers (got ${value})\n\n${usage}`);
      process.exit(2);
    }
    return n;
  });
const lengths = positiveInts('lengths', args.lengths ?? (args.quick ? '10,30' : '10,60,120'));
const repeat = positiveInts('repeat', args.repeat)[0]!;
const parts = args.parts.split(',').map((p) => p.trim());
const clientCounts = positiveInts('clients', args.clients);
const modes = args.modes.split(',').map((m) => m.trim()) as LoadMode[];
if (
  modes.some((m) => m !== 'range' && m !== 'full') ||
  parts.some((p) => !['processing', 'playback'].includes(p))
) {
  console.error(usage);
  process.exit(2);
}
const playSeconds = positiveInts('seconds', args.seconds ?? (args.quick ? '5' : '10'))[0]!;
const playLength =
  positiveInts('play-length', args['play-length'] ?? '60')[0]! === 60 && !args['play-length']
    ? Math.max(...lengths.filter((l) => l <= 60), Math.min(...lengths))
    : positiveInts('play-length', args['play-length']!)[0]!;

const say = (line: string) => console.log(line);
const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
const ms = (n: number) =>
  Number.isFinite(n) ? (n < 10 ? `${n.toFixed(1)} ms` : `${Math.round(n)} ms`) : '-';

/** Cores the rest of the machine used over the last interval (everything but this process and its children). */
function otherCoresSince(
  start: { busy: number; total: number },
  ownCpuSeconds: number,
  seconds: number,
): number {
  const now = machineCpu();
  return ((now.busy - start.busy) / ticksPerSecond - ownCpuSeconds) / seconds;
}

interface ProcessingRow {
  seconds: number;
  pipeline: Timed[];
  baseline: Timed[];
  durationMs: number;
  playbackBytes: number;
}

interface PlaybackRow {
  mode: LoadMode;
  clients: number;
  oneway: LoadFigures;
  nginx: LoadFigures | null;
  serverCpuMsPerRequest: number;
}

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

async function processing(files: Map<number, string>, work: string): Promise<ProcessingRow[]> {
  say(`\nProcessing (${repeat} run${repeat > 1 ? 's' : ''} each; pipeline, then the bare ffmpeg baseline)`);
  const storageDir = path.join(work, 'storage');
  const rows: ProcessingRow[] = [];
  for (const seconds of lengths) {
    const input = files.get(seconds)!;
    const row: ProcessingRow = { seconds, pipeline: [], baseline: [], durationMs: 0, playbackBytes: 0 };
    for (let i = 0; i < repeat; i++) {
      const machine = machineCpu();
      const started = performance.now();
      const result = await runPipeline(input, {
        workRoot: work,
        storageDir,
        maxSeconds: seconds + 60,
        key: `bench/take-${seconds}s-${i}`,
      });
      row.pipeline.push(result);
      row.durationMs = result.durationMs;
      row.playbackBytes = result.playbackBytes;
      const base = await runBaseline(input, path.join(work, 'baseline.mp4'));
      row.baseline.push(base);
      const wall = (performance.now() - started) / 1000;
      const other = otherCoresSince(machine, result.cpuSeconds + base.cpuSeconds, wall);
      say(
        `  ${seconds} s answer: pipeline ${fmt(result.wallSeconds, 1)} s (${fmt(result.cpuSeconds, 1)} CPU s), ` +
          `baseline ${fmt(base.wallSeconds, 1)} s (${fmt(base.cpuSeconds, 1)} CPU s)` +
          (other > 0.25 ? `; other work used ${fmt(other)} cores meanwhile` : ''),
      );
    }
    fs.rmSync(storageDir, { recursive: true, force: true });
    rows.push(row);
  }
  return rows;
}

async function playback(files: Map<number, string>): Promise<{
  rows: PlaybackRow[];
  savedToReviewableSeconds: number;
  fileBytes: number;
  nginxNote: string | null;
}> {
  say(`\nPlayback: the processed MP4 of the ${playLength} s answer, through the real path`);
  const server = await startOneway(args['log-level'], args['server-node-args'].split(' ').filter(Boolean));
  const answer = await recordThroughOneway(server, files.get(playLength)!);
  say(
    `  uploaded, submitted and processed by the job queue: reviewable ${fmt(answer.savedToReviewableSeconds, 1)} s ` +
      `after the last byte was saved (${fmt(answer.savedToReviewableSeconds / playLength)}x the answer's length)`,
  );
  // The same bytes for nginx: the whole file as Oneway serves it.
  // Its own temp folder: nginx's workers (nobody) cannot pass through the private work folder.
  const served = tempDir('media-served');
  const res = await fetch(answer.mediaUrl);
  if (res.status !== 200) throw new Error(`GET of the signed address answered ${res.status}`);
  const bytes = Buffer.from(await res.arrayBuffer());
  fs.writeFileSync(path.join(served, 'answer.mp4'), bytes);
  say(`  file ${(bytes.length / 1e6).toFixed(1)} MB (${res.headers.get('content-type')})`);

  const nginxPath = findNginx();
  let nginx: NginxServer | null = null;
  let nginxNote: string | null = null;
  if (!nginxPath) {
    nginxNote = nginxInstallHint;
    say(`  ${nginxInstallHint}`);
  } else {
    try {
      nginx = await startNginx(nginxPath, served, tempDir('media-nginx'));
    } catch (err) {
      nginxNote = `nginx did not start: baseline skipped (${err instanceof Error ? err.message : String(err)})`;
      say(`  ${nginxNote}`);
    }
  }
  const rows: PlaybackRow[] = [];
  try {
    for (const mode of modes) {
      for (const clients of clientCounts) {
        const threads = loadThreadsFor(clients);
        const load = (url: string) =>
          readLoadInThreads({ url, size: bytes.length, clients, seconds: playSeconds, mode, threads });
        // A short warm-up of each (JIT, page cache, connections), then the measured runs.
        await readLoad({ url: answer.mediaUrl, size: bytes.length, clients: 4, seconds: 1, mode });
        if (nginx)
          await readLoad({
            url: `${nginx.url}/answer.mp4`,
            size: bytes.length,
            clients: 4,
            seconds: 1,
            mode,
          });
        const nginxFigures = nginx ? await load(`${nginx.url}/answer.mp4`) : null;
        const cpuBefore = cpuSecondsOf(server.pid);
        const oneway = await load(answer.mediaUrl);
        const serverCpuMsPerRequest =
          ((cpuSecondsOf(server.pid) - cpuBefore) * 1000) / Math.max(1, oneway.requests);
        rows.push({ mode, clients, oneway, nginx: nginxFigures, serverCpuMsPerRequest });
        const line = (name: string, f: LoadFigures) =>
          `${name} ${fmt(f.mbPerSecond, 0)} MB/s, TTFB p50 ${ms(percentile(f.ttfbMs, 50))} p99 ${ms(percentile(f.ttfbMs, 99))}` +
          (f.errors ? `, ${f.errors} errors (${f.errorSample})` : '');
        say(
          `  ${mode === 'range' ? '1 MiB ranges' : 'whole file  '} x${String(clients).padEnd(3)}: ` +
            `${line('Oneway', oneway)} (server CPU ${fmt(serverCpuMsPerRequest, 1)} ms/request)` +
            `${nginxFigures ? `; ${line('nginx', nginxFigures)}` : ''}`,
        );
      }
    }
  } finally {
    await nginx?.stop();
    await server.stop();
  }
  return {
    rows,
    savedToReviewableSeconds: answer.savedToReviewableSeconds,
    fileBytes: bytes.length,
    nginxNote,
  };
}

async function main(): Promise<void> {
  cleanUpOnExit('bench:media');
  const started = performance.now();
  say(
    `Media benchmark: answers of ${lengths.join(', ')} s; playback ${modes.join('+')} at ${clientCounts.join(', ')} ` +
      `clients, ${playSeconds} s each (load spread over up to ${os.cpus().length} threads); ` +
      `${os.cpus().length} cores, Node ${process.version}`,
  );
  const work = tempDir('media');
  const needed = [...new Set([...lengths, ...(parts.includes('playback') ? [playLength] : [])])];
  say(`Making browser-like recordings (VP8/Opus live WebM, 640x480 noisy) of ${needed.join(', ')} s…`);
  const files = await makeRecordings(work, needed);
  for (const [s, f] of files) say(`  ${s} s: ${(fs.statSync(f).size / 1e6).toFixed(1)} MB`);

  const processed = parts.includes('processing') ? await processing(files, work) : [];
  const played = parts.includes('playback') ? await playback(files) : null;

  say(`\n${'='.repeat(100)}\n`);
  if (processed.length) {
    say('Processing, seconds per second of answer (median of runs; target pipeline <= 0.50x)');
    say('  answer   pipeline wall   CPU     baseline wall   CPU     pipeline/baseline   target');
    for (const row of processed) {
      const p = median(row.pipeline.map((t) => t.wallSeconds));
      const pc = median(row.pipeline.map((t) => t.cpuSeconds));
      const b = median(row.baseline.map((t) => t.wallSeconds));
      const bc = median(row.baseline.map((t) => t.cpuSeconds));
      say(
        `  ${String(row.seconds).padStart(4)} s   ${fmt(p / row.seconds).padStart(6)}x        ${fmt(pc / row.seconds).padStart(5)}x  ` +
          `${fmt(b / row.seconds).padStart(6)}x         ${fmt(bc / row.seconds).padStart(5)}x   ` +
          `${fmt(p / b).padStart(6)}x (CPU ${fmt(pc / bc)}x)    ${p / row.seconds <= 0.5 ? 'met' : 'MISSED'}`,
      );
    }
    say(
      "  (wall includes waiting for the cores other work on the machine holds; CPU is the ffmpeg children's own)",
    );
  }
  if (played) {
    say(
      `\nPlayback of a ${(played.fileBytes / 1e6).toFixed(1)} MB MP4 through /api/v1/media/<token> ` +
        `(targets: >= 0.50x nginx, TTFB p99 <= 50 ms)`,
    );
    if (played.nginxNote) say(`  ${played.nginxNote}`);
    say(
      '  load               Oneway MB/s  TTFB p50  p99      nginx MB/s  TTFB p50  p99      Oneway/nginx  targets',
    );
    for (const row of played.rows) {
      const o = row.oneway;
      const n = row.nginx;
      const p99 = percentile(o.ttfbMs, 99);
      // A run with errors measured something else (403s, cut-off bodies): no ratio from it.
      const ratio = n && !n.errors && !o.errors ? o.mbPerSecond / n.mbPerSecond : NaN;
      const verdicts = [
        Number.isFinite(ratio) ? (ratio >= 0.5 ? 'throughput met' : 'throughput MISSED') : 'throughput -',
        p99 <= 50 ? 'TTFB met' : 'TTFB MISSED',
      ];
      say(
        `  ${(row.mode === 'range' ? '1 MiB ranges' : 'whole file') + ` x${row.clients}`}`.padEnd(21) +
          `${fmt(o.mbPerSecond, 0).padStart(8)}     ${ms(percentile(o.ttfbMs, 50)).padStart(7)}  ${ms(p99).padStart(7)}  ` +
          `${(n ? fmt(n.mbPerSecond, 0) : '-').padStart(8)}    ${(n ? ms(percentile(n.ttfbMs, 50)) : '-').padStart(7)}  ` +
          `${(n ? ms(percentile(n.ttfbMs, 99)) : '-').padStart(7)}  ${fmt(ratio).padStart(9)}x    ${verdicts.join(', ')}` +
          (o.errors || n?.errors ? `  (errors: Oneway ${o.errors}, nginx ${n?.errors ?? 0})` : ''),
      );
    }
    say(
      `  Upload saved -> reviewable through the job queue: ${fmt(played.savedToReviewableSeconds, 1)} s for ` +
        `${playLength} s (${fmt(played.savedToReviewableSeconds / playLength)}x; target <= 0.50x)`,
    );
  }
  say(`\n(whole run ${Math.round((performance.now() - started) / 1000)} s)`);
  if (args.json) {
    fs.mkdirSync(path.dirname(path.resolve(args.json)), { recursive: true });
    const strip = (f: LoadFigures | null) =>
      f && {
        ...f,
        ttfbMs: undefined,
        ttfbP50Ms: percentile(f.ttfbMs, 50),
        ttfbP99Ms: percentile(f.ttfbMs, 99),
      };
    fs.writeFileSync(
      args.json,
      `${JSON.stringify(
        {
          at: new Date().toISOString(),
          processing: processed,
          playback: played && {
            ...played,
            rows: played.rows.map((r) => ({ ...r, oneway: strip(r.oneway), nginx: strip(r.nginx) })),
          },
        },
        null,
        2,
      )}\n`,
    );
    say(`figures written to ${args.json}`);
  }
}

try {
  await main();
  await cleanUp();
} catch (err) {
  console.error('bench:media failed:', err);
  await cleanUp();
  process.exit(1);
}
