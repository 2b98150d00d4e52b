import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { JobName } from '@oneway/shared';
import type { JobDefinition } from './queue.ts';
import { startRecurringJobs } from './recurring.ts';

const definition = (name: string, repeat: JobDefinition['repeat']): JobDefinition => ({
  name: name as JobName,
  payload: z.object({}),
  attempts: 1,
  backoffMs: 1,
  repeat,
  handler: () => Promise.resolve(),
});

describe('recurring jobs', () => {
  afterEach(() => vi.useRealTimers());

  it('keys hourly jobs by the hour, daily ones by the UTC day, and enqueues one-off jobs only at start', async () => {
    vi.useFakeTimers();
    const keys: string[] = [];
    const stop = startRecurringJobs({
      definitions: [
        definition('a.hourly', 'hourly'),
        definition('b.daily', 'daily'),
        definition('c.once', 'once'),
      ],
      enqueue: (_name, _payload, options) => {
        keys.push(options.dedupeKey ?? '');
        return Promise.resolve();
      },
      clock: { now: () => new Date('2026-12-07T23:30:00.000Z') },
      logger: pino({ level: 'silent' }),
      checkEveryMs: 60_000,
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(keys).toEqual(['a.hourly/2026-12-07-23', 'b.daily/2026-12-07', 'c.once/once']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(keys.slice(3)).toEqual(['a.hourly/2026-12-07-23', 'b.daily/2026-12-07']);
    stop();
  });
});
