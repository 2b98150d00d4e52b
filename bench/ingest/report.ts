/** Figures of one run (one server, one N) and the printed comparison with the floor and the targets. */

export type Target = 'floor' | 'oneway';

export interface RunFigures {
  target: Target;
  n: number;
  seconds: number;
  workers: number;
  setupSeconds: number;
  /** Candidates whose every second was acknowledged by the end (no backlog, no error). */
  keptUp: number;
  producedBytes: number;
  ackedBytes: number;
  /** Bytes recorded but not acknowledged when the run ended (last second + grace). */
  backlogBytes: number;
  /** Share of recorded seconds acknowledged within 1 s of being recorded (before the next one is due). */
  onTimeShare: number;
  patchP50Ms: number;
  patchP99Ms: number;
  patchMaxMs: number;
  /** p99 of PATCHes started after the first 5 s (the server warmed up). */
  steadyPatchP99Ms: number;
  /** Slowest PATCH started in each second of the load. */
  worstPatchEachSecondMs: number[];
  /** When the load started (ms since the epoch), to line figures up with a server's own log or trace. */
  loadStartedAtMs: number;
  ackLagP99Ms: number;
  patches: number;
  errors: number;
  errorSamples: string[];
  serverCpuSeconds: number;
  serverCpuPerGiB: number;
  /** CPU of the server's main thread (its event loop) over the load, as a share of one core. */
  serverMainThreadBusy: number;
  /** Highest VmRSS sampled every 200 ms during the load. */
  serverPeakRssBytes: number;
  /** VmRSS once the candidates were set up, before the load. */
  serverRssBeforeBytes: number;
  /** VmRSS each second of the load. */
  serverRssEachSecond: number[];
  /** VmHWM at the end: peak since the process started (setup included). */
  serverHwmBytes: number;
  receivedMBps: number;
  generatorCpuPerGiB: number;
  generatorEluMax: number;
  generatorTimerLateP99Ms: number;
  generatorLoopDelayP99Ms: number;
  machineBusyShare: number;
  /** CPU the rest of the machine used meanwhile (other processes, and kernel work no process is charged for), cores. */
  otherCores: number;
  /** Oneway only: a finished upload was checked and stored as a WebM take. */
  savedCheck: string | null;
}

export const targets = { n: 400, patchP99Ms: 250, rssBytes: 400 * 1000 * 1000 } as const;

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

const mb = (bytes: number) => bytes / 1e6;
const fmtMs = (ms: number) =>
  Number.isNaN(ms) ? '-' : ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
const fmtMB = (bytes: number) => (bytes === 0 ? '0' : `${mb(bytes).toFixed(mb(bytes) < 10 ? 1 : 0)} MB`);
const fmtPct = (share: number) => `${(share * 100).toFixed(share >= 0.9995 ? 0 : 1)}%`;
const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a / b) ? `${(a / b).toFixed(2)}x` : '-');

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) => r.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '))
    .join('\n');
}

