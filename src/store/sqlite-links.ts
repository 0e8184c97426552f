/**
 * Cross-document entities and events in SQLite: the writes of a linking step and the queries the
 * CLI, API and web app read them back with.
 */
import type Database from 'better-sqlite3';
import type { CompareEvent } from '../model/compare.js';
import type { AttributionFinding, DateValue, EntityType, Mention } from '../model/findings.js';
import {
  cappedTotal,
  countCap,
  entitySummary,
  EVENT_SUMMARY_COLUMNS,
  eventRow,
  eventSummary,
  mergeEntity,
  RELATED,
  STATEMENT_DOCS,
  STATEMENTS,
  type EntityRow,
  type EventSummaryRow,
} from './link-rows.js';
import type {
  EntityDetail,
  EntityQuery,
  EntityRecord,
  EntityStatement,
  EntitySummary,
  EventQuery,
  EventSummary,
  LinkChange,
  Page,
} from './store.js';

export function unlinkedDocuments(db: Database.Database, limit: number): string[] {
  return db.prepare('SELECT id FROM documents WHERE linked = 0 ORDER BY id LIMIT ?').pluck().all(limit) as string[];
}

export function eventsInBlocks(db: Database.Database, blocks: readonly string[]): Array<{ id: string; documents: string[] }> {
  if (blocks.length === 0) return [];
  const ids = new Set<string>();
  const byBlock = db.prepare('SELECT event_id FROM event_blocks WHERE block = ?').pluck();
  for (const block of new Set(blocks)) for (const id of byBlock.all(block) as string[]) ids.add(id);
  const docsOf = db.prepare('SELECT doc_id FROM event_documents WHERE event_id = ? ORDER BY doc_id').pluck();
  return [...ids].sort().map((id) => ({ id, documents: docsOf.all(id) as string[] }));
}

export function applyLinks(db: Database.Database, change: LinkChange): void {
  const touched = new Set<string>();
  const oldLinks = db.prepare('SELECT DISTINCT entity_id FROM document_entities WHERE doc_id = ?').pluck();
  const dropLinks = db.prepare('DELETE FROM document_entities WHERE doc_id = ?');
  for (const doc of change.documents) {
    for (const id of oldLinks.all(doc) as string[]) touched.add(id);
    dropLinks.run(doc);
  }
  // With the document's date, the order an entity page lists its documents in (schema migration 3).
  const link = db.prepare(
    `INSERT OR REPLACE INTO document_entities (doc_id, local_key, entity_id, mentions, date)
     VALUES (@doc, @localKey, @entityId, @mentions, (SELECT date FROM documents WHERE id = @doc))`,
  );
  for (const l of change.entityLinks) {
    link.run({ doc: l.doc, localKey: l.localKey, entityId: l.entityId, mentions: l.mentions });
    touched.add(l.entityId);
  }
  upsertEntities(db, change.entities);
  refreshEntityCounts(db, touched);

  const removeEvent = db.prepare('DELETE FROM events WHERE id = ?');
  for (const id of change.removeEvents) removeEvent.run(id);
  const insertEvent = db.prepare(`INSERT OR REPLACE INTO events
    (id, type, label, date_start, date_end, place, participants, sources, document_count, source_count, point_count, conflict_count, date_value, data)
    VALUES (@id, @type, @label, @date_start, @date_end, @place, @participants, @sources, @document_count, @source_count, @point_count, @conflict_count, @date_value, @data)`);
  const insertDoc = db.prepare('INSERT OR REPLACE INTO event_documents (event_id, doc_id, main) VALUES (?, ?, ?)');
  const insertParticipant = db.prepare('INSERT OR IGNORE INTO event_participants (event_id, entity_id, date_start) VALUES (?, ?, ?)');
  const insertBlock = db.prepare('INSERT OR IGNORE INTO event_blocks (block, event_id) VALUES (?, ?)');
  for (const { event, mainOf, blocks } of change.events) {
    // Replacing an event must also drop its old child rows (INSERT OR REPLACE deletes the row, and
    // the cascade its children, only when foreign keys are on; be explicit either way).
    removeEvent.run(event.id);
    insertEvent.run(eventRow(event));
    const main = new Set(mainOf);
    for (const doc of event.documents) insertDoc.run(event.id, doc, main.has(doc) ? 1 : 0);
    for (const p of event.participants) insertParticipant.run(event.id, p.id, event.date?.start ?? null);
    for (const b of blocks) insertBlock.run(b, event.id);
  }
  const mark = db.prepare('UPDATE documents SET linked = 1 WHERE id = ?');
  for (const doc of change.documents) mark.run(doc);
}

