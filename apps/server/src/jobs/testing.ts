// Helpers for the queue and mail tests (not used by the app).
import type { JobName } from '@oneway/shared';
import { z } from 'zod';
import type { Clock } from '../lib/time.ts';
import type { JobDefinition } from './queue.ts';

/** A clock that moves only when told to. */
export function createTestClock(start = '2026-11-05T13:20:00.000Z'): Clock & { advance(ms: number): void } {
  let now = Date.parse(start);
  return {
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
  };
}

/** Job names are a closed list in @oneway/shared; tests use names of their own for jobs of their own. */
export const testJobName = (name: string) => name as JobName;

export const countPayload = z.object({ count: z.number().int() });

/** A `test.count` job that does nothing unless given a handler. */
export function defineCountJob(
  overrides: Partial<JobDefinition<typeof countPayload>> = {},
): JobDefinition<typeof countPayload> {
  return {
    name: testJobName('test.count'),
    payload: countPayload,
    attempts: 3,
    backoffMs: 1,
    handler: () => Promise.resolve(),
    ...overrides,
  };
}
