/** What a SQLite store holds (stats) and whether it is sound (integrity problems). */
import type { Database } from 'better-sqlite3';
import { reasonOf } from './errors.js';
import { latestVersion } from './schema.js';
import { schemaVersion } from './sqlite-migrate.js';
import { FINDING_KINDS } from './store.js';
import type { StoreStats, StoredFindingKind } from './store.js';

export function readStats(db: Database): StoreStats {
  const totals = db
    .prepare(
      `SELECT count(*) AS documents, coalesce(sum(analysed), 0) AS analysed,
         coalesce(sum(sentence_count), 0) AS sentences, coalesce(sum(text_length), 0) AS characters,
         min(date) AS first, max(date) AS last
       FROM documents`,
    )
    .get() as { documents: number; analysed: number; sentences: number; characters: number; first: string | null; last: string | null };
  const findings = Object.fromEntries(FINDING_KINDS.map((k) => [k, 0])) as Record<StoredFindingKind, number>;
  for (const row of db.prepare('SELECT kind, count(*) AS n FROM findings GROUP BY kind').all() as Array<{ kind: string; n: number }>) {
    if ((FINDING_KINDS as readonly string[]).includes(row.kind)) findings[row.kind as StoredFindingKind] = row.n;
  }
  const warnings = (db.prepare('SELECT count(*) AS n FROM warnings').get() as { n: number }).n;
  const countBy = <K extends string>(column: K) =>
    db
      .prepare(`SELECT ${column}, count(*) AS documents FROM documents GROUP BY ${column} ORDER BY documents DESC, ${column} NULLS LAST`)
      .all() as Array<Record<K, string | null> & { documents: number }>;
  return {
    documents: totals.documents,
    analysed: totals.analysed,
    // From the per-document counts, which the integrity check holds equal to the sentence rows.
    sentences: totals.sentences,
    characters: totals.characters,
    findings,
    warnings,
    publishers: countBy('publisher').map((r) => ({ publisher: r.publisher, documents: r.documents })),
    sources: countBy('source').map((r) => ({ source: r.source, documents: r.documents })),
    languages: countBy('lang').map((r) => ({ lang: r.lang, documents: r.documents })),
    dates: { from: totals.first, to: totals.last },
    schemaVersion: schemaVersion(db),
  };
}

/** At most this many lines per kind of problem; a broken store should not print a million lines. */
const SHOWN = 20;

export function integrityProblems(db: Database): string[] {
  const problems: string[] = [];
  const rows = <T>(sql: string) => db.prepare(sql).all() as T[];

  for (const r of rows<{ integrity_check: string }>(`PRAGMA integrity_check(${SHOWN})`)) {
    if (r.integrity_check !== 'ok') problems.push(`sqlite: ${r.integrity_check}`);
  }
  for (const r of rows<{ table: string; rowid: number | null; parent: string }>('PRAGMA foreign_key_check').slice(0, SHOWN)) {
    problems.push(`${r.table} row ${r.rowid ?? '?'} refers to a missing ${r.parent} row`);
  }
  try {
    // With rank 1, FTS5 also compares the index with the sentences table it is built from.
    db.prepare("INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)").run();
  } catch (cause) {
    problems.push(`full-text index does not match the sentences: ${reasonOf(cause)}`);
  }
  for (const r of rows<{ id: string; expected: number; actual: number }>(
    `SELECT id, sentence_count AS expected, (SELECT count(*) FROM sentences s WHERE s.doc_id = d.id) AS actual
     FROM documents d WHERE expected != actual LIMIT ${SHOWN}`,
  )) {
    problems.push(`document ${r.id} should have ${r.expected} sentences but has ${r.actual}`);
  }
  for (const r of rows<{ doc_id: string; what: string; span_start: number; span_end: number; text_length: number }>(
    `SELECT x.doc_id, x.what, x.span_start, x.span_end, d.text_length FROM (
       SELECT doc_id, 'sentence ' || idx AS what, span_start, span_end FROM sentences
       UNION ALL SELECT doc_id, kind || ' ' || idx, span_start, span_end FROM findings
       UNION ALL SELECT doc_id, 'warning ' || idx, span_start, span_end FROM warnings WHERE span_end IS NOT NULL
     ) AS x JOIN documents d ON d.id = x.doc_id
     WHERE x.span_end > d.text_length OR x.span_start < 0 OR x.span_start > x.span_end LIMIT ${SHOWN}`,
  )) {
    problems.push(`${r.what} of document ${r.doc_id} has span [${r.span_start}, ${r.span_end}) outside its text of length ${r.text_length}`);
  }
  // The dates link rows are listed by (migration 3) must be their document's and their event's.
  for (const r of rows<{ what: string; ref: string }>(
    `SELECT * FROM (SELECT 'entity link' AS what, de.doc_id AS ref FROM document_entities de JOIN documents d ON d.id = de.doc_id
       WHERE de.date IS NOT d.date LIMIT ${SHOWN})
     UNION ALL
     SELECT * FROM (SELECT 'event participant', p.event_id FROM event_participants p JOIN events e ON e.id = p.event_id
       WHERE p.date_start IS NOT e.date_start LIMIT ${SHOWN})`,
  )) {
    problems.push(`an ${r.what} of ${r.ref} has another date than ${r.what === 'entity link' ? 'its document' : 'its event'}`);
  }
  const version = schemaVersion(db);
  if (version !== latestVersion) problems.push(`schema version is ${version}, expected ${latestVersion}`);
  return problems;
}
