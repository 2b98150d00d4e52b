/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * npm run bench:upload — stop -> "Saved" latency of the real candidate question page (issue 4). A benchmark, not a
 * test: it prints figures, the targets and a baseline measured in the same run, and exits 0 unless it broke.
 *
 * System Chromium with a noisy fake camera (640x480 testsrc2 + noise, ~2.5 Mbit/s of VP8) and a tone for the
 * microphone goes through the candidate flow of a running Oneway (built web app): invitation link -> landing ->
 * consent -> device check -> questions. From the questions on, the page's uplink is throttled with Chrome DevTools
 * Protocol network emulation (5 Mbit/s up by default). For each answer it records for the answer's length, clicks
 * "Stop recording" and times until "Saved" shows (both in the page). Baseline: the same stored bytes POSTed in one
 * request after the fact, from a page of a minimal Node server under the same throttling. Target: p95 <= 1.5 s
 * whatever the length. Also the JavaScript the candidate route loads, gzipped (target <= 200 KB).
 *
 * Under each answer a breakdown of its stop -> "Saved" (see breakdown.ts): bytes still travelling at stop, the
 * recorder's last chunk, the local copy, the last PATCHes (with the server's finish work by step), the checksum
 * comparison. With --json the engine's raw marks and the server's log are kept next to the figures.
 *
 *   npm run build -w apps/web            # once: the server serves apps/web/dist
 *   npm run bench:upload                 # answers of 10, 60, 120 s, 3 of each
 *   npm run bench:upload -- --quick      # answers of 10 and 30 s
 *   npm run bench:upload -- --help
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import type { Interview, OutboxMessage, SessionInfo } from '@oneway/shared';
import { chromium, type Browser, type Page } from 'playwright-core';
import { cookieFrom, requestJson } from '../ingest/http.ts';
import { repoRoot, startServer } from '../ingest/processes.ts';
import { percentile } from '../ingest/report.ts';
import { cleanUp, cleanUpOnExit, onCleanUp, tempDir } from '../media/cleanup.ts';
import { startBaselineServer } from './baseline-server.ts';
import {
  breakdownOf,
  formatBreakdown,
  readTakeMarks,
  serverFinishes,
  type Breakdown,
  type TakeMark,
} from './breakdown.ts';

const usage = `Usage: npm run bench:upload -- [options]
  --quick                answers of 10 and 30 s
  --lengths <list>       answer lengths in seconds (default 10,60,120)
  --repeat <k>           answers of each length (default 3)
  --uplink-mbit <m>      emulated upload speed (default 5)
  --latency-ms <ms>      emulated extra round-trip latency (default 20)
  --camera <WxH>         fake camera size (default 640x480; 640x480 may drop frames on a busy machine)
  --chromium <path>      browser (default CHROMIUM_PATH or /usr/bin/chromium)
  --headed               show the browser
  --json <file>          also write the figures as JSON
Needs a built web app (npm run build -w apps/web).`;

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    lengths: { type: 'string' },
    repeat: { type: 'string', default: '3' },
    'uplink-mbit': { type: 'string', default: '5' },
    'latency-ms': { type: 'string', default: '20' },
    camera: { type: 'string', default: '640x480' },
    chromium: { type: 'string', default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    headed: { type: 'boolean', default: false },
    json: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(usage);
  process.exit(0);
}
const numbers = (name: string, value: string, min = 1): number[] =>
  value.split(',').map((v) => {
    const n = Number(v.trim());
    if (!Number.isFinite(n) || n < min) {
      console.error(`--${name}: bad value ${value}\n\n${usage}`);
      process.exit(2);
    }
    return n;
  });
const lengths = numbers('lengths', args.lengths ?? (args.quick ? '10,30' : '10,60,120')).map(Math.round);
const repeat = Math.round(numbers('repeat', args.repeat)[0]!);
const uplinkMbit = numbers('uplink-mbit', args['uplink-mbit'])[0]!;
const latencyMs = numbers('latency-ms', args['latency-ms'], 0)[0]!;
if (!/^\d+x\d+$/.test(args.camera) || lengths.some((l) => l + 30 > 1800)) {
  console.error(usage);
  process.exit(2);
}

