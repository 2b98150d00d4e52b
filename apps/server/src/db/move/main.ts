// `npm run db:move -- --to postgres://user:pass@host/db [--from sqlite:/path/oneway.sqlite]`: moves a stopped
// SQLite installation into an empty PostgreSQL database (docs/operations.md). The source defaults to the SQLite
// database this configuration names (DATA_DIR/oneway.sqlite).
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../../config.ts';
import { moveDatabase, MoveRefusedError } from './move-database.ts';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { to: { type: 'string' }, from: { type: 'string' } } });
  if (!values.to) {
    console.error('Usage: npm run db:move -- --to postgres://user:pass@host:5432/db [--from sqlite:<file>]');
    return 2;
  }
  const config = loadConfig();
  const from = values.from ?? config.databaseUrl;
  console.log(`Moving ${from} to ${values.to.replace(/\/\/[^@/]*@/, '//…@')}`);
  const result = await moveDatabase({ config, from, to: values.to, log: (line) => console.log(`  ${line}`) });
  const rows = result.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(
    `Moved ${rows} rows in ${result.tables.length} tables; ${result.jobsRequeued} waiting jobs queued.`,
  );
  console.log('Now start every Oneway process with DATABASE_URL set to the new database.');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof MoveRefusedError || err instanceof ConfigError) console.error(err.message);
    else
      console.error(
        'The move failed (rows are copied in one transaction, so none were kept in the target):',
        err,
      );
    process.exit(1);
  },
);
