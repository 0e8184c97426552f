/**
 * The shared store: PostgreSQL through a small `pg` pool, the same Store interface, schema and
 * migrations as SQLite, for a team whose machines ingest into one database at once.
 *
 * Writes are one transaction per batch and idempotent under concurrency (postgres-documents.ts);
 * a batch writes its documents in id order, so two batches lock rows in one order and never
 * deadlock on each other. Linking claims documents and locks neighbourhoods (postgres-links.ts).
 * Reads that take several statements run in one REPEATABLE READ snapshot.
 */
import pg from 'pg';
import type { Pool, PoolClient } from 'pg';
import type { CompareEvent } from '../model/compare.js';
import type { AnalysedDocument, DocumentMeta } from '../model/document.js';
import { decodeDocument, decodeSummary, encodeDocument } from './codec.js';
import type { DocumentRow, DocumentRows, FindingRow, SentenceRow, SummaryRow, WarningRow } from './codec.js';
import { StoreError, reasonOf } from './errors.js';
import { parseQuery } from './fts-query.js';
import { putDocument, refuseNul } from './postgres-documents.js';
import type { KnownDocuments } from './postgres-documents.js';
import * as reads from './postgres-link-reads.js';
import { Linker } from './postgres-links.js';
import { migrate } from './postgres-migrate.js';
import { integrityProblems, readStats } from './postgres-report.js';
import { searchSentences, termQueries } from './postgres-search.js';
import { describePgError, inSnapshot, inTransaction, redactUrl, storeTypes } from './postgres-sql.js';
import type {
  DocumentQuery,
  DocumentSummary,
  EntityDetail,
  EntityQuery,
  EntitySummary,
  EventQuery,
  EventSummary,
  LinkChange,
  Page,
  PutOptions,
  PutResult,
  SearchHit,
  SearchOptions,
  Store,
  StoreStats,
  StoredDocument,
} from './store.js';

export interface PostgresStoreOptions {
  /** Clock for ingested/updated timestamps (tests fix it). */
  now?: () => Date;
  /** Connections this process may hold (default 4: a linking step keeps one while others read). */
  poolSize?: number;
}

const DEFAULT_POOL = 4;
const CONNECT_TIMEOUT_MS = 10_000;

/** Connects to `url` (postgres://user:password@host:port/database) and brings the schema up to date. */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const where = redactUrl(url);
  const now = options.now ?? (() => new Date());
  let pool: Pool | undefined;
  let client: PoolClient | undefined;
  try {
    pool = new pg.Pool({
      connectionString: url,
      max: Math.max(2, options.poolSize ?? DEFAULT_POOL),
      application_name: 'rashomon',
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      keepAlive: true,
      types: storeTypes,
    });
    // An idle connection the server drops must not take the process down; the next query reconnects.
    pool.on('error', () => undefined);
    client = await pool.connect();
  } catch (cause) {
    await pool?.end().catch(() => undefined);
    throw new StoreError('open', `cannot connect to ${where}: ${scrub(reasonOf(cause), url, where)}`, { url: where }, scrubCause(cause, url));
  }
  try {
    await migrate(client, where, now);
    client.release();
    return new PostgresStore(pool, where, now);
  } catch (error) {
    client.release(true);
    await pool.end().catch(() => undefined);
    throw error;
  }
}

const SUMMARY_COLUMNS = `id, content_hash, title, date, publisher, source, url, byline, lang, path, text_length,
  analysed, sentence_count, ingested_at, updated_at`;

export class PostgresStore implements Store {
  private readonly linker: Linker;

  constructor(
    private readonly pool: Pool,
    /** The connection URL with its password masked. */
    readonly where: string,
    private readonly now: () => Date,
  ) {
    this.linker = new Linker(pool);
  }

  /** Linking steps rolled back because another process changed their neighbourhood first. */
  get staleLinkSteps(): number {
    return this.linker.staleSteps;
  }

