import type { Logger } from 'pino';
import { createMailer } from './adapters/create-mailer.ts';
import { createMediaStorage } from './adapters/create-media-storage.ts';
import { createFfmpeg, type Ffmpeg } from './adapters/ffmpeg.ts';
import type { Mailer } from './adapters/mailer.ts';
import type { MediaStorage } from './adapters/media-storage.ts';
import type { Config } from './config.ts';
import { createDatabase, migrateToLatest, type Db, type Dialect } from './db/database.ts';
import { createJobQueue } from './jobs/create-queue.ts';
import { registerJobDefinitions } from './jobs/definitions/index.ts';
import type { JobQueue } from './jobs/queue.ts';
import { startWorkerHeartbeat, findLastWorkerSeenAt } from './jobs/worker-heartbeat.ts';
import { createLogger } from './lib/logger.ts';
import { createMetrics, registerDatabaseGauges, type Metrics } from './lib/metrics.ts';
import { systemClock, type Clock } from './lib/time.ts';
import { warnWhenMediaToolsMissing } from './modules/media/media-tools-check.ts';
import { createServices, type Services } from './services.ts';

/** Everything a process holds: the database, the queue, adapters and the services built on them. */
export interface Runtime {
  config: Config;
  db: Db;
  dialect: Dialect;
  queue: JobQueue;
  mailer: Mailer;
  clock: Clock;
  logger: Logger;
  /** Where recordings live (local folder or S3 bucket). */
  mediaStorage: MediaStorage;
  services: Services;
  metrics: Metrics;
  ffmpeg: Ffmpeg;
  /** Works the job queue and says so every 30 s (worker processes). */
  startWorker(): Promise<void>;
  close(): Promise<void>;
}

export interface RuntimeOverrides {
  mailer?: Mailer;
  clock?: Clock;
  logger?: Logger;
}

/** Opens the database (migrating it unless told not to), the queue and the adapters, and wires the services. */
export async function createRuntime(config: Config, overrides: RuntimeOverrides = {}): Promise<Runtime> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const clock = overrides.clock ?? systemClock;
  const { db, dialect } = createDatabase(config.databaseUrl, {
    onConnectionLost: (err) =>
      logger.warn({ err }, 'a PostgreSQL connection was lost; another is opened when needed'),
  });
  if (config.migrateOnStart) await migrateToLatest(db);
  const queue = createJobQueue({ db, dialect, config, logger, clock });
  const mailer = overrides.mailer ?? createMailer(config, logger);
  const ffmpeg = createFfmpeg(config);
  // Only workers run ffmpeg; a missing binary is a warning, never a failed start.
  if (config.roles.includes('worker')) await warnWhenMediaToolsMissing(ffmpeg, logger);
  const mediaStorage = createMediaStorage(config);
  const services = createServices({ db, config, queue, mailer, clock, mediaStorage, ffmpeg, logger });
  const metrics = createMetrics();
  registerJobDefinitions(queue, services, { metrics, mailTransport: mailer.transport });
  registerDatabaseGauges(metrics, {
    describeBacklog: () => queue.describeBacklog(),
    findLastWorkerSeenAt: () => findLastWorkerSeenAt(db),
    now: () => clock.now(),
  });
  let stopWorkerHeartbeat = () => {};
  return {
    config,
    db,
    dialect,
    queue,
    mailer,
    clock,
    logger,
    mediaStorage,
    services,
    metrics,
    ffmpeg,
    async startWorker() {
      await queue.start();
      stopWorkerHeartbeat = await startWorkerHeartbeat({ db, clock, logger });
    },
    async close() {
      stopWorkerHeartbeat();
      services.playback.close();
      await services.storageProblems.close();
      await queue.stop();
      await mailer.close();
      await db.destroy();
    },
  };
}