const say = (line: string) => console.log(line);
const fmtS = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : '-');
const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const webDist = path.join(repoRoot, 'apps/web/dist');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function makeFakeMedia(dir: string): { video: string; audio: string } {
  const video = path.join(dir, `camera-${args.camera}.y4m`);
  const audio = path.join(dir, 'tone.wav');
  const quiet = ['-hide_banner', '-loglevel', 'error', '-y'];
  execFileSync('ffmpeg', [
    ...quiet,
    ...['-f', 'lavfi', '-i', `testsrc2=size=${args.camera}:rate=30:duration=5`],
    ...['-vf', 'noise=alls=25:allf=t+u', '-pix_fmt', 'yuv420p', video],
  ]);
  execFileSync('ffmpeg', [
    ...quiet,
    ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=5', '-ac', '1', audio],
  ]);
  return { video, audio };
}

function findTakeFile(dir: string, takeId: string): string | undefined {
  if (!fs.existsSync(dir)) return undefined;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = findTakeFile(full, takeId);
      if (found) return found;
    } else if (entry.name === `${takeId}.bin`) return full;
  }
  return undefined;
}

async function clickWhenEnabled(page: Page, name: string | RegExp, timeoutMs = 30_000): Promise<void> {
  const button = page.getByRole('button', { name, exact: typeof name === 'string' });
  await button.waitFor({ state: 'visible', timeout: timeoutMs });
  const deadline = Date.now() + timeoutMs;
  while (!(await button.isEnabled())) {
    if (Date.now() > deadline) throw new Error(`button ${String(name)} stayed disabled`);
    await page.waitForTimeout(100);
  }
  await button.click();
}

/**
 * In the page: the moment "Stop recording" is clicked and the moment a "Saved" text appears, on its clock. A string,
 * so the bundler's helpers (tsx keeps function names with __name) never reach the page.
 */
const watchStopAndSaved = `(() => {
  const w = window;
  w.benchStop = 0;
  w.benchSaved = 0;
  if (w.benchWatching) return;
  w.benchWatching = true;
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    const name = (button?.getAttribute('aria-label') ?? '') + ' ' + (button?.textContent ?? '');
    if (!w.benchStop && name.includes('Stop recording')) w.benchStop = performance.now();
  }, { capture: true });
  const isSaved = () => [...document.querySelectorAll('body *')].some(
    (el) => el.childElementCount === 0 && el.textContent?.trim() === 'Saved');
  new MutationObserver(() => {
    if (w.benchStop && !w.benchSaved && isSaved()) w.benchSaved = performance.now();
  }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
})()`;

interface Sample {
  seconds: number;
  stopToSavedMs: number;
  baselineMs: number;
  bytes: number;
  takeId: string | null;
  breakdown: Breakdown | null;
  /** The engine's marks of this answer, page clock (stop click and "Saved" too). */
  marks: TakeMark[];
}

