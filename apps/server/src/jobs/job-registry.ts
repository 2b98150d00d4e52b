import type { JobName } from '@oneway/shared';
import { z } from 'zod';
import { defaultJobTimeoutMs } from './job-lease.ts';
import type { JobDefinition } from './queue.ts';

/** The definitions a queue knows, shared by both drivers: lookup and payload validation. */
export class JobRegistry {
  private readonly definitions = new Map<JobName, JobDefinition>();

  register(definition: JobDefinition): void {
    if (this.definitions.has(definition.name)) throw new Error(`Job ${definition.name} is registered twice`);
    if (!Number.isInteger(definition.attempts) || definition.attempts < 1) {
      throw new Error(`Job ${definition.name}: attempts must be a whole number of at least 1`);
    }
    this.definitions.set(definition.name, definition);
  }

  getDefinition(name: JobName): JobDefinition {
    const definition = this.definitions.get(name);
    if (!definition) throw new Error(`Job ${name} is not registered`);
    return definition;
  }

  listDefinitions(): JobDefinition[] {
    return [...this.definitions.values()];
  }

  /** How long one try of this job may run: from its work when the definition says how, else its kind's timeout. */
  async resolveTimeoutMs(name: JobName, payload: unknown): Promise<number> {
    const definition = this.getDefinition(name);
    const ms = definition.resolveTimeoutMs
      ? await definition.resolveTimeoutMs(payload)
      : timeoutMsOf(definition);
    return Math.max(1000, Math.round(ms));
  }

  /** The payload as the schema outputs it; throws naming every bad field, so a bad job is never stored. */
  parsePayload(name: JobName, payload: unknown): unknown {
    const result = this.getDefinition(name).payload.safeParse(payload);
    if (!result.success) throw new Error(`Invalid payload for job ${name}: ${z.prettifyError(result.error)}`);
    return result.data;
  }
}

/** A kind's own timeout, for jobs queued without one. */
export const timeoutMsOf = (definition: JobDefinition): number => definition.timeoutMs ?? defaultJobTimeoutMs;

/** backoffMs * 2^(attempt-1), ±20% so retries of many jobs that failed together do not arrive together. */
export function computeBackoffMs(
  backoffMs: number,
  attempt: number,
  random: () => number = Math.random,
): number {
  const base = backoffMs * 2 ** Math.max(0, attempt - 1);
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** Error text worth keeping: the message, bounded so a huge error cannot bloat a row. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return text.slice(0, 2000);
}