  async putDocuments(docs: readonly AnalysedDocument[], options: PutOptions = {}): Promise<PutResult[]> {
    const now = this.now().toISOString();
    const replace = options.replace ?? false;
    let current: string | undefined;
    try {
      // Everything checkable is checked before anything is sent.
      const encoded = docs.map((a) => {
        current = a.doc.id;
        return refuseNul(encodeDocument(a, { ingestedAt: now, updatedAt: now }));
      });
      current = undefined;
      // Id order: every process locks the rows of its batch in the same order.
      const order = docs.map((_, i) => i).sort((x, y) => compareIds(docs[x]?.doc.id ?? '', docs[y]?.doc.id ?? '') || x - y);
      const results = await inTransaction(this.pool, async (client) => {
        const out: PutResult[] = new Array<PutResult>(docs.length);
        const known: KnownDocuments = new Map();
        for (const i of order) {
          const rows = encoded[i] as DocumentRows;
          current = rows.document.id;
          out[i] = { id: current, status: await putDocument(client, rows, replace, known) };
        }
        return out;
      });
      this.linker.wrote(results.filter((r) => r.status !== 'unchanged').map((r) => r.id));
      return results;
    } catch (cause) {
      const what = current === undefined ? 'the batch' : `document ${current} failed, so the batch`;
      const reason = cause instanceof StoreError ? cause.reason : describePgError(cause);
      throw new StoreError('putDocuments', `${what} of ${docs.length} was rolled back: ${reason}`, { docId: current, batchSize: docs.length }, cause);
    }
  }

  async hasContent(contentHash: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('SELECT 1 FROM documents WHERE content_hash = $1 LIMIT 1', [contentHash]);
    return (rowCount ?? 0) > 0;
  }

  async knownHashes(hashes: readonly string[]): Promise<Set<string>> {
    const { rows } = await this.pool.query<{ content_hash: string }>(
      'SELECT DISTINCT content_hash FROM documents WHERE content_hash = ANY($1::text[])',
      [[...new Set(hashes)]],
    );
    return new Set(rows.map((r) => r.content_hash));
  }

