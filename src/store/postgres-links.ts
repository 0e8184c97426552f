/**
 * Cross-document linking on PostgreSQL, safe with several processes linking one database at once.
 *
 * A linking step (link/update.ts) is three calls: `unlinkedDocuments` names the documents to link,
 * `eventsInBlocks` reads their neighbourhood (over several hops), the caller regroups it, and
 * `applyLinks` writes the result. Here a step is one transaction on one connection:
 *
 * - `unlinkedDocuments` claims its documents with `FOR UPDATE SKIP LOCKED`: another process skips
 *   them and takes others. A process that dies mid-step loses its connection, PostgreSQL rolls the
 *   transaction back, and the documents are free and still unlinked for the next ingest.
 * - `eventsInBlocks` remembers which blocks it read and which events, with which documents, it saw.
 * - `applyLinks` locks the neighbourhood, checks that what the step read is still so, and writes.
 *   If another process changed that neighbourhood meanwhile (an event gone or grown, a new event in
 *   a block read), the step was computed on a stale view: it is rolled back whole, its documents
 *   stay unlinked, and the caller's next step takes them again and regroups with the other
 *   process's events. Nothing computed on a stale view is ever written.
 *
 * Locks are transaction-level advisory locks, always taken in one order so that processes queue
 * but never deadlock on them: first the linking key, then block keys in ascending order. A step
 * writing a neighbourhood of at most BLOCK_LOCKS blocks holds the linking key shared and its blocks
 * exclusive, so disjoint neighbourhoods are written at the same time; a wider one holds the linking
 * key exclusive (one lock, where thousands would fill PostgreSQL's lock table). Computing is
 * optimistic, without locks. But a process whose step went stale links its next steps holding the
 * linking key exclusive from the start: they cannot go stale, so work is lost at most once, and
 * when every neighbourhood overlaps (a corpus about a few recurring actors) the processes take
 * turns instead of computing in vain.
 *
 * Entities are shared far beyond a neighbourhood ("Vladimir Putin"), so their rows are merged under
 * row locks taken in id order by one upsert; a deadlock PostgreSQL still finds there (another order
 * of waits through a third process) ends the step the same way as a stale view.
 */
import type { Pool, PoolClient } from 'pg';
import { StoreError } from './errors.js';
import { rewrittenEvents, writeLinkChange } from './postgres-link-writes.js';
import { describePgError, isRetryable, lockKey, lockKeys } from './postgres-sql.js';
import type { LinkChange } from './store.js';

interface LinkStep {
  client: PoolClient;
  documents: Set<string>;
  /** Holds the linking key exclusive: no other process writes links until it ends. */
  exclusive: boolean;
  /** Blocks `eventsInBlocks` read during the step. */
  blocks: Set<string>;
  /** Event id -> its documents as read (sorted). */
  seen: Map<string, string[]>;
}

/** The linking key (two-int form, apart from the bigint block keys). */
const LINKING: readonly [number, number] = [0x5241_5348, 2]; // 'RASH', 2
/** Above this many blocks, a step locks all linking rather than each block. */
const BLOCK_LOCKS = 256;
/** Steps a process links holding the linking key exclusive after one of its steps went stale. */
const EXCLUSIVE_AFTER_STALE = 4;
/** Claims prefer documents this store wrote (their analyses are at hand); at most this many are named. */
const PREFERRED = 4096;

export class Linker {
  private step: LinkStep | null = null;
  /** Documents this store wrote lately that it has not linked yet, oldest first. */
  private readonly written = new Set<string>();
  private exclusiveSteps = 0;
  /** Steps rolled back because another process changed their neighbourhood (for tests and figures). */
  staleSteps = 0;

  constructor(private readonly pool: Pool) {}

  wrote(ids: Iterable<string>): void {
    for (const id of ids) {
      this.written.delete(id);
      this.written.add(id);
    }
    // Bounded: a store that writes but never links (a server taking uploads) must not grow with them.
    for (const id of this.written) {
      if (this.written.size <= PREFERRED) break;
      this.written.delete(id);
    }
  }

