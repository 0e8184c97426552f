/**
 * The writes of one linking step on PostgreSQL, once postgres-links.ts has locked the neighbourhood
 * and found it as the step read it: the documents' entity links, the entities they touch, the
 * neighbourhood's events replaced by the regrouped ones, the documents marked linked. The same rows
 * as sqlite-links.ts writes, in set-wise statements.
 */
import type { PoolClient } from 'pg';
import { eventRow, mergeEntity } from './link-rows.js';
import type { EntityRecord, LinkChange } from './store.js';

/** Events the change deletes or replaces. */
export function rewrittenEvents(change: LinkChange): string[] {
  return [...new Set([...change.removeEvents, ...change.events.map((e) => e.event.id)])];
}

export async function writeLinkChange(client: PoolClient, change: LinkChange): Promise<void> {
  const docs = [...new Set(change.documents)].sort();
  await client.query('SELECT id FROM documents WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE', [docs]);
  const touched = new Set(
    (await client.query<{ entity_id: string }>('SELECT DISTINCT entity_id FROM document_entities WHERE doc_id = ANY($1::text[])', [docs])).rows.map(
      (r) => r.entity_id,
    ),
  );
  await client.query('DELETE FROM document_entities WHERE doc_id = ANY($1::text[])', [docs]);
  const links = [...lastById(change.entityLinks.map((l) => [`${l.doc}\u0000${l.localKey}`, l] as const)).values()];
  await client.query(
    // With the document's date, the order an entity page lists its documents in (schema migration 3).
    `INSERT INTO document_entities (doc_id, local_key, entity_id, mentions, date)
     SELECT l.*, d.date FROM unnest($1::text[], $2::text[], $3::text[], $4::int[]) AS l (doc_id, local_key, entity_id, mentions)
       LEFT JOIN documents d ON d.id = l.doc_id`,
    [links.map((l) => l.doc), links.map((l) => l.localKey), links.map((l) => l.entityId), links.map((l) => l.mentions)],
  );
  for (const l of links) touched.add(l.entityId);
  await upsertEntities(client, change.entities);
  const upserted = new Set(change.entities.map((e) => e.id));
  // Entities only losing a link (a document linked again) are locked too before they are recounted.
  const others = [...touched].filter((id) => !upserted.has(id)).sort();
  if (others.length > 0) await client.query('SELECT id FROM entities WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE', [others]);
  await refreshEntityCounts(client, [...touched]);

  await client.query('DELETE FROM events WHERE id = ANY($1::text[])', [rewrittenEvents(change)]);
  await insertEvents(client, [...lastById(change.events.map((e) => [e.event.id, e] as const)).values()]);
  await client.query('UPDATE documents SET linked = 1 WHERE id = ANY($1::text[])', [docs]);
}

/**
 * One upsert in id order inserts the new entities and row-locks the stored ones, giving back what is
 * stored (a no-op update returns the row as it was); the merge is then written over it. Merging is
 * idempotent, so a row just inserted from the record merges to itself.
 */
