/**
 * Which store a command uses: `--db` when given, else `RASHOMON_DB`, else `./rashomon.db`.
 * A `postgres://` or `postgresql://` URL selects the PostgreSQL store; anything else is a SQLite file.
 */
import { openPostgresStore } from './postgres.js';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './store.js';

export const DEFAULT_DB = './rashomon.db';

export type StoreLocation = { engine: 'sqlite'; path: string } | { engine: 'postgres'; url: string };

export function resolveStoreLocation(dbOption?: string, env: NodeJS.ProcessEnv = process.env): StoreLocation {
  const given = nonEmpty(dbOption) ?? nonEmpty(env['RASHOMON_DB']) ?? DEFAULT_DB;
  if (/^postgres(ql)?:\/\//i.test(given)) return { engine: 'postgres', url: given };
  return { engine: 'sqlite', path: given };
}

export async function openStore(dbOption?: string, env: NodeJS.ProcessEnv = process.env): Promise<Store> {
  const location = resolveStoreLocation(dbOption, env);
  // Errors name the database with its password masked (postgres-sql.ts redactUrl).
  if (location.engine === 'postgres') return openPostgresStore(location.url);
  return openSqliteStore(location.path);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}
