import path from 'node:path';
import { z } from 'zod';

const booleanFromString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'Use true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  /** Port the HTTP server listens on. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Address the HTTP server binds to. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** The address people use to reach Oneway; links in e-mails are built from it. */
  PUBLIC_URL: z.url({ message: 'Use a full URL such as https://interviews.example.com' }).optional(),
  /** Folder for the SQLite database and local media. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** sqlite:<file> or postgres://…; empty means SQLite in DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|postgres(ql)?:\/\/)/, { message: 'Use sqlite:<file> or postgres://user:pass@host/db' })
    .optional(),
  /** Run database migrations at start. */
  MIGRATE_ON_START: booleanFromString.default(true),
  /** Which parts run in this process: api, worker or both. */
  ROLES: z
    .string()
    .default('api,worker')
    .transform((v) => v.split(',').map((r) => r.trim()))
    .pipe(z.array(z.enum(['api', 'worker'], { message: 'ROLES takes api, worker or api,worker' })).min(1)),
  /** smtp(s)://user:pass@host:port; empty keeps every message in the outbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, { message: 'Use smtp://user:pass@host:port or smtps://…' })
    .optional(),
  /** Sender of every e-mail. */
  MAIL_FROM: z.string().min(3).default('Oneway <no-reply@localhost>'),
  /** Hours without activity after which a session ends. */
  SESSION_IDLE_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(24),
  /** Days after sign-in after which a session ends whatever the activity. */
  SESSION_ABSOLUTE_DAYS: z.coerce.number().positive().max(365).default(30),
  /** Seed a demo organisation on first start. */
  SEED_DEMO: booleanFromString.default(true),
  /** Trust X-Forwarded-* headers from a reverse proxy. */
  TRUST_PROXY: booleanFromString.default(false),
  /** Pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Largest recording one take may upload, in bytes (default 1 GiB). */
  MEDIA_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024 * 1024),
  /** Folder of the built web app; served when present. */
  WEB_DIST_DIR: z.string().optional(),
});

export type Role = 'api' | 'worker';

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  secureCookies: boolean;
  dataDir: string;
  /** Recordings: DATA_DIR/media (uploads in progress under tmp/). */
  mediaDir: string;
  mediaMaxBytes: number;
  databaseUrl: string;
  dialect: 'sqlite' | 'postgres';
  migrateOnStart: boolean;
  roles: Role[];
  smtpUrl: string | undefined;
  mailFrom: string;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  seedDemo: boolean;
  trustProxy: boolean;
  logLevel: string;
  webDistDir: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const emptyToUndefined = (env: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === '' ? undefined : v]));

/** Reads and validates every variable at once; throws ConfigError naming each bad one. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(emptyToUndefined(env));
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (i) => `${i.path.join('.')}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`,
      ),
    );
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  const databaseUrl = e.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'oneway.sqlite')}`;
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    secureCookies: publicUrl.startsWith('https://'),
    dataDir,
    mediaDir: path.join(dataDir, 'media'),
    mediaMaxBytes: e.MEDIA_MAX_BYTES,
    databaseUrl,
    dialect: databaseUrl.startsWith('sqlite:') ? 'sqlite' : 'postgres',
    migrateOnStart: e.MIGRATE_ON_START,
    roles: [...new Set(e.ROLES)],
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    sessionIdleMs: e.SESSION_IDLE_HOURS * 3_600_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_DAYS * 86_400_000,
    seedDemo: e.SEED_DEMO,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    webDistDir: path.resolve(e.WEB_DIST_DIR ?? new URL('../../web/dist', import.meta.url).pathname),
  };
}
