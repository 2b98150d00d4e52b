import type { Mailer } from './adapters/mailer.ts';
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import type { JobQueue } from './jobs/queue.ts';
import type { Clock } from './lib/time.ts';
import { createAccountsService } from './modules/accounts/accounts.service.ts';
import { createAuditService } from './modules/audit/audit.service.ts';
import { createMailService } from './modules/mail/mail.service.ts';
import { createOutboxService } from './modules/outbox/outbox.service.ts';

export interface ServiceDeps {
  db: Db;
  config: Config;
  queue: JobQueue;
  mailer: Mailer;
  clock: Clock;
}

/** The one place where services are wired to their dependencies. */
export function createServices(deps: ServiceDeps) {
  const audit = createAuditService(deps);
  const mail = createMailService(deps);
  const outbox = createOutboxService(deps);
  const accounts = createAccountsService({ ...deps, mail, audit });
  return { audit, mail, outbox, accounts };
}

export type Services = ReturnType<typeof createServices>;
