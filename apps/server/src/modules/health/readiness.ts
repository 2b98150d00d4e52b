import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { findLastWorkerSeenAt, workerSeenWithinMs } from '../../jobs/worker-heartbeat.ts';
import type { Runtime } from '../../runtime.ts';

export interface CheckResult {
  ok: boolean;
  /** What is wrong, in words that name no server path or secret (the log has the details). */
  problem?: string;
}

export interface ReadinessChecks {
  database: CheckResult;
  storage: CheckResult;
  worker: CheckResult;
  /** Only in processes that run workers. */
  ffmpeg?: CheckResult;
}

const checkTimeoutMs = 10_000;
/** Starting ffmpeg and ffprobe costs ~50 ms of CPU: a probe every few seconds reuses the last answer a minute. */
const ffmpegCheckKeptMs = 60_000;
/**
 * A storage round trip is a write, a read and a delete (three billed requests on S3): a passing one is reused for
 * 15 s, so a load balancer probing every few seconds does not write an object each time. A failing one is tried
 * again on the next probe, so recovery shows at once.
 */
const storagePassKeptMs = 15_000;

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within 10 s`)), checkTimeoutMs);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * What "ready" means for this process: the database answers; media storage takes a small object and gives the same
 * bytes back; some worker said it was alive within 2 minutes (nothing is processed or e-mailed without one); and,
 * in a worker process, ffmpeg and ffprobe run.
 */
export function createReadiness(runtime: Runtime) {
  const { db, config, mediaStorage, logger } = runtime;
  let ffmpegChecked: { at: number; problem: string | null } | null = null;
  let storagePassedAt: number | null = null;
  let storageInFlight: Promise<CheckResult> | null = null;

  async function run(name: string, check: () => Promise<string | null>): Promise<CheckResult> {
    try {
      const problem = await withTimeout(check(), name);
      return problem === null ? { ok: true } : { ok: false, problem };
    } catch (err) {
      logger.warn({ err, check: name }, 'readiness check failed');
      return { ok: false, problem: `${name} check failed (see the server log)` };
    }
  }

  async function checkStorage(): Promise<string | null> {
    const id = randomUUID();
    const key = `health/ready-${id}.txt`;
    const workDir = path.join(config.dataDir, 'work');
    await fs.mkdir(workDir, { recursive: true });
    const file = path.join(workDir, `ready-${id}.txt`);
    const written = `Oneway readiness check ${id}\n`;
    await fs.writeFile(file, written);
    try {
      await mediaStorage.putFile(key, file, { contentType: 'text/plain' });
      const chunks: Buffer[] = [];
      for await (const chunk of await mediaStorage.openReadStream(key)) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8') === written ? null : 'storage gave back other bytes';
    } finally {
      await fs.rm(file, { force: true });
      await mediaStorage.delete(key);
    }
  }

  /** The storage check, shared by probes that arrive together and reused for a while once it passed. */
  function storageResult(): Promise<CheckResult> {
    const now = runtime.clock.now().getTime();
    if (storagePassedAt !== null && now - storagePassedAt < storagePassKeptMs)
      return Promise.resolve({ ok: true });
    storageInFlight ??= run('storage', checkStorage)
      .then((result) => {
        storagePassedAt = result.ok ? runtime.clock.now().getTime() : null;
        return result;
      })
      .finally(() => {
        storageInFlight = null;
      });
    return storageInFlight;
  }

  async function checkWorker(): Promise<string | null> {
    const seenAt = await findLastWorkerSeenAt(db);
    if (seenAt === null) return 'no worker has ever started (run one with ROLES=worker)';
    const ago = runtime.clock.now().getTime() - Date.parse(seenAt);
    return ago <= workerSeenWithinMs ? null : `no worker seen for ${Math.round(ago / 1000)} s`;
  }

  async function checkFfmpeg(): Promise<string | null> {
    const now = Date.now();
    if (!ffmpegChecked || now - ffmpegChecked.at > ffmpegCheckKeptMs) {
      ffmpegChecked = { at: now, problem: await runtime.ffmpeg.findProblem() };
    }
    return ffmpegChecked.problem;
  }

  return {
    async check(): Promise<{ isReady: boolean; checks: ReadinessChecks }> {
      const [database, storage, worker, ffmpeg] = await Promise.all([
        run('database', async () => {
          await sql`select 1`.execute(db);
          return null;
        }),
        storageResult(),
        run('worker heartbeat', checkWorker),
        config.roles.includes('worker') ? run('ffmpeg', checkFfmpeg) : undefined,
      ]);
      const checks: ReadinessChecks = { database, storage, worker, ...(ffmpeg ? { ffmpeg } : {}) };
      const isReady = [database, storage, worker, ffmpeg].every((c) => c === undefined || c.ok);
      return { isReady, checks };
    },
  };
}
