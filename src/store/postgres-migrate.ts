/**
 * Bringing a PostgreSQL database up to the schema: every pending migration in one transaction that
 * first takes a transaction-level advisory lock, so processes starting at once queue on the lock
 * and the later ones find the work done. DDL is transactional here: a failed migration leaves
 * nothing behind.
 */
import type { PoolClient } from 'pg';
import { StoreError, reasonOf } from './errors.js';
import { MIGRATIONS_TABLE_SQL, latestVersion, migrations } from './schema.js';

/** Advisory lock key of schema changes (the two-int form, so it cannot meet a single-bigint key). */
const MIGRATION_LOCK: readonly [number, number] = [0x5241_5348, 1]; // 'RASH', 1

export async function schemaVersion(client: Pick<PoolClient, 'query'>): Promise<number> {
  const { rows } = await client.query<{ version: number }>('SELECT coalesce(max(version), 0)::int AS version FROM schema_migrations');
  return rows[0]?.version ?? 0;
}

/** Applies pending migrations; returns the schema version reached. `where` names the database in errors. */
export async function migrate(client: PoolClient, where: string, now: () => Date): Promise<number> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [...MIGRATION_LOCK]);
    await refuseForeignSchema(client, where);
    await client.query(MIGRATIONS_TABLE_SQL);
    const found = await schemaVersion(client);
    if (found > latestVersion) {
      throw new StoreError(
        'migrate',
        `${where} has schema version ${found}, newer than this Rashomon knows (${latestVersion}); upgrade Rashomon`,
        { where, found, latestVersion },
      );
    }
    for (const m of migrations) {
      if (m.version <= found) continue;
      if (m.postgres === undefined) {
        throw new StoreError('migrate', `migration ${m.version} (${m.name}) has no PostgreSQL script`, { where, version: m.version });
      }
      try {
        await client.query(m.postgres);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          m.version,
          m.name,
          now().toISOString(),
        ]);
      } catch (cause) {
        throw new StoreError('migrate', `migration ${m.version} (${m.name}) failed on ${where}: ${reasonOf(cause)}`, { where, version: m.version }, cause);
      }
    }
    const reached = await schemaVersion(client);
    await client.query('COMMIT');
    return reached;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    if (error instanceof StoreError) throw error;
    throw new StoreError('migrate', `cannot bring ${where} up to date: ${reasonOf(error)}`, { where }, error);
  }
}

/**
 * Tables in the schema the store would use, but no migration history: they belong to something
 * else, and adding ours beside them would mix the two. (Other schemas of the database are not ours
 * to judge; a store can live in a schema of its own through the connection's search_path.)
 */
async function refuseForeignSchema(client: PoolClient, where: string): Promise<void> {
  const { rows } = await client.query<{ name: string; schema: string }>(
    `SELECT table_name AS name, current_schema() AS schema FROM information_schema.tables
     WHERE table_schema = current_schema() ORDER BY table_name`,
  );
  const tables = rows.map((r) => r.name);
  if (tables.length > 0 && !tables.includes('schema_migrations')) {
    const shown = tables.slice(0, 5).join(', ') + (tables.length > 5 ? ', ...' : '');
    throw new StoreError(
      'open',
      `schema ${rows[0]?.schema ?? '?'} of ${where} holds tables of something else (${shown}), not a Rashomon store`,
      { where, tables },
    );
  }
}
