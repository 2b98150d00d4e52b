import { buildApp, buildWorkerApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createRuntime } from './runtime.ts';
import { seedDemo } from './seed/demo.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const runtime = await createRuntime(config);
  const { logger } = runtime;
  if (config.seedDemo) await seedDemo(runtime);

  // A worker-only process still answers health, readiness and metrics on PORT (for its orchestrator and scraper).
  const app = config.roles.includes('api') ? await buildApp(runtime) : await buildWorkerApp(runtime);
  if (config.roles.includes('worker')) await runtime.startWorker();
  await app.listen({ port: config.port, host: config.host });
  if (config.roles.includes('api')) {
    logger.info(
      `Oneway is running at ${config.publicUrl} (roles: ${config.roles.join(', ')}, ${runtime.dialect})`,
    );
  } else {
    logger.info(`Oneway worker started (${runtime.dialect}); health and metrics on port ${config.port}`);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', (s) => void stop(s));
  process.once('SIGTERM', (s) => void stop(s));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
  } else {
    console.error('Oneway failed to start:', err);
  }
  process.exit(1);
});