async function upsertEntities(client: PoolClient, entities: readonly EntityRecord[]): Promise<void> {
  const byId = new Map<string, EntityRecord>();
  for (const e of entities) {
    const before = byId.get(e.id);
    byId.set(e.id, before ? { ...e, ...mergeEntity(before, e) } : e);
  }
  const fresh = [...byId.values()].map((e) => mergeEntity(undefined, e)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (fresh.length === 0) return;
  const json = (list: string[][]) => list.map((x) => JSON.stringify(x));
  const { rows } = await client.query<{ id: string; name: string; aliases: string; roles: string; affiliations: string }>(
    `INSERT INTO entities (id, name, type, aliases, roles, affiliations, document_count, mention_count)
     SELECT t.*, 0, 0 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
       AS t(id, name, type, aliases, roles, affiliations) ORDER BY t.id
     ON CONFLICT (id) DO UPDATE SET name = entities.name
     RETURNING id, name, aliases, roles, affiliations`,
    [fresh.map((e) => e.id), fresh.map((e) => e.name), fresh.map((e) => e.type), json(fresh.map((e) => e.aliases)), json(fresh.map((e) => e.roles)), json(fresh.map((e) => e.affiliations))],
  );
  const merged = rows.map((r) => {
    const record = byId.get(r.id) as EntityRecord;
    const old = { name: r.name, aliases: JSON.parse(r.aliases) as string[], roles: JSON.parse(r.roles) as string[], affiliations: JSON.parse(r.affiliations) as string[] };
    return mergeEntity(old, record);
  });
  await client.query(
    `UPDATE entities SET name = t.name, type = t.type, aliases = t.aliases, roles = t.roles, affiliations = t.affiliations
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS t(id, name, type, aliases, roles, affiliations)
     WHERE entities.id = t.id`,
    [merged.map((e) => e.id), merged.map((e) => e.name), merged.map((e) => e.type), json(merged.map((e) => e.aliases)), json(merged.map((e) => e.roles)), json(merged.map((e) => e.affiliations))],
  );
}

async function refreshEntityCounts(client: PoolClient, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await client.query(
    `UPDATE entities e SET document_count = c.docs, mention_count = c.mentions
     FROM (SELECT entity_id, count(DISTINCT doc_id) AS docs, coalesce(sum(mentions), 0) AS mentions
           FROM document_entities WHERE entity_id = ANY($1::text[]) GROUP BY entity_id) AS c
     WHERE e.id = c.entity_id`,
    [ids],
  );
  await client.query(
    `DELETE FROM entities e WHERE e.id = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM document_entities de WHERE de.entity_id = e.id)`,
    [ids],
  );
}

async function insertEvents(client: PoolClient, records: LinkChange['events']): Promise<void> {
  if (records.length === 0) return;
  const rows = records.map((r) => eventRow(r.event));
  const column = <K extends keyof ReturnType<typeof eventRow>>(k: K) => rows.map((r) => r[k]);
  await client.query(
    `INSERT INTO events (id, type, label, date_start, date_end, place, participants, sources, document_count,
       source_count, point_count, conflict_count, date_value, data)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
       $9::int[], $10::int[], $11::int[], $12::int[], $13::text[], $14::text[])`,
    [
      column('id'), column('type'), column('label'), column('date_start'), column('date_end'), column('place'), column('participants'),
      column('sources'), column('document_count'), column('source_count'), column('point_count'), column('conflict_count'),
      column('date_value'), column('data'),
    ],
  );
  const documents = records.flatMap(({ event, mainOf }) => {
    const main = new Set(mainOf);
    return [...new Set(event.documents)].map((doc) => [event.id, doc, main.has(doc) ? 1 : 0] as const);
  });
  await client.query(
    'INSERT INTO event_documents (event_id, doc_id, main) SELECT * FROM unnest($1::text[], $2::text[], $3::int[])',
    [documents.map((d) => d[0]), documents.map((d) => d[1]), documents.map((d) => d[2])],
  );
  const participants = records.flatMap(({ event }) => event.participants.map((p) => [event.id, p.id, event.date?.start ?? null] as const));
  await client.query(
    `INSERT INTO event_participants (event_id, entity_id, date_start) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
     ON CONFLICT DO NOTHING`,
    [participants.map((p) => p[0]), participants.map((p) => p[1]), participants.map((p) => p[2])],
  );
  const blocks = records.flatMap(({ event, blocks: keys }) => keys.map((b) => [b, event.id] as const));
  await client.query(
    'INSERT INTO event_blocks (block, event_id) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING',
    [blocks.map((b) => b[0]), blocks.map((b) => b[1])],
  );
}

/** The last value for each key, in order of first appearance (INSERT OR REPLACE keeps the last write). */
function lastById<V>(entries: ReadonlyArray<readonly [string, V]>): Map<string, V> {
  const map = new Map<string, V>();
  for (const [k, v] of entries) map.set(k, v);
  return map;
}

