import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Db, Dialect } from '../db/database.ts';
import type { Clock } from '../lib/time.ts';
import { DatabaseJobQueue } from './database-queue.ts';
import { PgBossJobQueue } from './pg-boss-queue.ts';
import type { JobQueue } from './queue.ts';

/**
 * pg-boss when the data is in PostgreSQL (built for many workers on one database), the jobs table otherwise
 * (SQLite: one process, nothing else to run).
 */
export function createJobQueue(deps: {
  db: Db;
  dialect: Dialect;
  config: Config;
  logger: Logger;
  clock: Clock;
}): JobQueue {
  const logger = deps.logger.child({ component: 'jobs' });
  if (deps.dialect === 'postgres') {
    return new PgBossJobQueue({ connectionString: deps.config.databaseUrl, logger, clock: deps.clock });
  }
  return new DatabaseJobQueue({ db: deps.db, dialect: deps.dialect, logger, clock: deps.clock });
}
