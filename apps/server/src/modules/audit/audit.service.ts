import type { Db } from '../../db/database.ts';
import type { Clock } from '../../lib/time.ts';
import { isoNow } from '../../lib/time.ts';
import { newId } from '../../lib/tokens.ts';

export interface AuditEventInput {
  organisationId: string | null;
  actorUserId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  ip?: string | null;
  userAgent?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditService {
  /** Appends one event; values are stored as data, never interpreted. */
  recordEvent(input: AuditEventInput): Promise<void>;
}

export function createAuditService({ db, clock }: { db: Db; clock: Clock }): AuditService {
  return {
    async recordEvent(input) {
      await db
        .insertInto('audit_events')
        .values({
          id: newId(),
          organisation_id: input.organisationId,
          actor_user_id: input.actorUserId,
          action: input.action,
          target_type: input.targetType ?? null,
          target_id: input.targetId ?? null,
          ip: input.ip ?? null,
          user_agent: input.userAgent?.slice(0, 500) ?? null,
          details: input.details ? JSON.stringify(input.details) : null,
          created_at: isoNow(clock),
        })
        .execute();
    },
  };
}
