/**
 * The embedded store: one SQLite file through better-sqlite3, WAL, prepared statements reused, the
 * schema migrated on open. better-sqlite3 is synchronous; the async methods keep the interface the
 * one PostgreSQL implements.
 */
import Database from 'better-sqlite3';
import type { CompareEvent } from '../model/compare.js';
import type { AnalysedDocument, DocumentMeta } from '../model/document.js';
import { decodeDocument, decodeSummary, encodeDocument } from './codec.js';
import type { DocumentRow, FindingRow, SentenceRow, SummaryRow, WarningRow } from './codec.js';
import { StoreError, reasonOf } from './errors.js';
import { ftsTerm, markedSpans, parseQuery, toFtsQuery } from './fts-query.js';
import { BUSY_TIMEOUT_MS, configure, migrate } from './sqlite-migrate.js';
import { integrityProblems, readStats } from './sqlite-report.js';
import * as links from './sqlite-links.js';
import { SNIPPET_CLOSE, SNIPPET_OPEN } from './store.js';
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

export interface SqliteStoreOptions {
  /** Clock for ingested/updated timestamps (tests fix it). */
  now?: () => Date;
}

/** Opens (creating if needed) the store at `path`; `:memory:` gives a private in-memory store. */
export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): SqliteStore {
  let db: Database.Database;
  try {
    db = new Database(path);
  } catch (cause) {
    throw new StoreError('open', `cannot open ${path}: ${reasonOf(cause)}`, { path }, cause);
  }
  const now = options.now ?? (() => new Date());
  let reader: Database.Database | undefined;
  try {
    configure(db, path);
    migrate(db, path, now);
    reader = path === ':memory:' || path === '' ? db : openReader(path);
    return new SqliteStore(db, reader, path, now);
  } catch (error) {
    if (reader && reader !== db) reader.close();
    db.close();
    throw error;
  }
}

/**
 * A second, read-only connection for the queries the CLI, API and web app make. Under WAL a reader
 * reads its snapshot while a writer (this process's or an ingest's) commits, and a read-only
 * connection can never take the write lock, so reads never queue behind writes. The busy timeout
 * covers the rare moments a reader must wait (another connection recovering the WAL).
 */
function openReader(path: string): Database.Database {
  const reader = new Database(path, { readonly: true, fileMustExist: true });
  reader.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // Pages the reads come back to (indexes, an entity's documents) stay in the process: 64 MB rather
  // than SQLite's default 2 MB.
  reader.pragma('cache_size = -65536');
  return reader;
}

/** Around highlight() output, to find match offsets; the snippet uses the public markers. */
const MATCH_OPEN = '\u0001';
const MATCH_CLOSE = '\u0002';
/** Tokens of context in a snippet (FTS5 allows up to 64). */
const SNIPPET_TOKENS = 24;

const SUMMARY_COLUMNS = `id, content_hash, title, date, publisher, source, url, byline, lang, path, text_length,
  analysed, sentence_count, ingested_at, updated_at`;

/** What putDocuments and ingest's checks run, on the read-write connection. */
function writeStatements(db: Database.Database) {
  return {
    existing: db.prepare<[string], { content_hash: string; ingested_at: string }>(
      'SELECT content_hash, ingested_at FROM documents WHERE id = ?',
    ),
    insertDocument: db.prepare<[DocumentRow]>(
      `INSERT INTO documents (id, content_hash, title, date, publisher, source, url, byline, lang, path, text,
         text_length, body_start, analysed, sentence_count, ingested_at, updated_at)
       VALUES (@id, @content_hash, @title, @date, @publisher, @source, @url, @byline, @lang, @path, @text,
         @text_length, @body_start, @analysed, @sentence_count, @ingested_at, @updated_at)`,
    ),
    updateDocument: db.prepare<[DocumentRow]>(
      `UPDATE documents SET content_hash = @content_hash, title = @title, date = @date, publisher = @publisher,
         source = @source, url = @url, byline = @byline, lang = @lang, path = @path, text = @text,
         text_length = @text_length, body_start = @body_start, analysed = @analysed,
         sentence_count = @sentence_count, ingested_at = @ingested_at, updated_at = @updated_at
       WHERE id = @id`,
    ),
    markUnlinked: db.prepare<[string]>('UPDATE documents SET linked = 0 WHERE id = ?'),
    // Entity links carry their document's date (the order of an entity page) until linking rewrites them.
    redateLinks: db.prepare<[string | null, string]>('UPDATE document_entities SET date = ? WHERE doc_id = ?'),
    deleteSentences: db.prepare<[string]>('DELETE FROM sentences WHERE doc_id = ?'),
    deleteFindings: db.prepare<[string]>('DELETE FROM findings WHERE doc_id = ?'),
    deleteWarnings: db.prepare<[string]>('DELETE FROM warnings WHERE doc_id = ?'),
    insertSentence: db.prepare<[SentenceRow]>(
      `INSERT INTO sentences (doc_id, idx, span_start, span_end, paragraph, first_token, last_token, text)
       VALUES (@doc_id, @idx, @span_start, @span_end, @paragraph, @first_token, @last_token, @text)`,
    ),
    indexSentence: db.prepare<[number | bigint, string]>('INSERT INTO sentences_fts (rowid, text) VALUES (?, ?)'),
    insertFinding: db.prepare<[FindingRow]>(
      `INSERT INTO findings (doc_id, kind, idx, span_start, span_end, data)
       VALUES (@doc_id, @kind, @idx, @span_start, @span_end, @data)`,
    ),
    insertWarning: db.prepare<[WarningRow]>(
      `INSERT INTO warnings (doc_id, idx, code, stage, message, span_start, span_end)
       VALUES (@doc_id, @idx, @code, @stage, @message, @span_start, @span_end)`,
    ),
    hasContent: db.prepare<[string], { found: 1 }>('SELECT 1 AS found FROM documents WHERE content_hash = ? LIMIT 1'),
    sameContent: db.prepare<[string, string], { found: 1 }>('SELECT 1 AS found FROM documents WHERE id = ? AND content_hash = ?'),
  };
}

