import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { PasskeysTable } from '../../db/schema/passkeys.ts';
import type { TotpCredentialsTable } from '../../db/schema/totp-credentials.ts';
import type { WebauthnChallengesTable } from '../../db/schema/webauthn-challenges.ts';

export type TotpRow = Selectable<TotpCredentialsTable>;
export type PasskeyRow = Selectable<PasskeysTable>;
export type ChallengeRow = Selectable<WebauthnChallengesTable>;

export function findTotp(db: Db, userId: string): Promise<TotpRow | undefined> {
  return db.selectFrom('totp_credentials').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** Stores a new, unconfirmed secret in place of any earlier one. */
export async function replaceTotp(db: Db, row: TotpRow): Promise<void> {
  await db.deleteFrom('totp_credentials').where('user_id', '=', row.user_id).execute();
  await db.insertInto('totp_credentials').values(row).execute();
}

/**
 * Records `step` as used, only when it is later than the last step used: false when this code (or a later one)
 * was accepted already, so a code seen once cannot be replayed.
 */
export async function useTotpStep(
  db: Db,
  options: { userId: string; step: number; confirmedAt?: string },
): Promise<boolean> {
  const result = await db
    .updateTable('totp_credentials')
    .set({
      last_used_step: options.step,
      ...(options.confirmedAt ? { confirmed_at: options.confirmedAt } : {}),
    })
    .where('user_id', '=', options.userId)
    .where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', options.step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteTotp(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('totp_credentials').where('user_id', '=', userId).execute();
}

export function listUnusedRecoveryCodes(
  db: Db,
  userId: string,
): Promise<{ id: string; code_hash: string }[]> {
  return db
    .selectFrom('recovery_codes')
    .select(['id', 'code_hash'])
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
}

export async function replaceRecoveryCodes(
  db: Db,
  options: { userId: string; hashes: string[]; ids: string[]; createdAt: string },
): Promise<void> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', options.userId).execute();
  await db
    .insertInto('recovery_codes')
    .values(
      options.hashes.map((code_hash, i) => ({
        id: options.ids[i] ?? '',
        user_id: options.userId,
        code_hash,
        created_at: options.createdAt,
        used_at: null,
      })),
    )
    .execute();
}

export async function deleteRecoveryCodes(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
}

/** Uses a recovery code up; false when another request used it first. */
export async function useRecoveryCode(db: Db, options: { id: string; usedAt: string }): Promise<boolean> {
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: options.usedAt })
    .where('id', '=', options.id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function listPasskeys(db: Db, userId: string): Promise<PasskeyRow[]> {
  return db.selectFrom('passkeys').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();
}

export function findPasskey(db: Db, id: string): Promise<PasskeyRow | undefined> {
  return db.selectFrom('passkeys').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertPasskey(db: Db, row: PasskeyRow): Promise<void> {
  await db.insertInto('passkeys').values(row).execute();
}

export async function recordPasskeyUse(
  db: Db,
  options: { id: string; counter: number; usedAt: string },
): Promise<void> {
  await db
    .updateTable('passkeys')
    .set({ counter: options.counter, last_used_at: options.usedAt })
    .where('id', '=', options.id)
    .execute();
}

/** Deletes one of the user's passkeys; false when there was none with that id. */
export async function deletePasskey(db: Db, options: { userId: string; id: string }): Promise<boolean> {
  const result = await db
    .deleteFrom('passkeys')
    .where('id', '=', options.id)
    .where('user_id', '=', options.userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function insertChallenge(db: Db, row: ChallengeRow): Promise<void> {
  await db.insertInto('webauthn_challenges').values(row).execute();
}

/** Takes a challenge out (each is answered once): the row, or undefined when unknown or already used. */
export async function takeChallenge(db: Db, challenge: string): Promise<ChallengeRow | undefined> {
  const row = await db
    .selectFrom('webauthn_challenges')
    .selectAll()
    .where('challenge', '=', challenge)
    .executeTakeFirst();
  if (!row) return undefined;
  const result = await db
    .deleteFrom('webauthn_challenges')
    .where('challenge', '=', challenge)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1 ? row : undefined;
}

/** Deletes challenges past their time; for the hourly purge. */
export async function deleteExpiredChallenges(db: Db, now: string): Promise<void> {
  await db.deleteFrom('webauthn_challenges').where('expires_at', '<=', now).execute();
}
