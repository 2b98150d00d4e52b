// STUB — replaced by the jobs/mail work.
import type { Services } from '../../services.ts';
import type { JobQueue } from '../queue.ts';

/** Registers every job handler on the queue. */
export function registerJobDefinitions(_queue: JobQueue, _services: Services): void {}