  /**
   * Starts a linking step: claims up to `limit` unlinked documents no other step holds, preferring
   * the ones this store wrote. The claims last until applyLinks, the next call, or close(); one
   * linking loop at a time per store (a second call abandons the step the first left open).
   */
  async unlinkedDocuments(limit: number): Promise<string[]> {
    if (!Number.isInteger(limit) || limit < 0) throw new StoreError('unlinkedDocuments', `limit must be an integer >= 0 (got ${limit})`, { limit });
    // A step left open (its caller failed before applyLinks) is abandoned: its claims go.
    await this.end();
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const preferred = [...this.written];
      const { rows } = await client.query<{ id: string }>(
        `SELECT id FROM documents WHERE linked = 0
         ORDER BY id = ANY($1::text[]) DESC, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [preferred, limit],
      );
      if (rows.length === 0) {
        await client.query('COMMIT');
        client.release();
        return [];
      }
      const exclusive = this.exclusiveSteps > 0;
      if (exclusive) {
        this.exclusiveSteps--;
        await client.query('SELECT pg_advisory_xact_lock($1, $2)', [...LINKING]);
      }
      const ids = rows.map((r) => r.id);
      this.step = { client, documents: new Set(ids), exclusive, blocks: new Set(), seen: new Map() };
      return ids;
    } catch (cause) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
      throw new StoreError('unlinkedDocuments', `cannot claim documents to link: ${describePgError(cause)}`, { limit }, cause);
    }
  }

  async eventsInBlocks(blocks: readonly string[]): Promise<Array<{ id: string; documents: string[] }>> {
    const unique = [...new Set(blocks)];
    if (unique.length === 0) return [];
    const step = this.step;
    const db = step?.client ?? this.pool;
    const { rows } = await db.query<{ id: string; documents: string[] }>(
      `SELECT e.event_id AS id,
         coalesce(array_agg(d.doc_id ORDER BY d.doc_id) FILTER (WHERE d.doc_id IS NOT NULL), '{}') AS documents
       FROM (SELECT DISTINCT event_id FROM event_blocks WHERE block = ANY($1::text[])) AS e
       LEFT JOIN event_documents d ON d.event_id = e.event_id
       GROUP BY e.event_id ORDER BY e.event_id`,
      [unique],
    );
    if (step) {
      for (const b of unique) step.blocks.add(b);
      for (const r of rows) step.seen.set(r.id, r.documents);
    }
    return rows;
  }

  async applyLinks(change: LinkChange): Promise<void> {
    let step = this.step;
    this.step = null;
    if (step && !change.documents.every((d) => step?.documents.has(d))) {
      // Not the documents the open step claimed: that step is over, this change stands alone.
      await finish(step.client, 'ROLLBACK');
      step.client.release();
      step = null;
    }
    const client = step?.client ?? (await this.pool.connect());
    let broken = false;
    try {
      if (!step) await client.query('BEGIN');
      if (await writeLinks(client, change, step)) {
        await client.query('COMMIT');
        for (const d of change.documents) this.written.delete(d);
      } else {
        await client.query('ROLLBACK');
        this.wentStale();
      }
    } catch (cause) {
      await client.query('ROLLBACK').catch(() => (broken = true));
      if (isRetryable(cause)) {
        this.wentStale();
        return;
      }
      throw new StoreError(
        'applyLinks',
        `linking ${change.documents.length} documents was rolled back: ${describePgError(cause)}`,
        { documents: change.documents.slice(0, 5) },
        cause,
      );
    } finally {
      client.release(broken);
    }
  }

  /** Rolls back an open step, if any (its documents stay unlinked). */
  async end(): Promise<void> {
    const step = this.step;
    this.step = null;
    if (step) {
      const ok = await finish(step.client, 'ROLLBACK');
      step.client.release(!ok);
    }
  }

  private wentStale(): void {
    this.staleSteps++;
    this.exclusiveSteps = EXCLUSIVE_AFTER_STALE;
  }
}

async function finish(client: PoolClient, command: 'COMMIT' | 'ROLLBACK'): Promise<boolean> {
  try {
    await client.query(command);
    return true;
  } catch (error) {
    if (command === 'COMMIT') throw error;
    return false;
  }
}

/**
 * Takes the locks for writing a neighbourhood of these blocks (see the file comment), unless the
 * step holds all linking already.
 */
async function lockNeighbourhood(client: PoolClient, blocks: ReadonlySet<string>, step: LinkStep | null): Promise<void> {
  if (step?.exclusive) return;
  if (blocks.size > BLOCK_LOCKS) {
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [...LINKING]);
    return;
  }
  await client.query('SELECT pg_advisory_xact_lock_shared($1, $2)', [...LINKING]);
  await lockKeys(client, [...blocks].map((b) => lockKey('block', b)));
}

/** Locks, checks and writes the change; false when the step's view of its neighbourhood went stale (nothing written). */
async function writeLinks(client: PoolClient, change: LinkChange, step: LinkStep | null): Promise<boolean> {
  const eventIds = rewrittenEvents(change);
  const blocksOf = async () =>
    (await client.query<{ block: string }>('SELECT DISTINCT block FROM event_blocks WHERE event_id = ANY($1::text[])', [eventIds])).rows.map(
      (r) => r.block,
    );
  const locked = new Set([...(step?.blocks ?? []), ...change.events.flatMap((e) => e.blocks), ...(await blocksOf())]);
  await lockNeighbourhood(client, locked, step);
  // Between reading those blocks and locking them, another process may have moved an event.
  if (!step?.exclusive && (await blocksOf()).some((b) => !locked.has(b))) return false;
  if (step && (await neighbourhoodChanged(client, step))) return false;

  await writeLinkChange(client, change);
  return true;
}

/** Whether another process changed what the step read: an event gone or with other documents, or a new one in a block read. */
async function neighbourhoodChanged(client: PoolClient, step: LinkStep): Promise<boolean> {
  const { rows } = await client.query<{ id: string; present: boolean; documents: string[] }>(
    `SELECT c.id, EXISTS (SELECT 1 FROM events e WHERE e.id = c.id) AS present,
       ARRAY(SELECT d.doc_id FROM event_documents d WHERE d.event_id = c.id ORDER BY d.doc_id) AS documents
     FROM (SELECT event_id AS id FROM event_blocks WHERE block = ANY($1::text[]) UNION SELECT unnest($2::text[])) AS c`,
    [[...step.blocks], [...step.seen.keys()]],
  );
  for (const r of rows) {
    const seen = step.seen.get(r.id);
    if (seen === undefined) return true;
    if (!r.present || r.documents.length !== seen.length || r.documents.some((d, i) => d !== seen[i])) return true;
  }
  return false;
}
