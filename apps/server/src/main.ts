import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createRuntime } from './runtime.ts';
import { seedDemo } from './seed/demo.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const runtime = await createRuntime(config);
  const { logger } = runtime;
  if (config.seedDemo) await seedDemo(runtime);

  const app = config.roles.includes('api') ? await buildApp(runtime) : null;
  if (config.roles.includes('worker')) await runtime.queue.start();
  if (app) {
    await app.listen({ port: config.port, host: config.host });
    logger.info(
      `Oneway is running at ${config.publicUrl} (roles: ${config.roles.join(', ')}, ${runtime.dialect})`,
    );
  } else {
    logger.info(`Oneway worker started (${runtime.dialect})`);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await app?.close();
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
