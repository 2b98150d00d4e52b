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
  /**
   * Minutes after signing in (or re-entering the password) during which the person may change how they sign in
   * (authenticator app, recovery codes, passkeys); after that, their password is asked again. 0 asks every time.
   */
  REAUTH_AFTER_MINUTES: z.coerce.number().int().min(0).max(1440).default(15),
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
  /** The ffmpeg binary that processes recordings: a path, or a name looked up on PATH. */
  FFMPEG_PATH: z.string().min(1).default('ffmpeg'),
  /** The ffprobe binary that reads recordings' durations and streams. */
  FFPROBE_PATH: z.string().min(1).default('ffprobe'),
  /** Longest answer kept after processing, in seconds, whatever the question's limit (default 30 minutes). */
  MEDIA_MAX_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .max(24 * 3600)
    .default(1800),
  /**
   * How long a signed address of a recorded answer works, in seconds (default 30 minutes). The review pages ask
   * for a new one before it runs out; a short one limits what a leaked address gives away.
   */
  MEDIA_URL_LIFETIME_SECONDS: z.coerce
    .number()
    .int()
    .min(10, { message: 'Use at least 10 seconds' })
    .max(24 * 3600, { message: 'Use at most 86400 seconds (a day)' })
    .default(1800),
  /** Where recordings live: local (DATA_DIR/media) or s3 (a bucket of any S3-compatible store, S3_* below). */
  STORAGE: z.enum(['local', 's3'], { message: 'Use local or s3' }).default('local'),
  /** The S3 API's address (MinIO, Ceph, R2, Swift…); empty means AWS S3 in S3_REGION. */
  S3_ENDPOINT: z
    .url({ protocol: /^https?$/, message: 'Use a full http(s) URL such as https://s3.example.com' })
    .optional(),
  /** The bucket's region. */
  S3_REGION: z.string().min(1).default('us-east-1'),
  /** The bucket for recordings and uploads in progress (required with STORAGE=s3). */
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
      message: 'Use 3-63 lowercase letters, digits, dots or hyphens',
    })
    .optional(),
  /** Access key with read and write rights on the bucket (required with STORAGE=s3). */
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  /** Its secret (required with STORAGE=s3). */
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Address the bucket as <endpoint>/<bucket> rather than <bucket>.<endpoint>; default true with S3_ENDPOINT. */
  S3_FORCE_PATH_STYLE: booleanFromString.optional(),
  /** Bearer token Prometheus must send to read /metrics; without it /metrics is off (404). */
  METRICS_TOKEN: z.string().min(16, { message: 'Use at least 16 characters' }).optional(),
  /** The commit this build was made from, shown by /api/version (the container image sets it). */
  ONEWAY_COMMIT: z
    .string()
    .regex(/^[0-9a-f]{7,40}$/, { message: 'Use a git commit hash' })
    .optional(),
  /** Who may create an organisation: closed (the instance's first account only), invite (an admin's invitation) or open. */
  SIGNUP: z.enum(['closed', 'invite', 'open'], { message: 'Use closed, invite or open' }).default('closed'),
  /** E-mail addresses of the instance administrators, comma-separated; empty means the instance's first account. */
  INSTANCE_ADMINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(z.array(z.email({ message: 'Use e-mail addresses separated by commas' }))),
  /** E-mails one organisation may send a day (UTC); 0 for no limit. Default 200 with SIGNUP=open, else no limit. */
  MAIL_DAILY_LIMIT: z.coerce.number().int().min(0).max(1_000_000).optional(),
});

/** Largest object an S3 CopyObject takes: a finished upload is copied to its key in one request. */
const s3CopyMaxBytes = 5 * 1024 ** 3;

/** What STORAGE=s3 needs beyond the schema, so these are reported together with every other problem. */
function storageProblems(env: Record<string, string | undefined>): string[] {
  if (env.STORAGE !== 's3') return [];
  const problems = ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']
    .filter((name) => env[name] === undefined)
    .map((name) => `${name}: Required when STORAGE=s3 (got undefined)`);
  if (Number(env.MEDIA_MAX_BYTES) > s3CopyMaxBytes) {
    problems.push(
      `MEDIA_MAX_BYTES: At most 5 GiB with STORAGE=s3 (got ${JSON.stringify(env.MEDIA_MAX_BYTES)})`,
    );
  }
  return problems;
}