/** What the reads run, on the read-only connection. */
function readStatements(db: Database.Database) {
  return {
    document: db.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE id = ?'),
    summary: db.prepare<[string], SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM documents WHERE id = ?`),
    sentences: db.prepare<[string], SentenceRow>('SELECT * FROM sentences WHERE doc_id = ? ORDER BY idx'),
    findings: db.prepare<[string], FindingRow>('SELECT * FROM findings WHERE doc_id = ? ORDER BY kind, idx'),
    warnings: db.prepare<[string], WarningRow>('SELECT * FROM warnings WHERE doc_id = ? ORDER BY idx'),
    idExists: db.prepare<[string], { id: string }>('SELECT id FROM documents WHERE id = ?'),
    idRange: db.prepare<[string, string], { id: string }>('SELECT id FROM documents WHERE id >= ? AND id < ? ORDER BY id LIMIT 2'),
    // Ranked and cut inside FTS5 (ORDER BY rank with LIMIT), so snippets are made only for the rows returned.
    search: db.prepare<[string, string, string, string, string, number, number], SearchRow>(
      `SELECT s.doc_id, d.title, d.publisher, d.date, s.idx, s.span_start, s.span_end, s.text,
         hit.snippet, hit.marked, hit.rank
       FROM (
         SELECT rowid AS sentence_id, rank,
           snippet(sentences_fts, 0, ?, ?, '…', ${SNIPPET_TOKENS}) AS snippet,
           highlight(sentences_fts, 0, ?, ?) AS marked
         FROM sentences_fts WHERE sentences_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?
       ) AS hit
       JOIN sentences s ON s.id = hit.sentence_id
       JOIN documents d ON d.id = s.doc_id
       ORDER BY hit.rank, hit.sentence_id`,
    ),
  };
}

interface SearchRow {
  doc_id: string;
  title: string | null;
  publisher: string | null;
  date: string | null;
  idx: number;
  span_start: number;
  span_end: number;
  text: string;
  snippet: string;
  marked: string;
  /** bm25: lower is better. */
  rank: number;
}

export class SqliteStore implements Store {
  private readonly stmts: ReturnType<typeof writeStatements>;
  private readonly reads: ReturnType<typeof readStatements>;
  /** Read statements whose SQL depends on the query's shape (list filters), prepared once per shape. */
  private readonly shaped = new Map<string, Database.Statement<unknown[], unknown>>();

  /** `db` writes (and links, which reads what it is about to rewrite); `reader` answers the reads. */
  constructor(
    private readonly db: Database.Database,
    private readonly reader: Database.Database,
    readonly path: string,
    private readonly now: () => Date,
  ) {
    this.stmts = writeStatements(db);
    this.reads = readStatements(reader);
  }

  async putDocuments(docs: readonly AnalysedDocument[], options: PutOptions = {}): Promise<PutResult[]> {
    const now = this.now().toISOString();
    let current: string | undefined;
    const write = this.db.transaction((): PutResult[] =>
      docs.map((a) => {
        current = a.doc.id;
        return this.putOne(a, options.replace ?? false, now);
      }),
    );
    try {
      return write.immediate();
    } catch (cause) {
      const what = current === undefined ? 'the batch' : `document ${current} failed, so the batch`;
      throw new StoreError(
        'putDocuments',
        `${what} of ${docs.length} was rolled back: ${reasonOf(cause)}`,
        { docId: current, batchSize: docs.length },
        cause,
      );
    }
  }

  private putOne(a: AnalysedDocument, replace: boolean, now: string): PutResult {
    const { id } = a.doc;
    const existing = this.stmts.existing.get(id);
    if (existing && existing.content_hash === a.doc.contentHash && !replace) return { id, status: 'unchanged' };
    const rows = encodeDocument(a, { ingestedAt: existing?.ingested_at ?? now, updatedAt: now });
    if (existing) {
      // Children go explicitly (not by cascade) so the FTS delete trigger sees every old sentence.
      this.stmts.deleteSentences.run(id);
      this.stmts.deleteFindings.run(id);
      this.stmts.deleteWarnings.run(id);
      this.stmts.updateDocument.run(rows.document);
      this.stmts.markUnlinked.run(id);
      this.stmts.redateLinks.run(rows.document.date, id);
    } else {
      this.stmts.insertDocument.run(rows.document);
    }
    for (const s of rows.sentences) {
      const { lastInsertRowid } = this.stmts.insertSentence.run(s);
      this.stmts.indexSentence.run(lastInsertRowid, s.text);
    }
    for (const f of rows.findings) this.stmts.insertFinding.run(f);
    for (const w of rows.warnings) this.stmts.insertWarning.run(w);
    return { id, status: existing ? 'updated' : 'added' };
  }

  async hasContent(contentHash: string): Promise<boolean> {
    return this.stmts.hasContent.get(contentHash) !== undefined;
  }

  async knownHashes(hashes: readonly string[]): Promise<Set<string>> {
    const known = new Set<string>();
    for (const hash of new Set(hashes)) if (this.stmts.hasContent.get(hash)) known.add(hash);
    return known;
  }

  async findUnchanged(refs: ReadonlyArray<Pick<DocumentMeta, 'id' | 'contentHash'>>): Promise<Set<string>> {
    const unchanged = new Set<string>();
    for (const { id, contentHash } of refs) if (this.stmts.sameContent.get(id, contentHash)) unchanged.add(id);
    return unchanged;
  }

  async getDocument(id: string): Promise<StoredDocument | null> {
    const read = this.reader.transaction(() => {
      const document = this.reads.document.get(id);
      if (!document) return null;
      return decodeDocument({
        document,
        sentences: this.reads.sentences.all(id),
        findings: this.reads.findings.all(id),
        warnings: this.reads.warnings.all(id),
      });
    });
    // One read transaction: a concurrent update cannot give the text of one version and the findings of another.
    return read();
  }

  async documentSummaries(ids: readonly string[]): Promise<Map<string, DocumentSummary>> {
    const found = new Map<string, DocumentSummary>();
    this.reader.transaction(() => {
      for (const id of new Set(ids)) {
        const row = this.reads.summary.get(id);
        if (row) found.set(id, decodeSummary(row));
      }
    })();
    return found;
  }

  async resolveDocumentId(prefix: string): Promise<string | null> {
    if (prefix === '') return null;
    if (this.reads.idExists.get(prefix)) return prefix;
    // Every id starting with `prefix` sorts in [prefix, prefix + the last code point).
    const matches = this.reads.idRange.all(prefix, `${prefix}\u{10ffff}`);
    return matches.length === 1 && matches[0] ? matches[0].id : null;
  }

  async listDocuments(query: DocumentQuery): Promise<Page<DocumentSummary>> {
    checkPaging('listDocuments', query);
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (condition: string, value: unknown) => {
      where.push(condition);
      params.push(value);
    };
    if (query.publisher !== undefined) add('publisher = ?', query.publisher);
    if (query.source !== undefined) add('source = ?', query.source);
    if (query.from !== undefined) add('date >= ?', query.from);
    if (query.to !== undefined) add('date <= ?', query.to);
    const text = query.text !== undefined && query.text.trim() !== '';
    if (text) {
      const terms = parseQuery(query.text ?? '');
      if (terms.length === 0) return { total: 0, items: [] };
      for (const term of terms) {
        // Per term, so the terms of a document may be in different sentences. A match's document
        // comes from sentences_doc (migration 3), not from the sentence row with its text.
        add(
          `id IN (SELECT s.doc_id FROM sentences_fts JOIN sentences s INDEXED BY sentences_doc ON s.id = sentences_fts.rowid
            WHERE sentences_fts MATCH ?)`,
          ftsTerm(term),
        );
      }
    }
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const order = 'ORDER BY date DESC NULLS LAST, id';
    return this.reader.transaction(() => {
      if (text) {
        // The matches are the costly part: found once, in order, for both the total and the page.
        const ids = this.shapedStatement(`SELECT id FROM documents ${filter} ${order}`).pluck().all(...params) as string[];
        const page = ids.slice(query.offset, query.offset + query.limit);
        const rows = page.map((id) => this.reads.summary.get(id)).filter((r): r is SummaryRow => r !== undefined);
        return { total: ids.length, items: rows.map(decodeSummary) };
      }
      const total = this.shapedStatement(`SELECT count(*) AS total FROM documents ${filter}`).get(...params) as { total: number };
      const rows = this.shapedStatement(`SELECT ${SUMMARY_COLUMNS} FROM documents ${filter} ${order} LIMIT ? OFFSET ?`).all(
        ...params,
        query.limit,
        query.offset,
      ) as SummaryRow[];
      return { total: total.total, items: rows.map(decodeSummary) };
    })();
  }

  async search(query: string, options: SearchOptions): Promise<SearchHit[]> {
    checkPaging('search', options);
    const match = toFtsQuery(query);
    if (match === null) return [];
    let rows: SearchRow[];
    try {
      rows = this.reads.search.all(SNIPPET_OPEN, SNIPPET_CLOSE, MATCH_OPEN, MATCH_CLOSE, match, options.limit, options.offset);
    } catch (cause) {
      throw new StoreError('search', `query ${JSON.stringify(query)} (FTS ${match}) failed: ${reasonOf(cause)}`, { query, match }, cause);
    }
    return rows.map((r) => ({
      docId: r.doc_id,
      title: r.title,
      publisher: r.publisher,
      date: r.date,
      sentenceIndex: r.idx,
      sentenceStart: r.span_start,
      sentenceEnd: r.span_end,
      snippet: r.snippet,
      matches: markedSpans(r.text, r.marked, MATCH_OPEN, MATCH_CLOSE).map((m) => ({
        start: r.span_start + m.start,
        end: r.span_start + m.end,
      })),
      score: -r.rank,
    }));
  }

  async stats(): Promise<StoreStats> {
    return this.reader.transaction(() => readStats(this.reader))();
  }

  async integrityCheck(): Promise<string[]> {
    return integrityProblems(this.db);
  }

  async unlinkedDocuments(limit: number): Promise<string[]> {
    return links.unlinkedDocuments(this.db, limit);
  }

  async eventsInBlocks(blocks: readonly string[]): Promise<Array<{ id: string; documents: string[] }>> {
    return links.eventsInBlocks(this.db, blocks);
  }

  async applyLinks(change: LinkChange): Promise<void> {
    try {
      this.db.transaction(() => links.applyLinks(this.db, change)).immediate();
    } catch (cause) {
      throw new StoreError('applyLinks', `linking ${change.documents.length} documents was rolled back: ${reasonOf(cause)}`, { documents: change.documents.slice(0, 5) }, cause);
    }
  }

  async listEvents(query: EventQuery): Promise<Page<EventSummary>> {
    return this.reader.transaction(() => links.listEvents(this.reader, query))();
  }

  async getEvent(id: string): Promise<CompareEvent | null> {
    return links.getEvent(this.reader, id);
  }

  async mainEvents(documents: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    const statement = this.shapedStatement('SELECT event_id FROM event_documents WHERE doc_id = ? AND main = 1 ORDER BY event_id LIMIT 1').pluck();
    for (const doc of new Set(documents)) {
      const event = statement.get(doc) as string | undefined;
      if (event !== undefined) found.set(doc, event);
    }
    return found;
  }

  async listEntities(query: EntityQuery): Promise<Page<EntitySummary>> {
    return this.reader.transaction(() => links.listEntities(this.reader, query))();
  }

  async getEntity(id: string): Promise<EntityDetail | null> {
    return this.reader.transaction(() => links.getEntity(this.reader, id))();
  }

  async close(): Promise<void> {
    if (this.reader !== this.db && this.reader.open) this.reader.close();
    if (this.db.open) this.db.close();
  }

  private shapedStatement(sql: string): Database.Statement<unknown[], unknown> {
    let statement = this.shaped.get(sql);
    if (!statement) {
      statement = this.reader.prepare(sql);
      this.shaped.set(sql, statement);
    }
    return statement;
  }
}

function checkPaging(operation: string, paging: { limit: number; offset: number }): void {
  const ok = (n: number) => Number.isInteger(n) && n >= 0;
  if (!ok(paging.limit) || !ok(paging.offset)) {
    throw new StoreError(operation, `limit and offset must be integers >= 0 (got ${paging.limit}, ${paging.offset})`, { ...paging });
  }
}
