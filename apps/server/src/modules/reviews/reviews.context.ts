import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../lib/time.ts';
import type { AuditService } from '../audit/audit.service.ts';

/** What the review functions need; wired once in services.ts. */
export interface ReviewsDeps {
  db: Db;
  config: Config;
  clock: Clock;
  audit: AuditService;
}
