import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';

/** The refusal every way into a suspended organisation answers with. */
export const organisationSuspended = (who: 'member' | 'candidate') =>
  new AppError('organisation_suspended', {
    message:
      who === 'member'
        ? 'This organisation is suspended by the administrator of this Oneway instance. Contact them to restore it.'
        : 'This interview is not available at the moment: the organisation that sent it is suspended. Contact the employer for more information.',
  });

/** True when the organisation is suspended. */
export async function isOrganisationSuspended(db: Db, organisationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('organisations')
    .select('suspended_at')
    .where('id', '=', organisationId)
    .executeTakeFirst();
  return Boolean(row?.suspended_at);
}

/** Refuses when the organisation is suspended. */
export async function assertOrganisationActive(
  db: Db,
  organisationId: string,
  who: 'member' | 'candidate',
): Promise<void> {
  if (await isOrganisationSuspended(db, organisationId)) throw organisationSuspended(who);
}
