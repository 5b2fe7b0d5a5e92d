import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { PASSWORD_MIN_LENGTH } from '@app/shared';
import { ConfigError, loadConfig } from './config/config';
import { buildDataSourceOptions, createDataSource } from './database/data-source-options';
import { ensureAdministrator, seedDemoData } from './database/seed/seed';

const USAGE = `Usage:
  node cli.js migrate                                   run pending migrations
  node cli.js seed                                      load missing demo data (idempotent)
  node cli.js create-admin --email E --password P [--name N]   create or promote an administrator`;

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const config = loadConfig();
  const ds = createDataSource(buildDataSourceOptions(config));
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    switch (command) {
      case 'migrate':
        console.log('Migrations are up to date.');
        return 0;
      case 'seed':
        console.log(`Added ${await seedDemoData(ds)} demo records.`);
        return 0;
      case 'create-admin': {
        const { values } = parseArgs({
          args: rest,
          options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
        });
        if (!values.email || !values.password || values.password.length < PASSWORD_MIN_LENGTH) {
          console.error(`--email and --password (at least ${PASSWORD_MIN_LENGTH} characters) are required.\n${USAGE}`);
          return 2;
        }
        const result = await ensureAdministrator(ds, { email: values.email, password: values.password, displayName: values.name });
        console.log(`Administrator ${values.email}: ${result}.`);
        return 0;
      }
      default:
        console.error(USAGE);
        return 2;
    }
  } finally {
    await ds.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
