import type { Db } from '../../db/database.ts';
import type { Clock } from '../../lib/time.ts';
import type { OutboxEmailRow } from './mail.repository.ts';

export type HeldReason = NonNullable<OutboxEmailRow['held_reason']>;

/** The start of the current UTC day: daily limits count from there. */
export const startOfUtcDay = (clock: Clock): string =>
  `${clock.now().toISOString().slice(0, 10)}T00:00:00.000Z`;

/**
 * Why an organisation's next e-mail must wait, or null when it may go: the organisation is suspended, or it has
 * written `limit` messages today (held ones aside). E-mails of no organisation (accounts) never wait.
 */
export async function findHoldReason(
  db: Db,
  options: { organisationId: string | null; limit: number | null; clock: Clock },
): Promise<HeldReason | null> {
  const { organisationId, limit, clock } = options;
  if (organisationId === null) return null;
  const organisation = await db
    .selectFrom('organisations')
    .select('suspended_at')
    .where('id', '=', organisationId)
    .executeTakeFirst();
  if (organisation?.suspended_at) return 'suspended';
  const left = await countEmailsLeftToday(db, { organisationId, limit, clock });
  return left === 0 ? 'daily_limit' : null;
}

/**
 * How many more e-mails the organisation may write today before new ones are held until tomorrow (UTC), or null
 * when this install sets no daily limit.
 */
export async function countEmailsLeftToday(
  db: Db,
  options: { organisationId: string; limit: number | null; clock: Clock },
): Promise<number | null> {
  const { organisationId, limit, clock } = options;
  if (limit === null) return null;
  const { count } = await db
    .selectFrom('outbox_emails')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('organisation_id', '=', organisationId)
    .where('created_at', '>=', startOfUtcDay(clock))
    .where('status', '!=', 'held')
    .executeTakeFirstOrThrow();
  return Math.max(0, limit - Number(count));
}

/** Organisations with messages held for the daily limit, for the sweep that lets them go on a new day. */
export async function listOrganisationsWithHeldEmails(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('outbox_emails')
    .select('organisation_id')
    .distinct()
    .where('status', '=', 'held')
    .where('held_reason', '=', 'daily_limit')
    .where('organisation_id', 'is not', null)
    .execute();
  return rows.flatMap((r) => (r.organisation_id ? [r.organisation_id] : []));
}

/** The organisation's held messages, oldest first. */
export function listHeldEmails(db: Db, organisationId: string): Promise<Pick<OutboxEmailRow, 'id'>[]> {
  return db
    .selectFrom('outbox_emails')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'held')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function setEmailHold(
  db: Db,
  options: { id: string; reason: HeldReason | null; createdAt?: string },
): Promise<void> {
  await db
    .updateTable('outbox_emails')
    .set({
      status: options.reason ? 'held' : 'queued',
      held_reason: options.reason,
      // A released message counts in the day it goes out.
      ...(options.createdAt ? { created_at: options.createdAt } : {}),
    })
    .where('id', '=', options.id)
    .where('status', 'in', ['held', 'queued'])
    .execute();
}