export type Role = 'api' | 'worker';

/** An S3-compatible bucket. */
export interface S3Config {
  /** Undefined means AWS S3 in `region`. */
  endpoint: string | undefined;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  secureCookies: boolean;
  dataDir: string;
  /** Recordings: DATA_DIR/media (uploads in progress under tmp/). */
  mediaDir: string;
  mediaMaxBytes: number;
  /** Processed answers are cut at this many seconds (plus a grace), whatever the question allows. */
  mediaMaxSeconds: number;
  /** How long a signed address of a recorded answer works. */
  mediaUrlLifetimeMs: number;
  ffmpegPath: string;
  ffprobePath: string;
  databaseUrl: string;
  dialect: 'sqlite' | 'postgres';
  migrateOnStart: boolean;
  roles: Role[];
  smtpUrl: string | undefined;
  mailFrom: string;
  sessionIdleMs: number;
  /** How recent a sign-in changing how one signs in needs (REAUTH_AFTER_MINUTES). */
  reauthAfterMs: number;
  sessionAbsoluteMs: number;
  seedDemo: boolean;
  trustProxy: boolean;
  logLevel: string;
  webDistDir: string;
  /** Where recordings live: local (mediaDir) or s3 (the bucket in `s3`). */
  storage: 'local' | 's3';
  /** The bucket when storage is s3, else null. */
  s3: S3Config | null;
  /** Token that opens /metrics; null keeps /metrics off. */
  metricsToken: string | null;
  /** The build's commit, when known. */
  commit: string | null;
  /** Who may create an organisation (the instance's very first account always may). */
  signup: 'closed' | 'invite' | 'open';
  /** Instance administrators by e-mail; empty: the first account is the administrator. */
  instanceAdmins: string[];
  /** E-mails one organisation may send a UTC day; null for no limit. */
  mailDailyLimit: number | null;
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
  const raw = emptyToUndefined(env);
  const parsed = envSchema.safeParse(raw);
  const problems = [
    ...(parsed.error?.issues ?? []).map(
      (i) => `${i.path.join('.')}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`,
    ),
    ...storageProblems(raw),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
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
    mediaMaxSeconds: e.MEDIA_MAX_SECONDS,
    mediaUrlLifetimeMs: e.MEDIA_URL_LIFETIME_SECONDS * 1000,
    ffmpegPath: e.FFMPEG_PATH,
    ffprobePath: e.FFPROBE_PATH,
    databaseUrl,
    dialect: databaseUrl.startsWith('sqlite:') ? 'sqlite' : 'postgres',
    migrateOnStart: e.MIGRATE_ON_START,
    roles: [...new Set(e.ROLES)],
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    sessionIdleMs: e.SESSION_IDLE_HOURS * 3_600_000,
    reauthAfterMs: e.REAUTH_AFTER_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_DAYS * 86_400_000,
    seedDemo: e.SEED_DEMO,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    webDistDir: path.resolve(e.WEB_DIST_DIR ?? new URL('../../web/dist', import.meta.url).pathname),
    storage: e.STORAGE,
    s3:
      e.STORAGE === 's3' && e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
        ? {
            endpoint: e.S3_ENDPOINT,
            region: e.S3_REGION,
            bucket: e.S3_BUCKET,
            accessKeyId: e.S3_ACCESS_KEY_ID,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY,
            forcePathStyle: e.S3_FORCE_PATH_STYLE ?? e.S3_ENDPOINT !== undefined,
          }
        : null,
    metricsToken: e.METRICS_TOKEN ?? null,
    commit: e.ONEWAY_COMMIT ?? null,
    signup: e.SIGNUP,
    instanceAdmins: e.INSTANCE_ADMINS,
    mailDailyLimit: mailDailyLimitOf(e.MAIL_DAILY_LIMIT, e.SIGNUP),
  };
}

/** With open sign-up anyone can send mail through the instance, so a limit applies unless one is set. */
function mailDailyLimitOf(value: number | undefined, signup: Config['signup']): number | null {
  const limit = value ?? (signup === 'open' ? 200 : 0);
  return limit === 0 ? null : limit;
}
