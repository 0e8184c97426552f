/**
 * Which store a command uses: `--db` when given, else `RASHOMON_DB`, else `./rashomon.db`.
 * A `postgres://` location selects the PostgreSQL store (not yet available).
 */
import { StoreError } from './errors.js';
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
  if (location.engine === 'postgres') {
    throw new StoreError('open', 'PostgreSQL store not yet available; use a SQLite file path for --db or RASHOMON_DB', {
      url: redact(location.url),
    });
  }
  return openSqliteStore(location.path);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}

/** A connection URL may hold a password; errors must not. */
function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}