  async findUnchanged(refs: ReadonlyArray<Pick<DocumentMeta, 'id' | 'contentHash'>>): Promise<Set<string>> {
    if (refs.length === 0) return new Set();
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT d.id FROM documents d JOIN unnest($1::text[], $2::text[]) AS r(id, content_hash)
         ON d.id = r.id AND d.content_hash = r.content_hash`,
      [refs.map((r) => r.id), refs.map((r) => r.contentHash)],
    );
    return new Set(rows.map((r) => r.id));
  }

  async getDocument(id: string): Promise<StoredDocument | null> {
    // One snapshot: a concurrent update cannot give the text of one version and the findings of another.
    return inSnapshot(this.pool, async (client) => {
      const document = (await client.query<DocumentRow>('SELECT * FROM documents WHERE id = $1', [id])).rows[0];
      if (!document) return null;
      return decodeDocument({
        document,
        sentences: (
          await client.query<SentenceRow>(
            `SELECT doc_id, idx, span_start, span_end, paragraph, first_token, last_token, text
             FROM sentences WHERE doc_id = $1 ORDER BY idx`,
            [id],
          )
        ).rows,
        findings: (await client.query<FindingRow>('SELECT * FROM findings WHERE doc_id = $1 ORDER BY kind, idx', [id])).rows,
        warnings: (await client.query<WarningRow>('SELECT * FROM warnings WHERE doc_id = $1 ORDER BY idx', [id])).rows,
      });
    });
  }

  async documentSummaries(ids: readonly string[]): Promise<Map<string, DocumentSummary>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const { rows } = await this.pool.query<SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM documents WHERE id = ANY($1::text[])`, [unique]);
    const byId = new Map(rows.map((r) => [r.id, decodeSummary(r)]));
    // In the order asked, as SQLite gives them.
    return new Map(unique.flatMap((id) => {
      const summary = byId.get(id);
      return summary ? [[id, summary] as const] : [];
    }));
  }

  async resolveDocumentId(prefix: string): Promise<string | null> {
    if (prefix === '') return null;
    // Every id starting with `prefix` sorts in [prefix, prefix + the last code point) under COLLATE "C".
    // The id equal to the prefix sorts first among them.
    const { rows } = await this.pool.query<{ id: string }>('SELECT id FROM documents WHERE id >= $1 AND id < $2 ORDER BY id LIMIT 2', [
      prefix,
      `${prefix}\u{10ffff}`,
    ]);
    if (rows[0]?.id === prefix) return prefix;
    return rows.length === 1 && rows[0] ? rows[0].id : null;
  }

  async listDocuments(query: DocumentQuery): Promise<Page<DocumentSummary>> {
    checkPaging('listDocuments', query);
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (condition: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(condition(`$${params.length}`));
    };
    if (query.publisher !== undefined) add((p) => `publisher = ${p}`, query.publisher);
    if (query.source !== undefined) add((p) => `source = ${p}`, query.source);
    if (query.from !== undefined) add((p) => `date >= ${p}`, query.from);
    if (query.to !== undefined) add((p) => `date <= ${p}`, query.to);
    return inSnapshot(this.pool, async (client) => {
      if (query.text !== undefined && query.text.trim() !== '') {
        const terms = (await termQueries(client, parseQuery(query.text))).filter((q) => q !== '');
        if (terms.length === 0) return { total: 0, items: [] };
        // Per term, so the terms of a document may be in different sentences.
        for (const term of terms) add((p) => `id IN (SELECT s.doc_id FROM sentences s WHERE s.tsv @@ ${p}::tsquery)`, term);
      }
      const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
      const total = (await client.query<{ total: number }>(`SELECT count(*) AS total FROM documents ${filter}`, params)).rows[0]?.total ?? 0;
      const n = params.length;
      const { rows } = await client.query<SummaryRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM documents ${filter} ORDER BY date DESC NULLS LAST, id LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...params, query.limit, query.offset],
      );
      return { total, items: rows.map(decodeSummary) };
    });
  }

  async search(query: string, options: SearchOptions): Promise<SearchHit[]> {
    checkPaging('search', options);
    return searchSentences(this.pool, query, options);
  }

  async stats(): Promise<StoreStats> {
    return inSnapshot(this.pool, readStats);
  }

  async integrityCheck(): Promise<string[]> {
    return inSnapshot(this.pool, integrityProblems);
  }

  async unlinkedDocuments(limit: number): Promise<string[]> {
    return this.linker.unlinkedDocuments(limit);
  }

  async eventsInBlocks(blocks: readonly string[]): Promise<Array<{ id: string; documents: string[] }>> {
    return this.linker.eventsInBlocks(blocks);
  }

  async applyLinks(change: LinkChange): Promise<void> {
    return this.linker.applyLinks(change);
  }

  async listEvents(query: EventQuery): Promise<Page<EventSummary>> {
    return inSnapshot(this.pool, (client) => reads.listEvents(client, query));
  }

  async getEvent(id: string): Promise<CompareEvent | null> {
    return reads.getEvent(this.pool, id);
  }

  async mainEvents(documents: readonly string[]): Promise<Map<string, string>> {
    const { rows } = await this.pool.query<{ doc_id: string; event_id: string }>(
      'SELECT doc_id, min(event_id) AS event_id FROM event_documents WHERE doc_id = ANY($1::text[]) AND main = 1 GROUP BY doc_id',
      [[...new Set(documents)]],
    );
    return new Map(rows.map((r) => [r.doc_id, r.event_id]));
  }

  async listEntities(query: EntityQuery): Promise<Page<EntitySummary>> {
    return inSnapshot(this.pool, (client) => reads.listEntities(client, query));
  }

  async getEntity(id: string): Promise<EntityDetail | null> {
    return inSnapshot(this.pool, (client) => reads.getEntity(client, id));
  }

  async close(): Promise<void> {
    await this.linker.end().catch(() => undefined);
    if (!this.pool.ended) await this.pool.end();
  }
}

/** Code-point order, as COLLATE "C" and SQLite compare (JS `<` compares UTF-16 units; equal for ids in practice). */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function checkPaging(operation: string, paging: { limit: number; offset: number }): void {
  const ok = (n: number) => Number.isInteger(n) && n >= 0;
  if (!ok(paging.limit) || !ok(paging.offset)) {
    throw new StoreError(operation, `limit and offset must be integers >= 0 (got ${paging.limit}, ${paging.offset})`, { ...paging });
  }
}

/** The password of `url`, wherever a driver's message repeats the URL, masked. */
function scrub(text: string, url: string, where: string): string {
  return text.split(url).join(where);
}

/** A cause that holds the URL itself (Node's URL errors keep it as `input`) is replaced by its masked message. */
function scrubCause(cause: unknown, url: string): unknown {
  const own = cause instanceof Object ? JSON.stringify(cause, Object.getOwnPropertyNames(cause)) : String(cause);
  return own.includes(url) ? new Error(scrub(reasonOf(cause), url, redactUrl(url))) : cause;
}
