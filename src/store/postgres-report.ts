/** What a PostgreSQL store holds (stats) and whether it is sound (integrity problems). */
import { latestVersion } from './schema.js';
import { schemaVersion } from './postgres-migrate.js';
import type { Queryable } from './postgres-sql.js';
import { FINDING_KINDS } from './store.js';
import type { StoreStats, StoredFindingKind } from './store.js';

export async function readStats(db: Queryable): Promise<StoreStats> {
  const { rows: totalRows } = await db.query<{
    documents: number;
    analysed: number;
    sentences: number;
    characters: number;
    first: string | null;
    last: string | null;
  }>(
    `SELECT count(*) AS documents, coalesce(sum(analysed), 0) AS analysed,
       coalesce(sum(sentence_count), 0) AS sentences, coalesce(sum(text_length), 0) AS characters,
       min(date) AS first, max(date) AS last
     FROM documents`,
  );
  const totals = totalRows[0];
  if (!totals) throw new Error('stats: an aggregate gave no row');
  const findings = Object.fromEntries(FINDING_KINDS.map((k) => [k, 0])) as Record<StoredFindingKind, number>;
  const kinds = await db.query<{ kind: string; n: number }>('SELECT kind, count(*) AS n FROM findings GROUP BY kind');
  for (const row of kinds.rows) {
    if ((FINDING_KINDS as readonly string[]).includes(row.kind)) findings[row.kind as StoredFindingKind] = row.n;
  }
  const warnings = (await db.query<{ n: number }>('SELECT count(*) AS n FROM warnings')).rows[0]?.n ?? 0;
  const countBy = async <K extends 'publisher' | 'source' | 'lang'>(column: K) =>
    (
      await db.query<Record<K, string | null> & { documents: number }>(
        `SELECT ${column}, count(*) AS documents FROM documents GROUP BY ${column} ORDER BY documents DESC, ${column} NULLS LAST`,
      )
    ).rows;
  return {
    documents: totals.documents,
    analysed: totals.analysed,
    // From the per-document counts, which the integrity check holds equal to the sentence rows.
    sentences: totals.sentences,
    characters: totals.characters,
    findings,
    warnings,
    publishers: (await countBy('publisher')).map((r) => ({ publisher: r.publisher, documents: r.documents })),
    sources: (await countBy('source')).map((r) => ({ source: r.source, documents: r.documents })),
    languages: (await countBy('lang')).map((r) => ({ lang: r.lang, documents: r.documents })),
    dates: { from: totals.first, to: totals.last },
    schemaVersion: await schemaVersion(db),
  };
}

/** At most this many lines per kind of problem; a broken store should not print a million lines. */
const SHOWN = 20;

/**
 * The engine keeps its own structures sound (and the tsvector column is generated, so it cannot
 * drift from the text); what is checked is what Rashomon promises on top: whole documents, spans
 * inside their text, no row pointing at nothing, the schema this code expects.
 */
export async function integrityProblems(db: Queryable): Promise<string[]> {
  const problems: string[] = [];
  const rows = async <T extends object>(sql: string) => (await db.query<T>(sql)).rows;

  for (const r of await rows<{ id: string; expected: number; actual: number }>(
    `SELECT d.id, d.sentence_count AS expected, count(s.id) AS actual
     FROM documents d LEFT JOIN sentences s ON s.doc_id = d.id
     GROUP BY d.id HAVING d.sentence_count <> count(s.id) ORDER BY d.id LIMIT ${SHOWN}`,
  )) {
    problems.push(`document ${r.id} should have ${r.expected} sentences but has ${r.actual}`);
  }
  for (const r of await rows<{ doc_id: string; what: string; span_start: number; span_end: number; text_length: number }>(
    `SELECT x.doc_id, x.what, x.span_start, x.span_end, d.text_length FROM (
       SELECT doc_id, 'sentence ' || idx AS what, span_start, span_end FROM sentences
       UNION ALL SELECT doc_id, kind || ' ' || idx, span_start, span_end FROM findings
       UNION ALL SELECT doc_id, 'warning ' || idx, span_start, span_end FROM warnings WHERE span_end IS NOT NULL
     ) AS x JOIN documents d ON d.id = x.doc_id
     WHERE x.span_end > d.text_length OR x.span_start < 0 OR x.span_start > x.span_end
     ORDER BY x.doc_id, x.what LIMIT ${SHOWN}`,
  )) {
    problems.push(`${r.what} of document ${r.doc_id} has span [${r.span_start}, ${r.span_end}) outside its text of length ${r.text_length}`);
  }
  // Orphans: the foreign keys PostgreSQL enforces, and the references the schema leaves to the linking code.
  const orphans: Array<[string, string, string, string]> = [
    ['sentences', 'doc_id', 'documents', 'a sentence'],
    ['findings', 'doc_id', 'documents', 'a finding'],
    ['warnings', 'doc_id', 'documents', 'a warning'],
    ['document_entities', 'doc_id', 'documents', 'an entity link'],
    ['document_entities', 'entity_id', 'entities', 'an entity link'],
    ['event_documents', 'doc_id', 'documents', 'an event'],
    ['event_documents', 'event_id', 'events', 'an event document'],
    ['event_participants', 'event_id', 'events', 'an event participant'],
    ['event_blocks', 'event_id', 'events', 'an event block'],
  ];
  for (const [table, column, parent, what] of orphans) {
    for (const r of await rows<{ ref: string }>(
      `SELECT DISTINCT c.${column} AS ref FROM ${table} c
       WHERE NOT EXISTS (SELECT 1 FROM ${parent} p WHERE p.id = c.${column}) ORDER BY 1 LIMIT ${SHOWN}`,
    )) {
      problems.push(`${what} in ${table} refers to ${parent.replace(/s$/, '')} ${r.ref}, which is not stored`);
    }
  }
  for (const r of await rows<{ id: string; stored: number; actual: number }>(
    `SELECT e.id, e.document_count AS stored, count(DISTINCT de.doc_id) AS actual
     FROM entities e LEFT JOIN document_entities de ON de.entity_id = e.id
     GROUP BY e.id HAVING e.document_count <> count(DISTINCT de.doc_id) ORDER BY e.id LIMIT ${SHOWN}`,
  )) {
    problems.push(`entity ${r.id} counts ${r.stored} documents but is linked from ${r.actual}`);
  }
  // The dates link rows are listed by (migration 3) must be their document's and their event's.
  for (const r of await rows<{ what: string; ref: string }>(
    `(SELECT 'entity link' AS what, de.doc_id AS ref FROM document_entities de JOIN documents d ON d.id = de.doc_id
      WHERE de.date IS DISTINCT FROM d.date ORDER BY 2 LIMIT ${SHOWN})
     UNION ALL
     (SELECT 'event participant', p.event_id FROM event_participants p JOIN events e ON e.id = p.event_id
      WHERE p.date_start IS DISTINCT FROM e.date_start ORDER BY 2 LIMIT ${SHOWN})`,
  )) {
    problems.push(`an ${r.what} of ${r.ref} has another date than ${r.what === 'entity link' ? 'its document' : 'its event'}`);
  }
  const version = await schemaVersion(db);
  if (version !== latestVersion) problems.push(`schema version is ${version}, expected ${latestVersion}`);
  return problems;
}