export function formatReport(runs: RunFigures[]): string {
  const out: string[] = [];
  const ns = [...new Set(runs.map((r) => r.n))].sort((a, b) => a - b);
  const find = (n: number, target: Target) => runs.find((r) => r.n === n && r.target === target);

  const rows: string[][] = [
    [
      'N',
      'server',
      'kept up',
      'backlog',
      'on time',
      'PATCH p50',
      'PATCH p99',
      'p99 after 5 s',
      'ack lag p99',
      'CPU s/GiB',
      'loop busy',
      'RSS at rest',
      'peak RSS',
      'recv MB/s',
      'errors',
    ],
  ];
  for (const n of ns) {
    const floor = find(n, 'floor');
    const oneway = find(n, 'oneway');
    for (const r of [floor, oneway]) {
      if (!r) continue;
      rows.push([
        String(n),
        r.target,
        `${r.keptUp}/${r.n}`,
        fmtMB(r.backlogBytes),
        fmtPct(r.onTimeShare),
        fmtMs(r.patchP50Ms),
        fmtMs(r.patchP99Ms),
        fmtMs(r.steadyPatchP99Ms),
        fmtMs(r.ackLagP99Ms),
        r.serverCpuPerGiB.toFixed(2),
        fmtPct(r.serverMainThreadBusy),
        fmtMB(r.serverRssBeforeBytes),
        fmtMB(r.serverPeakRssBytes),
        r.receivedMBps.toFixed(0),
        String(r.errors),
      ]);
    }
    if (floor && oneway) {
      rows.push([
        '',
        'oneway/floor',
        '',
        floor.backlogBytes > 0
          ? ratio(oneway.backlogBytes, floor.backlogBytes)
          : oneway.backlogBytes > 0
            ? 'floor 0'
            : '-',
        '',
        ratio(oneway.patchP50Ms, floor.patchP50Ms),
        ratio(oneway.patchP99Ms, floor.patchP99Ms),
        ratio(oneway.steadyPatchP99Ms, floor.steadyPatchP99Ms),
        ratio(oneway.ackLagP99Ms, floor.ackLagP99Ms),
        ratio(oneway.serverCpuPerGiB, floor.serverCpuPerGiB),
        '',
        ratio(oneway.serverRssBeforeBytes, floor.serverRssBeforeBytes),
        ratio(oneway.serverPeakRssBytes, floor.serverPeakRssBytes),
        '',
        '',
      ]);
    }
  }
  out.push(table(rows));
  out.push(
    '  kept up: candidates with every second acknowledged by the end; backlog: recorded bytes not yet acknowledged',
    '  1 s after the last second; on time: seconds acknowledged within 1 s of being recorded; PATCH: start -> 204;',
    '  p99 after 5 s: of PATCHes started once the server had warmed up;',
    '  ack lag: second recorded -> acknowledged (includes waiting behind a slow PATCH); CPU: server process,',
    "  all threads, per GiB received; loop busy: CPU of the server's main thread (event loop) as a share of a core;",
    '  RSS at rest: server process once set up, before the load; peak RSS: sampled every 200 ms during the load.',
  );

  out.push('', 'Load generator (this process, worker threads) and machine:');
  const genRows: string[][] = [
    [
      'N',
      'server',
      'workers',
      'gen CPU s/GiB',
      'worker ELU max',
      'timer late p99',
      'loop delay p99',
      'machine busy',
      'other load',
    ],
  ];
  for (const r of runs) {
    genRows.push([
      String(r.n),
      r.target,
      String(r.workers),
      r.generatorCpuPerGiB.toFixed(2),
      fmtPct(r.generatorEluMax),
      fmtMs(r.generatorTimerLateP99Ms),
      fmtMs(r.generatorLoopDelayP99Ms),
      fmtPct(r.machineBusyShare),
      `${r.otherCores.toFixed(2)} cores`,
    ]);
  }
  out.push(table(genRows));
  const generatorLimited = runs.filter(
    (r) =>
      r.target === 'floor' && (r.keptUp < r.n || r.generatorTimerLateP99Ms > 100 || r.generatorEluMax > 0.9),
  );
  out.push(
    generatorLimited.length === 0
      ? '  The generator kept the floor on schedule at every N: it is not the limit of these figures.'
      : `  The generator or the machine may be the limit at N = ${generatorLimited.map((r) => r.n).join(', ')}: ` +
          'the floor fell behind or the generator ran late (timer late p99 > 100 ms or a worker > 90% busy).',
  );

  out.push(
    '  other load: CPU used meanwhile by everything but the server and this process (other processes, and kernel',
    '  work charged to no process); above ~0.2 cores the figures are pessimistic for both servers.',
  );

  const savedChecks = runs.filter((r) => r.savedCheck).map((r) => `N=${r.n}: ${r.savedCheck}`);
  if (savedChecks.length)
    out.push('', 'Finishing one upload after the load (magic bytes, hash, store):', ...savedChecks);

  const errored = runs.filter((r) => r.errors > 0);
  for (const r of errored) out.push('', `Errors (${r.target}, N=${r.n}): ${r.errorSamples.join(' | ')}`);

  out.push('', `Targets (Oneway, ${targets.n} candidates):`);
  const at = find(targets.n, 'oneway');
  if (!at) {
    out.push(`  not measured (run with --n including ${targets.n})`);
  } else {
    const p99ok = at.patchP99Ms <= targets.patchP99Ms;
    const steadyOk = at.steadyPatchP99Ms <= targets.patchP99Ms;
    const rssOk = at.serverPeakRssBytes <= targets.rssBytes;
    const keptOk = at.keptUp === at.n;
    out.push(
      `  PATCH p99 <= ${targets.patchP99Ms} ms: ${fmtMs(at.patchP99Ms)}  ${p99ok ? 'PASS' : 'FAIL'}` +
        ` (after the first 5 s: ${fmtMs(at.steadyPatchP99Ms)}  ${steadyOk ? 'PASS' : 'FAIL'})`,
      `  peak RSS <= ${fmtMB(targets.rssBytes)}: ${fmtMB(at.serverPeakRssBytes)}  ${rssOk ? 'PASS' : 'FAIL'}`,
      `  every candidate kept up: ${at.keptUp}/${at.n}  ${keptOk ? 'PASS' : 'FAIL'}`,
    );
  }

  out.push('', 'Where Oneway falls behind:');
  const behind: string[] = [];
  for (const n of ns) {
    const o = find(n, 'oneway');
    const f = find(n, 'floor');
    if (!o) continue;
    const notes: string[] = [];
    if (o.keptUp < o.n) notes.push(`${o.n - o.keptUp} candidates behind, backlog ${fmtMB(o.backlogBytes)}`);
    if (o.onTimeShare < 0.999) notes.push(`${fmtPct(1 - o.onTimeShare)} of seconds acknowledged late`);
    if (o.patchP99Ms > targets.patchP99Ms)
      notes.push(`PATCH p99 ${fmtMs(o.patchP99Ms)} > ${targets.patchP99Ms} ms`);
    const worst = o.worstPatchEachSecondMs;
    const slowSeconds = worst.filter((ms) => ms > targets.patchP99Ms).length;
    if (slowSeconds > 0)
      notes.push(`a PATCH over ${targets.patchP99Ms} ms in ${slowSeconds} of ${worst.length} seconds`);
    if (o.serverPeakRssBytes > targets.rssBytes) notes.push(`RSS ${fmtMB(o.serverPeakRssBytes)} > 400 MB`);
    if (f && f.keptUp === f.n && o.keptUp < o.n) notes.push('the floor kept up here');
    if (notes.length) behind.push(`  N=${n}: ${notes.join('; ')}`);
  }
  out.push(...(behind.length ? behind : ['  nowhere in the N measured']));
  return out.join('\n');
}
