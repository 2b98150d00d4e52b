import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Logger } from 'pino';
import type { Db } from '../db/database.ts';
import { isoNow, type Clock } from '../lib/time.ts';
import { startHeartbeat } from './job-lease.ts';

/** How often a worker process says it is alive. */
export const workerHeartbeatEveryMs = 30_000;
/** Readiness wants a worker seen within this long: four beats missed means none is working the queue. */
export const workerSeenWithinMs = 2 * 60_000;
/** Rows of workers not seen for a day are removed by the next worker to start. */
const forgetAfterMs = 24 * 3_600_000;

/** Records that this worker process is alive, now and every 30 s until stopped. */
export async function startWorkerHeartbeat(options: {
  db: Db;
  clock: Clock;
  logger: Logger;
}): Promise<() => void> {
  const { db, clock } = options;
  const workerId = `${os.hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  const startedAt = isoNow(clock);
  const beat = async () => {
    const seenAt = isoNow(clock);
    await db
      .insertInto('worker_heartbeats')
      .values({ worker_id: workerId, started_at: startedAt, seen_at: seenAt })
      .onConflict((oc) => oc.column('worker_id').doUpdateSet({ seen_at: seenAt }))
      .execute();
  };
  await beat();
  const forgetBefore = new Date(clock.now().getTime() - forgetAfterMs).toISOString();
  await db.deleteFrom('worker_heartbeats').where('seen_at', '<', forgetBefore).execute();
  return startHeartbeat({
    everyMs: workerHeartbeatEveryMs,
    renew: beat,
    onError: (err) => options.logger.warn({ err }, 'could not record the worker heartbeat; will try again'),
  });
}

/** When a worker was last seen alive, or null when none ever was. */
export async function findLastWorkerSeenAt(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('worker_heartbeats')
    .select((eb) => eb.fn.max('seen_at').as('seen_at'))
    .executeTakeFirst();
  return row?.seen_at ?? null;
}