function upsertEntities(db: Database.Database, entities: readonly EntityRecord[]): void {
  const get = db.prepare('SELECT * FROM entities WHERE id = ?');
  const put = db.prepare(`INSERT OR REPLACE INTO entities (id, name, type, aliases, roles, affiliations, document_count, mention_count)
    VALUES (@id, @name, @type, @aliases, @roles, @affiliations, @document_count, @mention_count)`);
  for (const e of entities) {
    const old = get.get(e.id) as EntityRow | undefined;
    const merged = mergeEntity(old && entitySummary(old), e);
    put.run({
      ...merged,
      aliases: JSON.stringify(merged.aliases),
      roles: JSON.stringify(merged.roles),
      affiliations: JSON.stringify(merged.affiliations),
      document_count: old?.document_count ?? 0,
      mention_count: old?.mention_count ?? 0,
    });
  }
}

function refreshEntityCounts(db: Database.Database, ids: ReadonlySet<string>): void {
  const counts = db.prepare(
    'SELECT count(DISTINCT doc_id) AS docs, coalesce(sum(mentions), 0) AS mentions FROM document_entities WHERE entity_id = ?',
  );
  const update = db.prepare('UPDATE entities SET document_count = ?, mention_count = ? WHERE id = ?');
  const drop = db.prepare('DELETE FROM entities WHERE id = ?');
  for (const id of ids) {
    const { docs, mentions } = counts.get(id) as { docs: number; mentions: number };
    if (docs === 0) drop.run(id);
    else update.run(docs, mentions, id);
  }
}

