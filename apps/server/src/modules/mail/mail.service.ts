// STUB — replaced by the jobs/mail work.
import type { Db } from '../../db/database.ts';
import type { Config } from '../../config.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import type { Mailer } from '../../adapters/mailer.ts';
import type { Clock } from '../../lib/time.ts';

export interface QueueEmailInput {
  organisationId: string | null;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
}

export interface MailService {
  /** Stores the message in the outbox and queues `email.send`; returns the message id. */
  queueEmail(input: QueueEmailInput): Promise<string>;
}

export function createMailService(_deps: {
  db: Db;
  config: Config;
  queue: JobQueue;
  mailer: Mailer;
  clock: Clock;
}): MailService {
  return { queueEmail: () => Promise.reject(new Error('not implemented')) };
}
