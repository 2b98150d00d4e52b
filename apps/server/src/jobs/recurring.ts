import type { JobName } from '@oneway/shared';
import type { Logger } from 'pino';
import type { Clock } from '../lib/time.ts';
import type { EnqueueOptions, JobDefinition } from './queue.ts';

/** `2026-11-05-13`: the UTC hour a recurring job belongs to. */
export const formatHourSlot = (date: Date): string => date.toISOString().slice(0, 13).replace('T', '-');

/** `2026-11-05`: the UTC day a daily job belongs to. */
export const formatDaySlot = (date: Date): string => date.toISOString().slice(0, 10);

/**
 * Keeps hourly and daily jobs coming without a scheduler: every worker tries, once a minute, to enqueue each one
 * with a key for the current hour or day (one-off jobs only when it starts). The dedupe key makes all but the first
 * try of the hour or day a no-op, so there is one run per slot with one worker or fifty, and a worker that was down
 * simply catches up when it starts.
 * Returns a function that stops the timer.
 */
export function startRecurringJobs(options: {
  definitions: JobDefinition[];
  enqueue: (name: JobName, payload: unknown, options: EnqueueOptions) => Promise<void>;
  clock: Clock;
  logger: Logger;
  checkEveryMs?: number;
}): () => void {
  const recurring = options.definitions.filter((d) => d.repeat !== undefined);
  if (recurring.length === 0) return () => {};
  let isFirstTry = true;
  const enqueueDue = async () => {
    const now = options.clock.now();
    const firstTry = isFirstTry;
    isFirstTry = false;
    for (const definition of recurring) {
      if (definition.repeat === 'once' && !firstTry) continue;
      const slot =
        definition.repeat === 'once'
          ? 'once'
          : definition.repeat === 'daily'
            ? formatDaySlot(now)
            : formatHourSlot(now);
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
