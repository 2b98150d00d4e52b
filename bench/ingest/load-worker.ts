/**
 * A worker thread of the load generator: its share of the candidates, each on its own keep-alive connection from
 * its own loopback address, sending one second of recording per PATCH on schedule. A candidate whose previous
 * PATCH is still out queues the next seconds and sends them together once it returns (tus offsets are
 * sequential), as the page does when the uplink stalls.
 */
import http from 'node:http';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import type { ClientResult, ClientSpec, StartMessage, WorkerInput, WorkerMessage } from './protocol.ts';
import { firstChunk, laterChunk } from './webm.ts';

const input = workerData as WorkerInput;
const now = (): number => performance.timeOrigin + performance.now();

const first = firstChunk(input.chunkBytes);
const later = laterChunk(input.chunkBytes);
const chunkOf = (second: number): Buffer => (second === 0 ? first : later);

const patchMs: number[] = [];
const patchStartS: number[] = [];
const ackLagMs: number[] = [];
const timerLateMs: number[] = [];
let stopped = false;
let startAt = 0;

interface Pending {
  second: number;
  dueAt: number;
}

class Candidate {
  readonly result: ClientResult;
  private readonly agent: http.Agent;
  private readonly url: URL;
  private readonly pending: Pending[] = [];
  private inFlight = false;
  private failed = false;

  constructor(private readonly spec: ClientSpec) {
    this.url = new URL(spec.uploadUrl);
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    this.result = {
      index: spec.index,
      producedBytes: 0,
      ackedBytes: 0,
      offset: 0,
      errors: 0,
      lastError: null,
    };
  }

  start(): void {
    this.schedule(0);
  }

  /** A tus HEAD on this candidate's keep-alive connection, which its PATCHes then reuse. */
  warm(): Promise<void> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          hostname: this.url.hostname,
          port: this.url.port,
          path: this.url.pathname,
          method: 'HEAD',
          agent: this.agent,
          localAddress: this.spec.localAddress,
          headers: this.spec.headers,
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            res.statusCode === 200
              ? resolve()
              : reject(new Error(`HEAD ${this.url.pathname} answered ${res.statusCode}`)),
          );
        },
      );
      req.on('error', reject);
      req.end();
    });
  }

  stop(): void {
    this.agent.destroy();
  }

  private schedule(second: number): void {
    if (second >= input.seconds) return;
    const dueAt = startAt + this.spec.phaseMs + second * 1000;
    setTimeout(() => this.produce(second, dueAt), Math.max(0, dueAt - now()));
  }

  /** MediaRecorder hands over one more second of recording. */
  private produce(second: number, dueAt: number): void {
    if (stopped) return;
    timerLateMs.push(now() - dueAt);
    this.pending.push({ second, dueAt });
    this.result.producedBytes += input.chunkBytes;
    this.schedule(second + 1);
    this.pump();
  }

  private fail(message: string): void {
    this.result.errors += 1;
    this.result.lastError = message;
    // A refused or broken PATCH leaves the offset unknown; this candidate stops, its seconds count as backlog.
    this.failed = true;
    this.inFlight = false;
  }

  private pump(): void {
    if (stopped || this.failed || this.inFlight || this.pending.length === 0) return;
    const batch = this.pending.splice(0, input.maxChunksPerPatch);
    // Written piece by piece (no concatenated copy); Content-Length tells the server where the PATCH ends.
    const pieces = batch.map((p) => chunkOf(p.second));
    const length = pieces.reduce((sum, piece) => sum + piece.length, 0);
    this.inFlight = true;
    const started = now();
    const req = http.request(
      {
        hostname: this.url.hostname,
        port: this.url.port,
        path: this.url.pathname,
        method: 'PATCH',
        agent: this.agent,
        localAddress: this.spec.localAddress,
        headers: {
          ...this.spec.headers,
          'content-type': 'application/offset+octet-stream',
          'upload-offset': String(this.result.offset),
          'content-length': String(length),
        },
      },
      (res) => {
        const answered = now();
        if (res.statusCode !== 204) {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => (text += d));
          res.on('end', () => {
            if (!stopped) this.fail(`${res.statusCode} ${text.slice(0, 200)}`);
          });
          return;
        }
        res.resume();
        patchMs.push(answered - started);
        patchStartS.push((started - startAt) / 1000);
        for (const p of batch) ackLagMs.push(answered - p.dueAt);
        this.result.offset += length;
        this.result.ackedBytes += length;
        // The keep-alive socket is free for the next PATCH once this response has ended.
        res.on('end', () => {
          this.inFlight = false;
          this.pump();
        });
      },
    );
    req.on('error', (err) => {
      if (!stopped) this.fail(err.message);
    });
    for (const piece of pieces) req.write(piece);
    req.end();
  }
}

const candidates = input.clients.map((spec) => new Candidate(spec));
const loopDelay = monitorEventLoopDelay({ resolution: 10 });

const totals = () =>
  candidates.reduce(
    (sum, c) => ({
      producedBytes: sum.producedBytes + c.result.producedBytes,
      ackedBytes: sum.ackedBytes + c.result.ackedBytes,
    }),
    { producedBytes: 0, ackedBytes: 0 },
  );
const post = (message: WorkerMessage) => parentPort?.postMessage(message);

function run(): void {
  const eluStart = performance.eventLoopUtilization();
  loopDelay.enable();
  for (const c of candidates) c.start();
  const progress = setInterval(() => post({ type: 'progress', ...totals() }), 1000);

  const endAt = startAt + input.seconds * 1000 + input.graceMs;
  setTimeout(
    () => {
      stopped = true;
      clearInterval(progress);
      loopDelay.disable();
      const elu = performance.eventLoopUtilization(eluStart).utilization;
      const clients = candidates.map((c) => ({ ...c.result }));
      for (const c of candidates) c.stop();
      post({
        type: 'result',
        clients,
        patchMs,
        patchStartS,
        ackLagMs,
        timerLateMs,
        elu,
        eventLoopDelayP99Ms: loopDelay.percentile(99) / 1e6,
      });
    },
    Math.max(0, endAt - now()),
  );
}

parentPort?.once('message', (message: StartMessage) => {
  startAt = message.startAt;
  run();
});

/** Opens the candidates' connections a few at a time, so opening them is not itself a storm. */
async function warmConnections(): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < candidates.length) await candidates[next++]!.warm();
  };
  await Promise.all(Array.from({ length: 8 }, lane));
}

if (input.warmConnections) await warmConnections();
post({ type: 'ready' });
