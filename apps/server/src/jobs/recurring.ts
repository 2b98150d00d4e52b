import type { JobName } from '@oneway/shared';
import type { Logger } from 'pino';
import type { Clock } from '../lib/time.ts';
import type { EnqueueOptions, JobDefinition } from './queue.ts';

/** `2026-11-05-13`: the UTC hour a recurring job belongs to. */
export const formatHourSlot = (date: Date): string => date.toISOString().slice(0, 13).replace('T', '-');

/**
 * Keeps hourly jobs coming without a scheduler: every worker tries, once a minute, to enqueue each hourly job
 * with a key for the current hour. The dedupe key makes all but the first try of the hour a no-op, so there is one
 * run per hour with one worker or fifty, and a worker that was down simply catches up when it starts.
 * Returns a function that stops the timer.
 */
export function startRecurringJobs(options: {
  definitions: JobDefinition[];
  enqueue: (name: JobName, payload: unknown, options: EnqueueOptions) => Promise<void>;
  clock: Clock;
  logger: Logger;
  checkEveryMs?: number;
}): () => void {
  const hourly = options.definitions.filter((d) => d.repeat === 'hourly');
  if (hourly.length === 0) return () => {};
  const enqueueDue = async () => {
    const slot = formatHourSlot(options.clock.now());
    for (const definition of hourly) {
      try {
        await options.enqueue(definition.name, {}, { dedupeKey: `${definition.name}/${slot}` });
      } catch (err) {
        options.logger.error({ err, job: definition.name }, 'could not enqueue a recurring job');
      }
    }
  };
  void enqueueDue();
  const timer = setInterval(() => void enqueueDue(), options.checkEveryMs ?? 60_000);
  // The worker's own loop keeps the process alive; this timer must not hold it open on shutdown.
  timer.unref();
  return () => clearInterval(timer);
}
