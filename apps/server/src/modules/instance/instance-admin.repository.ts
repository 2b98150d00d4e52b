import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

type CountsByOrganisation = Map<string, number>;

const toMap = (
  rows: { organisation_id: string | null; value: string | number | null }[],
): CountsByOrganisation =>
  new Map(
    rows.flatMap((r) => (r.organisation_id ? [[r.organisation_id, Number(r.value ?? 0)] as const] : [])),
  );

/** Every organisation, oldest first. */
export function listOrganisations(db: Db) {
  return db.selectFrom('organisations').selectAll().orderBy('created_at').orderBy('id').execute();
}

/** Per organisation: members, candidates invited, takes, bytes stored and e-mails written since `mailSince`. */
export async function countUsage(db: Db, options: { mailSince: string; organisationId?: string }) {
  const scope = options.organisationId ?? '';
  const members = db
    .selectFrom('memberships')
    .select(['organisation_id', (eb) => eb.fn.countAll<number>().as('value')])
    .groupBy('organisation_id')
    .$if(scope !== '', (qb) => qb.where('organisation_id', '=', scope));
  const invitations = db
    .selectFrom('invitations')
    .select(['organisation_id', (eb) => eb.fn.countAll<number>().as('value')])
    .groupBy('organisation_id')
    .$if(scope !== '', (qb) => qb.where('organisation_id', '=', scope));
  const takes = db
    .selectFrom('takes')
    .select(['organisation_id', (eb) => eb.fn.countAll<number>().as('value')])
    .groupBy('organisation_id')
    .$if(scope !== '', (qb) => qb.where('organisation_id', '=', scope));
  const takeBytes = db
    .selectFrom('takes')
    .select(['organisation_id', (eb) => eb.fn.sum<number>('bytes').as('value')])
    .groupBy('organisation_id')
    .$if(scope !== '', (qb) => qb.where('organisation_id', '=', scope));
  const mediaBytes = db
    .selectFrom('take_media')
    .select([
      'organisation_id',
      sql<number>`sum(coalesce(playback_bytes, 0) + coalesce(poster_bytes, 0) + coalesce(transcript_audio_bytes, 0))`.as(
        'value',
      ),
    ])
    .groupBy('organisation_id')
    .$if(scope !== '', (qb) => qb.where('organisation_id', '=', scope));
  const promptBytes = db
    .selectFrom('prompt_videos')
    .select(['organisation_id', sql<number>`sum(original_bytes + coalesce(playback_bytes, 0))`.as('value')])
    .groupBy('organisation_id')
    .$if(scope !== '', (qb) => qb.where('organisation_id', '=', scope));
  const mail = db
    .selectFrom('outbox_emails')
    .select(['organisation_id', (eb) => eb.fn.countAll<number>().as('value')])
    .where('created_at', '>=', options.mailSince)
    .groupBy('organisation_id')
    .$if(scope !== '', (qb) => qb.where('organisation_id', '=', scope));
  const [m, i, t, tb, mb, pb, e] = await Promise.all(
    [members, invitations, takes, takeBytes, mediaBytes, promptBytes, mail].map((query) => query.execute()),
  );
  return {
    members: toMap(m ?? []),
    invitations: toMap(i ?? []),
    takes: toMap(t ?? []),
    bytes: [tb, mb, pb].map((rows) => toMap(rows ?? [])),
    mailToday: toMap(e ?? []),
  };
}

/** An organisation's e-mails per UTC day and status since `since`. */
export function countMailByDay(db: Db, options: { organisationId: string; since: string }) {
  const day = sql<string>`substr(created_at, 1, 10)`;
  return db
    .selectFrom('outbox_emails')
    .select([day.as('day'), 'status', (eb) => eb.fn.countAll<number>().as('count')])
    .where('organisation_id', '=', options.organisationId)
    .where('created_at', '>=', options.since)
    .groupBy([day, 'status'])
    .execute();
}

export function listMembersOfOrganisation(db: Db, organisationId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.name', 'users.email', 'memberships.role', 'memberships.created_at'])
    .where('memberships.organisation_id', '=', organisationId)
    .orderBy('memberships.created_at')
    .execute();
}

export async function setOrganisationSuspended(
  db: Db,
  options: { organisationId: string; suspendedAt: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('organisations')
    .set({ suspended_at: options.suspendedAt })
    .where('id', '=', options.organisationId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
