/** Small pieces the PostgreSQL store shares: transactions with retry, error wording, lock keys. */
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Pool, PoolClient } from 'pg';

/** Something to run queries on: the pool (any connection) or one checked-out client. */
export type Queryable = Pick<Pool | PoolClient, 'query'>;

/**
 * Count and sum columns are bigint (int8) and numeric, which pg gives back as strings; a store's
 * counts stay far below 2^53, so they are read as numbers. Per pool, not pg's global parsers.
 */
export const storeTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (value: string) => Number(value);
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
  }) as typeof pg.types.getTypeParser,
};

/** SQLSTATEs after which running the whole transaction again is the documented remedy. */
const RETRYABLE = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected

export function isRetryable(error: unknown): boolean {
  return RETRYABLE.has((error as { code?: string } | null)?.code ?? '');
}

/**
 * Runs `work` in one transaction on one client; on a deadlock or serialization failure PostgreSQL
 * rolled everything back, so it runs again from the start (a few times, after a short random wait).
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * attempt));
    } finally {
      client.release(broken);
    }
  }
}

/** A read that must see one state of the store (no commit of another process half-way through it). */
export async function inSnapshot<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => (broken = true));
    throw error;
  } finally {
    client.release(broken);
  }
}

interface PgErrorFields {
  code?: string;
  table?: string;
  column?: string;
  constraint?: string;
  message?: string;
}

/**
 * A constraint failure in the words SQLite uses ("NOT NULL constraint failed: warnings.code"), so a
 * message reads the same whatever the engine; anything else keeps PostgreSQL's own message. The
 * original error stays the `cause`.
 */
export function describePgError(error: unknown): string {
  const e = (error ?? {}) as PgErrorFields;
  const at = (what: string | undefined) => (e.table && what ? `${e.table}.${what}` : (e.table ?? what ?? '?'));
  switch (e.code) {
    case '23502':
      return `NOT NULL constraint failed: ${at(e.column)}`;
    case '23505':
      return `UNIQUE constraint failed: ${at(e.constraint)}`;
    case '23503':
      return `FOREIGN KEY constraint failed: ${at(e.constraint)}`;
    case '23514':
      return `CHECK constraint failed: ${at(e.constraint)}`;
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** A 64-bit advisory lock key for a string (two different strings sharing one only wait for each other). */
export function lockKey(namespace: string, value: string): bigint {
  return createHash('sha256').update(namespace).update('\u0000').update(value).digest().readBigInt64BE(0);
}

/**
 * Takes transaction-level advisory locks on these keys, in ascending order, in one statement.
 * Every process takes them in that same order, so two can wait for each other but never deadlock.
 */
export async function lockKeys(client: PoolClient, keys: Iterable<bigint>): Promise<number> {
  const sorted = [...new Set(keys)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (sorted.length === 0) return 0;
  // unnest yields the array in order and the function runs once per row as it comes.
  await client.query('SELECT count(pg_advisory_xact_lock(k)) FROM unnest($1::bigint[]) AS k', [sorted.map(String)]);
  return sorted.length;
}

/** A connection URL may hold a password; errors must not. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@').replace(/([?&]password=)[^&]*/gi, '$1***');
}
