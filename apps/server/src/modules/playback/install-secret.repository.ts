import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.ts';

/**
 * The installation's secret of this name, made (32 random bytes) on first use. Kept in the database so every API
 * node of a scaled-out install signs and checks alike; two nodes racing to make it both end up with the first.
 */
export async function getOrCreateInstallSecret(
  db: Db,
  options: { name: string; now: string },
): Promise<Buffer> {
  await db
    .insertInto('install_secrets')
    .values({ name: options.name, value: randomBytes(32).toString('base64url'), created_at: options.now })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db
    .selectFrom('install_secrets')
    .select('value')
    .where('name', '=', options.name)
    .executeTakeFirstOrThrow();
  return Buffer.from(row.value, 'base64url');
}
