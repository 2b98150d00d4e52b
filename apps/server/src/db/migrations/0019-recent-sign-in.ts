import type { Kysely } from 'kysely';

// sessions.verified_at: when the person last proved who they are in this session by re-entering their password
// (null: only when they signed in, which is created_at). Changing how one signs in (an authenticator app, recovery
// codes, passkeys) asks for a sign-in this recent, so a session left open or stolen cannot change them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('verified_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').dropColumn('verified_at').execute();
}