async function main(): Promise<void> {
  cleanUpOnExit('bench:upload');
  const started = performance.now();
  if (!fs.existsSync(path.join(webDist, 'index.html'))) {
    throw new Error('apps/web/dist is missing: run `npm run build -w apps/web` first');
  }
  if (
    newestMtime(path.join(repoRoot, 'apps/web/src')) > fs.statSync(path.join(webDist, 'index.html')).mtimeMs
  ) {
    say(
      'warning: apps/web/src changed after the last build; run `npm run build -w apps/web` for current figures',
    );
  }
  say(
    `Upload benchmark: answers of ${lengths.join(', ')} s, ${repeat} of each; uplink ${uplinkMbit} Mbit/s, ` +
      `+${latencyMs} ms RTT; camera ${args.camera} noisy; ${os.cpus().length} cores, Node ${process.version}; ` +
      `load average ${loadAverage()}`,
  );
  const work = tempDir('upload');
  const media = makeFakeMedia(work);

  const server = await startServer({
    name: 'upload',
    script: path.join(repoRoot, 'apps/server/src/main.ts'),
    healthPath: '/api/health',
    // With --json, the server's log (every request, at info) is kept next to the figures.
    ...(args.json ? { keepLogIn: path.dirname(path.resolve(args.json)) } : {}),
    env: (port) => ({
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: '',
      SMTP_URL: '',
      SEED_DEMO: 'false',
      // info: the "upload finished" line with the server's timings (read for the breakdown).
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
    }),
  });
  onCleanUp(() => server.stop());

  // One interview with a video question per answer to record, one candidate.
  const api = `${server.url}/api/v1`;
  const signUp = await requestJson<SessionInfo>(`${api}/auth/signup`, 201, {
    method: 'POST',
    json: {
      organisationName: 'Upload Bench Ltd',
      name: 'Bench Owner',
      email: `owner-${Date.now()}@example.com`,
      password: 'bench-violet-harbour-lantern-42',
    },
  });
  const employer = {
    cookie: cookieFrom(signUp.answer, 'oneway_session'),
    'x-csrf-token': signUp.json.csrfToken,
  };
  const asEmployer = <T>(p: string, status: number, method = 'GET', json?: unknown) =>
    requestJson<T>(`${api}${p}`, status, { method, headers: employer, json }).then((r) => r.json);
  const interview = await asEmployer<Interview>('/interviews', 201, 'POST', {
    title: 'Upload benchmark',
    roleTitle: 'Account Executive',
    practiceQuestion: {
      enabled: false,
      promptText: 'Practice: say hello.',
      think: { mode: 'none' },
      answerSeconds: 15,
    },
  });
  const plan = lengths.flatMap((seconds) => Array.from({ length: repeat }, () => seconds));
  for (const [i, seconds] of plan.entries()) {
    await asEmployer(`/interviews/${interview.id}/questions`, 201, 'POST', {
      promptText: `Question ${i + 1}: talk for ${seconds} seconds.`,
      answerType: 'video',
      think: { mode: 'timed', seconds: 120 },
      answerSeconds: seconds + 30,
      takes: 1,
      startMode: 'ready',
    });
  }
  const email = `candidate-${Date.now()}@example.com`;
  await asEmployer(`/interviews/${interview.id}/invitations`, 201, 'POST', {
    name: 'Casey Candidate',
    email,
  });
  const { messages } = await asEmployer<{ messages: OutboxMessage[] }>('/outbox', 200);
  const token = /\/i\/([A-Za-z0-9_-]+)/.exec(
    messages.find((m) => m.to.toLowerCase() === email)?.text ?? '',
  )?.[1];
  if (!token) throw new Error('No invitation link in the outbox');

  const baseline = await startBaselineServer((takeId) =>
    findTakeFile(path.join(server.dataDir, 'media'), takeId),
  );
  const browser: Browser = await chromium.launch({
    executablePath: args.chromium,
    headless: !args.headed,
    args: [
      ...[
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
      ],
      ...['--disable-component-update', '--disable-sync', '--use-fake-ui-for-media-stream'],
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${media.video}`,
      `--use-file-for-fake-audio-capture=${media.audio}`,
    ],
  });
  onCleanUp(() => browser.close());
  const context = await browser.newContext({ permissions: ['camera', 'microphone'] });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);

  // Every script the candidate route loads, as transferred and gzipped here (-9), until the first answer is saved.
  const scripts = new Map<string, Promise<{ encoded: number; raw: number; gzip: number }>>();
  let countingScripts = true;
  page.on('response', (response) => {
    const request = response.request();
    if (!countingScripts || request.resourceType() !== 'script' || scripts.has(response.url())) return;
    scripts.set(
      response.url(),
      Promise.all([request.sizes(), response.body()]).then(([sizes, body]) => ({
        encoded: sizes.responseBodySize,
        raw: body.length,
        gzip: zlib.gzipSync(body, { level: 9 }).length,
      })),
    );
  });

  const throttle = async (target: Page) => {
    const cdp = await context.newCDPSession(target);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: latencyMs,
      downloadThroughput: -1,
      uploadThroughput: (uplinkMbit * 1e6) / 8,
    });
  };
  const basePage = await context.newPage();
  await basePage.goto(baseline.url);
  await throttle(basePage);

  // Landing -> consent -> device check, as e2e/fixtures/candidate-flow.ts openLinkAndPassChecks.
  await page.goto(`${server.url}/i/${token}`);
  await page.waitForURL(/\/interview$/);
  await page.getByRole('link', { name: 'Continue' }).click();
  await page.getByRole('checkbox', { name: 'I agree to be recorded for this interview' }).check();
  await clickWhenEnabled(page, 'I agree, continue');
  await page.getByRole('heading', { level: 1, name: 'Check your camera and microphone' }).waitFor();
  await clickWhenEnabled(page, 'Continue');
  await throttle(page);
  say(`Candidate through the checks; uplink throttled. Recording ${plan.length} answers…`);

  const samples: Sample[] = [];
  for (const [i, seconds] of plan.entries()) {
    const n = i + 1;
    await page.getByRole('heading', { level: 1, name: `Question ${n} of ${plan.length}` }).waitFor();
    await clickWhenEnabled(page, `Start question ${n}`);
    await clickWhenEnabled(page, "I'm ready");
    await clickWhenEnabled(page, 'Start recording');
    await page.getByText('REC', { exact: true }).waitFor({ timeout: 15_000 });
    await page.evaluate(watchStopAndSaved);
    await page.waitForTimeout(seconds * 1000);
    const clickedAt = performance.now();
    await page.getByRole('button', { name: 'Stop recording' }).click();
    await page.getByText('Saved', { exact: true }).waitFor({ timeout: Math.max(60_000, seconds * 2000) });
    const outside = performance.now() - clickedAt;
    const clock = await page.evaluate(() => {
      const w = window as unknown as { benchStop: number; benchSaved: number };
      return { stop: w.benchStop, saved: w.benchSaved };
    });
    const inside = clock.stop && clock.saved ? clock.saved - clock.stop : null;
    const stopToSavedMs = inside ?? outside;
    const marks = await page.evaluate<TakeMark[]>(readTakeMarks);
    // The server logs its finish before answering the last PATCH; the line is there by now.
    const finish = serverFinishes(server.logFile).at(-1) ?? null;
    const breakdown = inside === null ? null : breakdownOf(marks, clock.stop, clock.saved, finish);
    countingScripts = false;

    const saved = await page.evaluate(() => sessionStorage.getItem('oneway.savedTakes'));
    const takeId = saved ? ((JSON.parse(saved) as { takeId: string }[]).at(-1)?.takeId ?? null) : null;
    let baselineMs = NaN;
    let bytes = 0;
    if (takeId && findTakeFile(path.join(server.dataDir, 'media'), takeId)) {
      const result = await basePage.evaluate(async (id) => {
        const blob = await (await fetch(`/take/${id}`)).blob();
        const t0 = performance.now();
        const res = await fetch('/upload', { method: 'POST', body: blob });
        const answer = (await res.json()) as { bytes: number };
        return { ms: performance.now() - t0, bytes: answer.bytes, size: blob.size };
      }, takeId);
      if (result.bytes !== result.size)
        throw new Error(`baseline upload lost bytes: ${result.bytes}/${result.size}`);
      baselineMs = result.ms;
      bytes = result.size;
    }
    samples.push({
      seconds,
      stopToSavedMs,
      baselineMs,
      bytes,
      takeId,
      breakdown,
      marks: [
        ...marks,
        { name: 'bench:click', at: clock.stop, detail: null },
        { name: 'bench:saved', at: clock.saved, detail: null },
      ],
    });
    say(
      `  ${n}/${plan.length} ${seconds} s answer (${(bytes / 1e6).toFixed(1)} MB, ` +
        `${((bytes * 8) / 1e6 / seconds).toFixed(2)} Mbit/s): stop -> Saved ${fmtS(stopToSavedMs)}` +
        `${inside === null ? ' (timed outside the page)' : ''}; baseline upload after stop ${fmtS(baselineMs)}`,
    );
    if (breakdown) say(`      ${formatBreakdown(breakdown)}`);
    if (n < plan.length) await clickWhenEnabled(page, 'Save and continue');
  }

  const js = await Promise.all([...scripts.entries()].map(async ([url, p]) => ({ url, ...(await p) })));
  say(`\n${'='.repeat(100)}\n`);
  say(
    `Stop -> "Saved" in the question page, ${uplinkMbit} Mbit/s up, +${latencyMs} ms RTT ` +
      `(target p95 <= 1.50 s; with ${repeat} answers p95 is the slowest)`,
  );
  say(
    '  answer   n   stop->Saved p50   p95       baseline (same file, one POST after stop) p50   p95      target',
  );
  const rows = lengths.map((seconds) => {
    const of = samples.filter((s) => s.seconds === seconds);
    const saved = of.map((s) => s.stopToSavedMs).sort((a, b) => a - b);
    const base = of
      .map((s) => s.baselineMs)
      .filter(Number.isFinite)
      .sort((a, b) => a - b);
    const row = {
      seconds,
      n: of.length,
      savedP50Ms: percentile(saved, 50),
      savedP95Ms: percentile(saved, 95),
      baselineP50Ms: percentile(base, 50),
      baselineP95Ms: percentile(base, 95),
    };
    say(
      `  ${String(seconds).padStart(4)} s  ${String(row.n).padStart(2)}   ${fmtS(row.savedP50Ms).padStart(8)}         ` +
        `${fmtS(row.savedP95Ms).padStart(8)}  ${fmtS(row.baselineP50Ms).padStart(8)}                                ` +
        `${fmtS(row.baselineP95Ms).padStart(8)}   ${row.savedP95Ms <= 1500 ? 'met' : 'MISSED'}`,
    );
    return row;
  });
  const total = js.reduce(
    (s, f) => ({ encoded: s.encoded + f.encoded, raw: s.raw + f.raw, gzip: s.gzip + f.gzip }),
    {
      encoded: 0,
      raw: 0,
      gzip: 0,
    },
  );
  const kb = (b: number) => `${(b / 1000).toFixed(1)} KB`;
  say(
    `\nCandidate route JavaScript (link -> landing -> consent -> device check -> question, ${js.length} files): ` +
      `${kb(total.gzip)} gzipped (-9), ${kb(total.raw)} raw, ${kb(total.encoded)} as served ` +
      `(target <= 200 KB gzipped: ${total.gzip <= 200_000 ? 'met' : 'MISSED'})`,
  );
  for (const f of [...js].sort((a, b) => b.gzip - a.gzip).slice(0, 8)) {
    say(`  ${kb(f.gzip).padStart(9)}  ${new URL(f.url).pathname}`);
  }
  say(
    `\n(whole run ${Math.round((performance.now() - started) / 1000)} s; load average now ${loadAverage()})`,
  );
  if (args.json) {
    fs.mkdirSync(path.dirname(path.resolve(args.json)), { recursive: true });
    fs.writeFileSync(
      args.json,
      `${JSON.stringify({ at: new Date().toISOString(), uplinkMbit, latencyMs, samples, rows, js }, null, 2)}\n`,
    );
    say(`figures written to ${args.json}`);
  }
}

try {
  await main();
  await cleanUp();
} catch (err) {
  console.error('bench:upload failed:', err);
  await cleanUp();
  process.exit(1);
}
