import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../lib/time.ts';
import type { AuditService } from '../audit/audit.service.ts';

/** Sends a candidate the e-mail of a decision's outcome, unless that outcome was already e-mailed to them. */
export interface OutcomeMailer {
  /** True when an e-mail was queued now; false when this outcome had been e-mailed before. */
  sendOutcomeEmail(options: {
    organisationId: string;
    invitationId: string;
    decision: 'advance' | 'hold' | 'reject';
  }): Promise<boolean>;
}

/** What the review functions need; wired once in services.ts. */
export interface ReviewsDeps {
  db: Db;
  config: Config;
  clock: Clock;
  audit: AuditService;
  outcomeMail: OutcomeMailer;
}
