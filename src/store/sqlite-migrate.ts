/**
 * Opening a SQLite file as a Rashomon store: connection settings, then the schema brought up to
 * date, each migration in its own IMMEDIATE transaction so two processes opening a fresh file at
 * once cannot both apply it.
 */
import type { Database } from 'better-sqlite3';
import { StoreError, reasonOf } from './errors.js';
import { MIGRATIONS_TABLE_SQL, latestVersion, migrations } from './schema.js';

export const BUSY_TIMEOUT_MS = 5000;

export function configure(db: Database, path: string): void {
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Readers never block the writer and a commit costs no fsync of the main file; a crash loses at
    // most the last transactions, never consistency.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
  } catch (cause) {
    const notSqlite = (cause as { code?: string }).code === 'SQLITE_NOTADB';
    const why = notSqlite ? 'the file is not a SQLite database' : reasonOf(cause);
    throw new StoreError('open', `cannot use ${path} as a store: ${why}`, { path }, cause);
  }
}

export function schemaVersion(db: Database): number {
  const row = db.prepare('SELECT coalesce(max(version), 0) AS version FROM schema_migrations').get() as { version: number };
  return row.version;
}

/** Applies pending migrations; returns the schema version reached. */
export function migrate(db: Database, path: string, now: () => Date): number {
  refuseForeignDatabase(db, path);
  db.exec(MIGRATIONS_TABLE_SQL);
  const found = schemaVersion(db);
  if (found > latestVersion) {
    throw new StoreError(
      'migrate',
      `${path} has schema version ${found}, newer than this Rashomon knows (${latestVersion}); upgrade Rashomon`,
      { path, found, latestVersion },
    );
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of migrations) {
    if (m.version <= found) continue;
    const apply = db.transaction(() => {
      // Another process may have applied it while this one waited for the lock.
      if (schemaVersion(db) >= m.version) return;
      db.exec(m.sqlite);
      record.run(m.version, m.name, now().toISOString());
    });
    try {
      apply.immediate();
    } catch (cause) {
      throw new StoreError('migrate', `migration ${m.version} (${m.name}) failed on ${path}: ${reasonOf(cause)}`, { path, version: m.version }, cause);
    }
  }
  return schemaVersion(db);
}

/** A database with tables but no migration history belongs to something else: adding ours would mix the two. */
function refuseForeignDatabase(db: Database, path: string): void {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map(
    (t) => t.name,
  );
  if (tables.length > 0 && !tables.includes('schema_migrations')) {
    const shown = tables.slice(0, 5).join(', ') + (tables.length > 5 ? ', ...' : '');
    throw new StoreError('open', `${path} is a SQLite database of something else (tables: ${shown}), not a Rashomon store`, { path, tables });
  }
}
