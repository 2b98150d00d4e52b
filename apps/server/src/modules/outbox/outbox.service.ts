// STUB — replaced by the jobs/mail work.
import type { OutboxMessage } from '@oneway/shared';
import type { Db } from '../../db/database.ts';

export interface OutboxService {
  listMessages(options: { organisationId: string }): Promise<OutboxMessage[]>;
}

export function createOutboxService(_deps: { db: Db }): OutboxService {
  return { listMessages: () => Promise.resolve([]) };
}
