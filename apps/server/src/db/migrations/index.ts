import type { Migration, MigrationProvider } from 'kysely';
import * as foundation from './0001-foundation.ts';

/** Migrations listed in code (not read from a folder) so they work the same under tsx, tests and bundles. */
const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
