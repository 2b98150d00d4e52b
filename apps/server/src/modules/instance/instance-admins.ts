import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';

/** The instance's first account: its administrator when INSTANCE_ADMINS names nobody. */
export async function findFirstUserId(db: Db): Promise<string | undefined> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

/** True when the user administers the instance: named in INSTANCE_ADMINS, or (when it is empty) its first account. */
export async function isInstanceAdmin(
  db: Db,
  config: Pick<Config, 'instanceAdmins'>,
  user: { id: string; email: string },
): Promise<boolean> {
  if (config.instanceAdmins.length > 0) return config.instanceAdmins.includes(user.email.toLowerCase());
  return (await findFirstUserId(db)) === user.id;
}

/** True while the instance has no organisation: its first account may always sign up. */
export async function hasNoOrganisation(db: Db): Promise<boolean> {
  const row = await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}
