// STUB — replaced by the jobs/mail work.
import type { Logger } from 'pino';
import type { Db, Dialect } from '../db/database.ts';
import type { Config } from '../config.ts';
import type { Clock } from '../lib/time.ts';
import type { JobQueue } from './queue.ts';

export function createJobQueue(_deps: {
  db: Db;
  dialect: Dialect;
  config: Config;
  logger: Logger;
  clock: Clock;
}): JobQueue {
  return {
    enqueue: () => Promise.resolve(),
    register: () => undefined,
    start: () => Promise.resolve(),
    stop: () => Promise.resolve(),
  };
}
