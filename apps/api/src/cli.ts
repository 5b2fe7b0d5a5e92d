import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { PASSWORD_MIN_LENGTH } from '@app/shared';
import { resolve } from 'node:path';
import { ConfigError, loadConfig, type AppConfig } from './config/config';
import { BackupError, createBackup, describeBackup, restoreBackup } from './database/backup';
import { buildDataSourceOptions, createDataSource } from './database/data-source-options';
import { SCHEMA } from './entities';
import { ensureAdministrator, seedDemoData } from './seed/seed';

const USAGE = `Usage:
  node cli.js migrate                                   run pending migrations
  node cli.js seed                                      load missing demo data (idempotent)
  node cli.js create-admin --email E --password P [--name N]   create or promote an administrator
  node cli.js backup [TARGET_DIR]                       back up the SQLite database and uploads (default: $DATA_DIR/backups)
  node cli.js restore BACKUP_DIR [--data-dir D] [--force]   bring a backup back (into D instead of $DATA_DIR)`;

/** Paths on the command line are meant from where the command was typed (npm runs scripts in apps/api). */
const fromInvocation = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path);

/** backup and restore work on files, before (and without) a database connection: a restore may target an empty folder. */
async function backupCommand(command: 'backup' | 'restore', args: string[], config: AppConfig): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'data-dir': { type: 'string' }, force: { type: 'boolean' } },
  });
  if (command === 'backup') {
    const result = await createBackup(config, positionals[0] ? fromInvocation(positionals[0]) : undefined);
    console.log(await describeBackup(result));
    return 0;
  }
  if (positionals.length !== 1) {
    console.error(`Name the backup folder to restore.\n${USAGE}`);
    return 2;
  }
  const target = values['data-dir']
    ? loadConfig({ ...process.env, DATA_DIR: fromInvocation(values['data-dir']), SQLITE_PATH: undefined, UPLOAD_DIR: undefined })
    : config;
  const result = await restoreBackup(target, fromInvocation(positionals[0]), { force: values.force });
  console.log(`Restored the backup of ${result.manifest.createdAt} into ${result.database} and ${result.uploadDir}.`);
  if (result.setAside.length) console.log(`What was there before was moved aside:\n  ${result.setAside.join('\n  ')}`);
  return 0;
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const config = loadConfig();
  if (command === 'backup' || command === 'restore') return backupCommand(command, rest, config);
  const ds = createDataSource(buildDataSourceOptions(config, SCHEMA));
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    switch (command) {
      case 'migrate':
        console.log('Migrations are up to date.');
        return 0;
      case 'seed':
        console.log(`Added ${await seedDemoData(ds, { participation: config.seedDemoParticipation })} demo records.`);
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
        const result = await ensureAdministrator(
          ds,
          { email: values.email, password: values.password, displayName: values.name },
          config.passwordHash,
        );
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
    console.error(error instanceof ConfigError || error instanceof BackupError ? error.message : error);
    process.exit(1);
  },
);
