import type { InvitationEventType } from '@oneway/shared';
import type { Db } from '../../db/database.ts';
import { isoNow, type Clock } from '../../lib/time.ts';
import { newId } from '../../lib/tokens.ts';

export interface InvitationEventInput {
  invitationId: string;
  organisationId: string;
  type: InvitationEventType;
  actorUserId?: string | null;
  details?: Record<string, unknown>;
}

export interface InvitationEventRow {
  id: string;
  type: InvitationEventType;
  details: Record<string, unknown> | null;
  actorUserId: string | null;
  createdAt: string;
}

export interface InvitationEventsService {
  /** Appends one entry to an invitation's timeline. */
  recordInvitationEvent(input: InvitationEventInput): Promise<void>;
  /** The timeline of one invitation, oldest first; the caller has checked the organisation. */
  listInvitationEvents(options: {
    invitationId: string;
    organisationId: string;
  }): Promise<InvitationEventRow[]>;
}

export function createInvitationEventsService({
  db,
  clock,
}: {
  db: Db;
  clock: Clock;
}): InvitationEventsService {
  return {
    async recordInvitationEvent(input) {
      await db
        .insertInto('invitation_events')
        .values({
          id: newId(),
          invitation_id: input.invitationId,
          organisation_id: input.organisationId,
          type: input.type,
          details: input.details ? JSON.stringify(input.details) : null,
          actor_user_id: input.actorUserId ?? null,
          created_at: isoNow(clock),
        })
        .execute();
    },
    async listInvitationEvents({ invitationId, organisationId }) {
      const rows = await db
        .selectFrom('invitation_events')
        .select(['id', 'type', 'details', 'actor_user_id', 'created_at'])
        .where('invitation_id', '=', invitationId)
        .where('organisation_id', '=', organisationId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        type: r.type as InvitationEventType,
        details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null,
        actorUserId: r.actor_user_id,
        createdAt: r.created_at,
      }));
    },
  };
}
