import { existsSync } from 'node:fs';
import { ConfigError, loadEnv } from '../config/env.js';
import { createDatabase } from '../lib/database.js';
import { createMigrator } from './migrator.js';
import { seed } from './seed.js';
import { seedAdmin } from './seed-admin.js';

/**
 * Database commands: migrate | rollback [n] | seed | status.
 * Run with tsx in development (npm run db:migrate) or compiled in production (node dist/db/cli.js migrate).
 */

const USAGE = 'usage: cli <migrate | rollback [steps] | seed | status>';

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

const COMMANDS = new Set(['migrate', 'rollback', 'seed', 'status']);

async function run(command: string | undefined, arg: string | undefined): Promise<number> {
  if (command === undefined || !COMMANDS.has(command)) {
    print(USAGE);
    return 2;
  }
  if (existsSync('.env')) process.loadEnvFile('.env');
  const env = loadEnv();
  const database = await createDatabase(env);
  const target = `SQLite at ${database.path}`;
  const migrator = createMigrator(database);
  try {
    switch (command) {
      case 'migrate': {
        const applied = await migrator.migrate();
        print(applied.length === 0 ? `Up to date (${target}).` : `Applied ${applied.join(', ')} (${target}).`);
        return 0;
      }
      case 'rollback': {
        const steps = arg === undefined ? 1 : Number(arg);
        if (!Number.isInteger(steps) || steps < 1) {
          print(`rollback expects a positive whole number of steps, got "${arg ?? ''}"`);
          return 2;
        }
        const undone = await migrator.rollback(steps);
        print(undone.length === 0 ? 'Nothing to roll back.' : `Rolled back ${undone.join(', ')} (${target}).`);
        return 0;
      }
      case 'seed': {
        const inserted = await seed(database);
        print(`Seeded ${inserted} user(s) (${target}).`);
        const admin = await seedAdmin(database, env);
        if (admin !== null) print(admin);
        return 0;
      }
      case 'status': {
        for (const m of await migrator.status()) {
          const state = m.appliedAt ? `applied ${m.appliedAt.toISOString()}` : 'pending';
          const notes = [m.modified ? 'MODIFIED since applied' : '', m.missingFile ? 'FOLDER MISSING' : '']
            .filter(Boolean)
            .join(', ');
          print(`${m.version}  ${state}${notes ? `  (${notes})` : ''}`);
        }
        return 0;
      }
      default:
        print(USAGE);
        return 2;
    }
  } finally {
    await database.close();
  }
}

run(process.argv[2], process.argv[3]).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const text = error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`${text}\n`);
    process.exitCode = 1;
  },
);
