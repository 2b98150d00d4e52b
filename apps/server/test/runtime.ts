import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createRuntime, type Runtime, type RuntimeOverrides } from '../src/runtime.ts';

export interface TestContext {
  runtime: Runtime;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** For a restart: keep the data folder and database on close, or start on those of an earlier runtime. */
export interface TestStorageOptions {
  keepOnClose?: boolean;
  reuse?: { dataDir: string; databaseUrl: string };
}

/**
 * A runtime on a fresh database of its own: a temporary SQLite file by default, or a new PostgreSQL database
 * when TEST_DATABASE_URL (postgres://…) names a server — the test script starts one for the PostgreSQL run.
 */
export async function createTestRuntime(
  env: Record<string, string> = {},
  overrides: RuntimeOverrides = {},
  storage: TestStorageOptions = {},
): Promise<Runtime> {
  const dataDir = storage.reuse?.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'oneway-test-'));
  const adminUrl = process.env.TEST_DATABASE_URL;
  let databaseUrl = storage.reuse?.databaseUrl ?? `sqlite:${path.join(dataDir, 'test.sqlite')}`;
  let dropDatabase = async () => {};
  if (adminUrl) {
    const name = storage.reuse
      ? new URL(storage.reuse.databaseUrl).pathname.slice(1)
      : `oneway_test_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
    if (!storage.reuse) {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
    }
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const config = loadConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    WEB_DIST_DIR: path.join(dataDir, 'no-web'),
    ...env,
  });
  const runtime = await createRuntime(config, overrides);
  const close = runtime.close.bind(runtime);
  runtime.close = async () => {
    await close();
    if (storage.keepOnClose) return;
    await dropDatabase();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return runtime;
}

/** The whole HTTP app on a fresh test runtime, for app.inject. */
export async function createTestApp(
  env: Record<string, string> = {},
  overrides: RuntimeOverrides = {},
  storage: TestStorageOptions = {},
): Promise<TestContext> {
  const runtime = await createTestRuntime(env, overrides, storage);
  const app = await buildApp(runtime);
  await app.ready();
  return {
    runtime,
    app,
    async close() {
      await app.close();
      await runtime.close();
    },
  };
}