export function listEvents(db: Database.Database, q: EventQuery): Page<EventSummary> {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (q.entity) {
    where.push('e.id IN (SELECT event_id FROM event_participants WHERE entity_id = @entity)');
    params.entity = q.entity;
  }
  if (q.type) {
    where.push('e.type = @type');
    params.type = q.type;
  }
  if (q.from) {
    where.push('coalesce(e.date_end, e.date_start) >= @from');
    params.from = q.from;
  }
  if (q.to) {
    where.push('e.date_start <= @to');
    params.to = q.to;
  }
  if (q.hasConflict !== undefined) where.push(q.hasConflict ? 'e.conflict_count > 0' : 'e.conflict_count = 0');
  const words = (q.text ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
  words.forEach((w, i) => {
    where.push(`(lower(e.label) LIKE @w${i} ESCAPE '\\' OR lower(e.participants) LIKE @w${i} ESCAPE '\\')`);
    params[`w${i}`] = `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  });
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const cap = countCap(q);
  const counted = db.prepare(`SELECT count(*) FROM (SELECT 1 FROM events e ${clause} LIMIT @cap)`).pluck().get({ ...params, cap: cap + 1 }) as number;
  // Undated events sort last: NULLs come last in SQLite's DESC order, the order of the events_list indexes.
  const rows = db
    .prepare(
      `SELECT ${EVENT_SUMMARY_COLUMNS} FROM events e ${clause}
       ORDER BY e.date_start DESC, e.document_count DESC, e.id LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: q.limit, offset: q.offset }) as EventSummaryRow[];
  return { ...cappedTotal(counted, cap), items: rows.map(eventSummary) };
}

export function getEvent(db: Database.Database, id: string): CompareEvent | null {
  const data = db.prepare('SELECT data FROM events WHERE id = ?').pluck().get(id) as string | undefined;
  return data ? (JSON.parse(data) as CompareEvent) : null;
}

export function listEntities(db: Database.Database, q: EntityQuery): Page<EntitySummary> {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (q.type) {
    where.push('type = @type');
    params.type = q.type;
  }
  const words = (q.text ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
  words.forEach((w, i) => {
    where.push(`(lower(name) LIKE @w${i} ESCAPE '\\' OR lower(aliases) LIKE @w${i} ESCAPE '\\')`);
    params[`w${i}`] = `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  });
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = db.prepare(`SELECT count(*) FROM entities ${clause}`).pluck().get(params) as number;
  const rows = db
    .prepare(`SELECT * FROM entities ${clause} ORDER BY mention_count DESC, id LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: q.limit, offset: q.offset }) as EntityRow[];
  return { total, items: rows.map(entitySummary) };
}

export function getEntity(db: Database.Database, id: string): EntityDetail | null {
  const row = db.prepare('SELECT * FROM entities WHERE id = ?').get(id) as EntityRow | undefined;
  if (!row) return null;
  const links = db
    .prepare(
      // Read off document_entities_entity_date in order: the date is the document's (applyLinks, putDocuments).
      `SELECT de.doc_id, de.local_key, d.title, d.date FROM document_entities de JOIN documents d ON d.id = de.doc_id
       WHERE de.entity_id = ? ORDER BY de.date DESC, de.doc_id LIMIT ${STATEMENT_DOCS}`,
    )
    .all(id) as Array<{ doc_id: string; local_key: string; title: string | null; date: string | null }>;
  const byDoc = new Map<string, { keys: Set<string>; title: string | null; date: string | null }>();
  for (const l of links) {
    const entry = byDoc.get(l.doc_id) ?? { keys: new Set<string>(), title: l.title, date: l.date };
    entry.keys.add(l.local_key);
    byDoc.set(l.doc_id, entry);
  }
  // The document's attributions and the mentions of this entity only (its local keys): a document
  // holds dozens of other mentions, not worth carrying into JavaScript.
  const findings = db.prepare(
    `SELECT kind, span_start, span_end, data FROM findings
     WHERE doc_id = ? AND (kind = 'attribution' OR (kind = 'mention' AND json_extract(data, '$.entity') IN (SELECT value FROM json_each(?))))
     ORDER BY kind, idx`,
  );
  // Sliced in JS: offsets are UTF-16 code units, SQLite's substr counts code points.
  const textOf = db.prepare('SELECT text FROM documents WHERE id = ?').pluck();
  const statements: EntityStatement[] = [];
  for (const [doc, { keys, title, date }] of byDoc) {
    // Statements are taken in this order up to the limit, so the documents after it add none.
    if (statements.length >= STATEMENTS) break;
    const rows = findings.all(doc, JSON.stringify([...keys])) as Array<{ kind: string; span_start: number; span_end: number; data: string }>;
    let text: string | null = null;
    const mentions = rows
      .filter((r) => r.kind === 'mention')
      .map((r) => ({ start: r.span_start, end: r.span_end, ...(JSON.parse(r.data) as Omit<Mention, 'start' | 'end'>) }))
      .filter((m) => keys.has(m.entity));
    for (const r of rows) {
      if (r.kind !== 'attribution' || statements.length >= STATEMENTS) continue;
      const at = JSON.parse(r.data) as Omit<AttributionFinding, 'start' | 'end'>;
      const by = at.speaker !== null && keys.has(at.speaker);
      const about =
        !by &&
        mentions.some((m) => at.content.spans.some(([s, e]) => m.start >= s && m.end <= e));
      if (!by && !about) continue;
      const [cs, ce] = [r.span_start, r.span_end];
      statements.push({
        document: doc,
        documentTitle: title,
        date,
        start: cs,
        end: ce,
        text: (text ??= textOf.get(doc) as string).slice(cs, ce),
        cue: at.cue.text,
        relation: by ? 'by' : 'about',
      });
    }
  }
  statements.sort((x, y) => (y.date ?? '').localeCompare(x.date ?? '') || x.document.localeCompare(y.document) || x.start - y.start);
  const related = db
    .prepare(
      `SELECT e.id, e.name, e.type, count(DISTINCT de.doc_id) AS documents
       FROM document_entities de JOIN entities e ON e.id = de.entity_id
       WHERE de.doc_id IN (
         -- Off (entity_id, doc_id) in order: the planner would otherwise take the dated index and sort all the entity's rows.
         SELECT doc_id FROM document_entities INDEXED BY document_entities_entity WHERE entity_id = @id ORDER BY doc_id DESC LIMIT ${STATEMENT_DOCS}
       )
         AND de.entity_id != @id
       GROUP BY e.id ORDER BY documents DESC, e.id LIMIT ${RELATED}`,
    )
    .all({ id }) as Array<{ id: string; name: string; type: EntityType; documents: number }>;
  const events = (
    db
      .prepare(
        // The participant rows carry their event's date_start: read off event_participants_entity_date in order.
        `SELECT e.id, e.label, e.date_value FROM event_participants p JOIN events e ON e.id = p.event_id
         WHERE p.entity_id = ? ORDER BY p.date_start DESC, p.event_id LIMIT 50`,
      )
      .all(id) as Array<{ id: string; label: string; date_value: string | null }>
  ).map((e) => ({ id: e.id, label: e.label, date: e.date_value === null ? null : (JSON.parse(e.date_value) as DateValue) }));
  return { ...entitySummary(row), statements, related, events };
}
