/**
 * Writing one analysed document into PostgreSQL inside a batch's transaction, idempotent when other
 * processes write the same documents at the same moment. A new document is one statement (the row
 * and all its children, through data-modifying CTEs): `ON CONFLICT (id) DO NOTHING` means a second
 * process inserting the same id waits for the first to commit, then inserts nothing and compares
 * content hashes. A stored document is rewritten only under its row lock.
 */
import type { PoolClient } from 'pg';
import type { DocumentRow, DocumentRows, FindingRow, SentenceRow, WarningRow } from './codec.js';
import { StoreError } from './errors.js';
import type { PutStatus } from './store.js';

const DOCUMENT_COLUMNS = `id, content_hash, title, date, publisher, source, url, byline, lang, path, text,
  text_length, body_start, analysed, sentence_count, ingested_at, updated_at`;

/** The children of document `d` (a CTE giving its id), from parameters $18 on: one statement writes them all. */
const CHILDREN = `
  s AS (INSERT INTO sentences (doc_id, idx, span_start, span_end, paragraph, first_token, last_token, text)
        SELECT d.id, t.* FROM d, unnest($18::int[], $19::int[], $20::int[], $21::int[], $22::int[], $23::int[], $24::text[]) AS t),
  f AS (INSERT INTO findings (doc_id, kind, idx, span_start, span_end, data)
        SELECT d.id, t.* FROM d, unnest($25::text[], $26::int[], $27::int[], $28::int[], $29::text[]) AS t),
  w AS (INSERT INTO warnings (doc_id, idx, code, stage, message, span_start, span_end)
        SELECT d.id, t.* FROM d, unnest($30::int[], $31::text[], $32::text[], $33::text[], $34::int[], $35::int[]) AS t)`;

function documentParams(d: DocumentRow): unknown[] {
  return [d.id, d.content_hash, d.title, d.date, d.publisher, d.source, d.url, d.byline, d.lang, d.path, d.text,
    d.text_length, d.body_start, d.analysed, d.sentence_count, d.ingested_at, d.updated_at];
}

function childParams(rows: DocumentRows): unknown[] {
  const col = <T, K extends keyof T>(list: readonly T[], k: K) => list.map((r) => r[k]);
  const { sentences: s, findings: f, warnings: w } = rows;
  return [
    col<SentenceRow, 'idx'>(s, 'idx'), col(s, 'span_start'), col(s, 'span_end'), col(s, 'paragraph'), col(s, 'first_token'), col(s, 'last_token'), col(s, 'text'),
    col<FindingRow, 'kind'>(f, 'kind'), col(f, 'idx'), col(f, 'span_start'), col(f, 'span_end'), col(f, 'data'),
    col<WarningRow, 'idx'>(w, 'idx'), col(w, 'code'), col(w, 'stage'), col(w, 'message'), col(w, 'span_start'), col(w, 'span_end'),
  ];
}

/** What the batch knows of a stored document: its content, and whether this transaction holds its row lock. */
interface Known {
  hash: string;
  ingestedAt: string;
  locked: boolean;
}

/** Documents the batch has written or read, by id. */
export type KnownDocuments = Map<string, Known>;

export async function putDocument(client: PoolClient, rows: DocumentRows, replace: boolean, known: KnownDocuments): Promise<PutStatus> {
  const { id, content_hash: hash } = rows.document;
  let stored = known.get(id);
  if (!stored) {
    const inserted = await client.query<{ inserted: number }>(
      `WITH d AS (INSERT INTO documents (${DOCUMENT_COLUMNS})
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
         ON CONFLICT (id) DO NOTHING RETURNING id), ${CHILDREN}
       SELECT count(*)::int AS inserted FROM d`,
      [...documentParams(rows.document), ...childParams(rows)],
    );
    if (inserted.rows[0]?.inserted === 1) {
      known.set(id, { hash, ingestedAt: rows.document.ingested_at, locked: true });
      return 'added';
    }
    // Stored already (maybe by another process a moment ago, which the insert waited for).
    stored = await storedVersion(client, id, false);
    known.set(id, stored);
  }
  if (stored.hash === hash && !replace) return 'unchanged';
  if (!stored.locked) {
    stored = await storedVersion(client, id, true);
    if (stored.hash === hash && !replace) {
      known.set(id, stored);
      return 'unchanged';
    }
  }
  const document = { ...rows.document, ingested_at: stored.ingestedAt };
  await client.query(
    `WITH s AS (DELETE FROM sentences WHERE doc_id = $1), f AS (DELETE FROM findings WHERE doc_id = $1),
       w AS (DELETE FROM warnings WHERE doc_id = $1),
       -- Entity links carry their document's date (the order of an entity page) until linking rewrites them.
       l AS (UPDATE document_entities SET date = $4 WHERE doc_id = $1)
     UPDATE documents SET content_hash = $2, title = $3, date = $4, publisher = $5, source = $6, url = $7, byline = $8,
       lang = $9, path = $10, text = $11, text_length = $12, body_start = $13, analysed = $14, sentence_count = $15,
       ingested_at = $16, updated_at = $17, linked = 0
     WHERE id = $1`,
    documentParams(document),
  );
  // A statement of its own: beside the deletes, the new children would meet the old in the unique indexes.
  await client.query(`WITH d AS (SELECT $1::text AS id), ${CHILDREN.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) - 16}`)} SELECT 1`, [
    id,
    ...childParams(rows),
  ]);
  known.set(id, { hash, ingestedAt: stored.ingestedAt, locked: true });
  return 'updated';
}

async function storedVersion(client: PoolClient, id: string, lock: boolean): Promise<Known> {
  const { rows } = await client.query<{ content_hash: string; ingested_at: string }>(
    `SELECT content_hash, ingested_at FROM documents WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  const row = rows[0];
  // Documents are never deleted, so a row once seen stays.
  if (!row) throw new Error(`document ${id} conflicted on insert but cannot be read`);
  return { hash: row.content_hash, ingestedAt: row.ingested_at, locked: lock };
}

/** PostgreSQL text cannot hold U+0000; say which document and field rather than fail on the wire. */
export function refuseNul(rows: DocumentRows): DocumentRows {
  const d = rows.document;
  const fields: Array<[string, string | null]> = [
    ['text', d.text], ['id', d.id], ['title', d.title], ['publisher', d.publisher], ['source', d.source], ['url', d.url],
    ['byline', d.byline], ['path', d.path], ['date', d.date], ['lang', d.lang],
    ...rows.warnings.map((w, i): [string, string | null] => [`warning ${i}`, `${w.code ?? ''}${w.stage}${w.message}`]),
  ];
  for (const [field, value] of fields) {
    if (value?.includes('\u0000')) {
      throw new StoreError('putDocuments', `the ${field} of document ${d.id} contains U+0000 (NUL), which PostgreSQL text cannot hold`, {
        docId: d.id,
        field,
      });
    }
  }
  return rows;
}
