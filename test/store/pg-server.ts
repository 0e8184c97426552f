/**
 * The PostgreSQL server the store tests run against: `RASHOMON_TEST_PG` (a URL whose role may
 * create databases, e.g. what scripts/ci-postgres.sh prints). Each test file gets a database of its
 * own, dropped afterwards; without a reachable server the PostgreSQL tests are skipped, saying why.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_PG = process.env['RASHOMON_TEST_PG']?.trim() ?? '';

/** Why the PostgreSQL tests cannot run here, or null when the server answers. Checked once per file. */
export async function unavailable(): Promise<string | null> {
  if (TEST_PG === '') return 'RASHOMON_TEST_PG is not set (scripts/ci-postgres.sh starts a local server and prints the URL)';
  const client = new pg.Client({ connectionString: TEST_PG, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return `no PostgreSQL server answers at RASHOMON_TEST_PG (${error instanceof Error ? error.message : String(error)})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** `url` with another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** `url` whose connections put their tables in `schema` (a search_path through the `options` parameter). */
export function withSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

export interface TestDatabase {
  name: string;
  url: string;
  /** Runs one statement as the test role on this database. */
  sql<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params?: unknown[]): Promise<T[]>;
  /** A new empty schema, and the store URL that uses it. */
  freshSchema(): Promise<string>;
  drop(): Promise<void>;
}

/** Creates a database for one test file (`label` shows in its name, for whoever lists databases meanwhile). */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `rashomon_test_${label}_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(TEST_PG, name);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on('error', () => undefined);
  let schemas = 0;
  return {
    name,
    url,
    async sql(text, params = []) {
      return (await pool.query(text, params)).rows;
    },
    async freshSchema() {
      const schema = `s${schemas++}`;
      await pool.query(`CREATE SCHEMA ${schema}`);
      return withSchema(url, schema);
    },
    async drop() {
      await pool.end();
      const client = new pg.Client({ connectionString: TEST_PG });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
