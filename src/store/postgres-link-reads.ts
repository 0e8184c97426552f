/**
 * Reading cross-document events and entities back from PostgreSQL: the same queries and the same
 * results as sqlite-links.ts (NULLs placed explicitly, since PostgreSQL sorts them first in DESC).
 */
import type { CompareEvent } from '../model/compare.js';
import type { AttributionFinding, DateValue, EntityType, Mention } from '../model/findings.js';
import {
  cappedTotal,
  countCap,
  entitySummary,
  EVENT_SUMMARY_COLUMNS,
  eventSummary,
  RELATED,
  STATEMENT_DOCS,
  STATEMENTS,
  type EntityRow,
  type EventSummaryRow,
} from './link-rows.js';
import type { Queryable } from './postgres-sql.js';
import type { EntityDetail, EntityQuery, EntityStatement, EntitySummary, EventQuery, EventSummary, Page } from './store.js';

const WORDS = 8;

/** Conditions over numbered parameters. */
class Where {
  readonly conditions: string[] = [];
  readonly params: unknown[] = [];
  /** Adds `value` as the next parameter and the condition `make` builds around its placeholder. */
  add(value: unknown, make: (p: string) => string): void {
    this.params.push(value);
    this.conditions.push(make(`$${this.params.length}`));
  }
  get clause(): string {
    return this.conditions.length > 0 ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
  /** `LIMIT .. OFFSET ..` with their parameters appended. */
  page(limit: number, offset: number): string {
    this.params.push(limit, offset);
    return `LIMIT $${this.params.length - 1} OFFSET $${this.params.length}`;
  }
}

/** Lowercased words of a free-text filter, each as a LIKE pattern that matches it literally. */
function likePatterns(text: string | undefined): string[] {
  const words = (text ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, WORDS);
  return words.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

export async function listEvents(db: Queryable, q: EventQuery): Promise<Page<EventSummary>> {
  const where = new Where();
  if (q.entity) where.add(q.entity, (p) => `e.id IN (SELECT event_id FROM event_participants WHERE entity_id = ${p})`);
  if (q.type) where.add(q.type, (p) => `e.type = ${p}`);
  if (q.from) where.add(q.from, (p) => `coalesce(e.date_end, e.date_start) >= ${p}`);
  if (q.to) where.add(q.to, (p) => `e.date_start <= ${p}`);
  if (q.hasConflict !== undefined) where.conditions.push(q.hasConflict ? 'e.conflict_count > 0' : 'e.conflict_count = 0');
  for (const pattern of likePatterns(q.text)) {
    where.add(pattern, (p) => `(lower(e.label) LIKE ${p} ESCAPE '\\' OR lower(e.participants) LIKE ${p} ESCAPE '\\')`);
  }
  const clause = where.clause;
  const cap = countCap(q);
  const counted =
    (
      await db.query<{ n: number }>(`SELECT count(*) AS n FROM (SELECT 1 FROM events e ${clause} LIMIT $${where.params.length + 1}) AS c`, [
        ...where.params,
        cap + 1,
      ])
    ).rows[0]?.n ?? 0;
  const paging = where.page(q.limit, q.offset);
  const { rows } = await db.query<EventSummaryRow>(
    `SELECT ${EVENT_SUMMARY_COLUMNS} FROM events e ${clause}
     ORDER BY e.date_start DESC NULLS LAST, e.document_count DESC, e.id ${paging}`,
    where.params,
  );
  return { ...cappedTotal(counted, cap), items: rows.map(eventSummary) };
}

export async function getEvent(db: Queryable, id: string): Promise<CompareEvent | null> {
  const { rows } = await db.query<{ data: string }>('SELECT data FROM events WHERE id = $1', [id]);
  const data = rows[0]?.data;
  return data ? (JSON.parse(data) as CompareEvent) : null;
}

export async function listEntities(db: Queryable, q: EntityQuery): Promise<Page<EntitySummary>> {
  const where = new Where();
  if (q.type) where.add(q.type, (p) => `type = ${p}`);
  for (const pattern of likePatterns(q.text)) {
    where.add(pattern, (p) => `(lower(name) LIKE ${p} ESCAPE '\\' OR lower(aliases) LIKE ${p} ESCAPE '\\')`);
  }
  const clause = where.clause;
  const total = (await db.query<{ n: number }>(`SELECT count(*) AS n FROM entities ${clause}`, where.params)).rows[0]?.n ?? 0;
  const paging = where.page(q.limit, q.offset);
  const { rows } = await db.query<EntityRow>(`SELECT * FROM entities ${clause} ORDER BY mention_count DESC, id ${paging}`, where.params);
  return { total, items: rows.map(entitySummary) };
}

interface FindingRow {
  doc_id: string;
  kind: string;
  span_start: number;
  span_end: number;
  data: string;
}

export async function getEntity(db: Queryable, id: string): Promise<EntityDetail | null> {
  const row = (await db.query<EntityRow>('SELECT * FROM entities WHERE id = $1', [id])).rows[0];
  if (!row) return null;
  const { rows: links } = await db.query<{ doc_id: string; local_key: string; title: string | null; date: string | null }>(
    `SELECT de.doc_id, de.local_key, d.title, d.date FROM document_entities de JOIN documents d ON d.id = de.doc_id
     WHERE de.entity_id = $1 ORDER BY de.date DESC NULLS LAST, de.doc_id LIMIT ${STATEMENT_DOCS}`,
    [id],
  );
  const byDoc = new Map<string, { keys: Set<string>; title: string | null; date: string | null }>();
  for (const l of links) {
    const entry = byDoc.get(l.doc_id) ?? { keys: new Set<string>(), title: l.title, date: l.date };
    entry.keys.add(l.local_key);
    byDoc.set(l.doc_id, entry);
  }
  const { rows: findingRows } = await db.query<FindingRow>(
    `SELECT doc_id, kind, span_start, span_end, data FROM findings
     WHERE doc_id = ANY($1::text[]) AND kind IN ('attribution', 'mention') ORDER BY doc_id, kind, idx`,
    [[...byDoc.keys()]],
  );
  const findingsOf = new Map<string, FindingRow[]>();
  for (const f of findingRows) {
    const list = findingsOf.get(f.doc_id);
    if (list) list.push(f);
    else findingsOf.set(f.doc_id, [f]);
  }

  const found: Array<Omit<EntityStatement, 'text'>> = [];
  for (const [doc, { keys, title, date }] of byDoc) {
    // Statements are taken in this order up to the limit, so the documents after it add none.
    if (found.length >= STATEMENTS) break;
    const rows = findingsOf.get(doc) ?? [];
    const mentions = rows
      .filter((r) => r.kind === 'mention')
      .map((r) => ({ start: r.span_start, end: r.span_end, ...(JSON.parse(r.data) as Omit<Mention, 'start' | 'end'>) }))
      .filter((m) => keys.has(m.entity));
    for (const r of rows) {
      if (r.kind !== 'attribution' || found.length >= STATEMENTS) continue;
      const at = JSON.parse(r.data) as Omit<AttributionFinding, 'start' | 'end'>;
      const by = at.speaker !== null && keys.has(at.speaker);
      const about = !by && mentions.some((m) => at.content.spans.some(([s, e]) => m.start >= s && m.end <= e));
      if (!by && !about) continue;
      found.push({ document: doc, documentTitle: title, date, start: r.span_start, end: r.span_end, cue: at.cue.text, relation: by ? 'by' : 'about' });
    }
  }
  // Cut from the text in UTF-16 code units, the offsets' own unit.
  const texts = new Map(
    (await db.query<{ id: string; text: string }>('SELECT id, text FROM documents WHERE id = ANY($1::text[])', [[...new Set(found.map((s) => s.document))]])).rows.map(
      (r) => [r.id, r.text],
    ),
  );
  const statements: EntityStatement[] = found.map((s) => ({ ...s, text: texts.get(s.document)?.slice(s.start, s.end) ?? '' }));
  statements.sort((x, y) => (y.date ?? '').localeCompare(x.date ?? '') || x.document.localeCompare(y.document) || x.start - y.start);

  const { rows: related } = await db.query<{ id: string; name: string; type: EntityType; documents: number }>(
    `SELECT e.id, e.name, e.type, count(DISTINCT de.doc_id) AS documents
     FROM document_entities de JOIN entities e ON e.id = de.entity_id
     WHERE de.doc_id IN (SELECT doc_id FROM document_entities WHERE entity_id = $1 ORDER BY doc_id DESC LIMIT ${STATEMENT_DOCS})
       AND de.entity_id <> $1
     GROUP BY e.id ORDER BY documents DESC, e.id LIMIT ${RELATED}`,
    [id],
  );
  const { rows: eventRows } = await db.query<{ id: string; label: string; date_value: string | null }>(
    `SELECT e.id, e.label, e.date_value FROM event_participants p JOIN events e ON e.id = p.event_id
     WHERE p.entity_id = $1 ORDER BY p.date_start DESC NULLS LAST, p.event_id LIMIT 50`,
    [id],
  );
  const events = eventRows.map((e) => ({ id: e.id, label: e.label, date: e.date_value === null ? null : (JSON.parse(e.date_value) as DateValue) }));
  return { ...entitySummary(row), statements, related, events };
}
