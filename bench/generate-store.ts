/**
 * A large SQLite store for query-latency benchmarks: up to 1,000,000 news-like documents about
 * recurring actors and events, cached under .bench/ (gitignored; never commit it).
 *
 * Running the pipeline and the linker over a million articles would take days on two cores, so:
 *   1. a pool of K distinct generated articles (bench/corpus.ts) is analysed by the real pipeline
 *      (in worker threads) and linked in bulk in memory: event grouping, accounts and points
 *      (link/events.ts + link/compare.ts, what linking everything at once gives) and global
 *      entity ids (link/entities.ts), as link/update.ts computes them;
 *   2. document n of the store is variant v = floor(n / K) of pool article p = n mod K: its own id,
 *      url (so its own content hash), publisher (rotated), and publication date moved back
 *      v mod 20 whole years; the text is the pool article's, unchanged, so every finding keeps its
 *      span, and the dates inside findings (times, event dates) move with the document. Variant v's
 *      copy of a pool event is a separate event (own id, the variants of its documents, dates moved
 *      the same way): the store has K/N as many events per document as the pool, of the same sizes;
 *   3. documents are written through the store's own `putDocuments` (sentences, FTS index,
 *      findings), in batches; entity links, events, participants and blocks are written in bulk with
 *      the store's schema, and entity counts are computed once at the end.
 * What this does not reproduce: a million distinct texts (the full-text index holds N/K copies of
 * each pool sentence, with the vocabulary of the generator), and linking across variants (copies of
 * one event a multiple of a year apart are separate events).
 *
 *   node dist/bench/generate-store.js [--docs 1000000] [--pool 2000] [--force]
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, statfsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { contentHash, toDocument } from '../src/ingest/document.js';
import { decodeAnalysis } from '../src/ingest/worker-transfer.js';
import { WorkerPool } from '../src/ingest/workers.js';
import { compare } from '../src/link/compare.js';
import { globalEntityId, surnameIndex } from '../src/link/entities.js';
import { groupEvents } from '../src/link/events.js';
import type { CompareEvent } from '../src/model/compare.js';
import type { AnalysedDocument } from '../src/model/document.js';
import { packagePath } from '../src/paths.js';
import { latestVersion } from '../src/store/schema.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { articles } from './corpus.js';

export interface GenerateOptions {
  docs: number;
  pool?: number;
  /** Rebuild even when the cached store is there. */
  force?: boolean;
  /** Where to build it (default: under .bench/, named by size, pool and schema version). */
  path?: string;
  log?: (line: string) => void;
}

export interface GeneratedStore {
  path: string;
  documents: number;
  pool: number;
  events: number;
  entities: number;
  bytes: number;
  /** Seconds spent building it; 0 when it came from the cache. */
  seconds: number;
}

const SEED = 42;
const YEARS = 20;
const BATCH = 500;
/** Measured on 200,000 documents: what a document costs on disk with its findings, events and index. */
const BYTES_PER_DOCUMENT = 75_000;
const PUBLISHERS = [
  'The Daily Ledger', 'Global Wire', 'The Evening Courier', 'Northern Times', 'Capital Post', 'World Report',
  'Harbor Herald', 'The Continental', 'Morning Dispatch', 'Atlas News', 'The Chronicle Review', 'Eastern Standard',
];

export function generatedStorePath(docs: number, pool: number): string {
  return packagePath('.bench', `store-${docs}-pool${pool}-schema${latestVersion}.db`);
}

export async function generateStore(options: GenerateOptions): Promise<GeneratedStore> {
  const pool = Math.min(options.pool ?? 2000, options.docs);
  const path = options.path ?? generatedStorePath(options.docs, pool);
  const log = options.log ?? (() => {});
  if (existsSync(path) && !options.force) return describe(path, pool, 0);
  mkdirSync(dirname(path), { recursive: true });
  const need = options.docs * BYTES_PER_DOCUMENT;
  const free = freeBytes(dirname(path));
  if (free < need * 1.2) {
    throw new Error(
      `a store of ${options.docs} documents needs about ${(need / 1e9).toFixed(0)} GB; ${(free / 1e9).toFixed(0)} GB are free here. ` +
        'Build a smaller one (--store-docs 200000) or free disk space.',
    );
  }
  const started = performance.now();
  log(`building ${path}: a pool of ${pool} articles through the pipeline ...`);
  const analysed = await analysePool(pool);
  log(`  linking the pool in bulk ...`);
  const linked = linkPool(analysed);
  log(`  ${linked.events.length} events and ${linked.entities.size} entities in the pool; writing ${options.docs} documents ...`);
  const partial = `${path}.partial`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(partial + suffix, { force: true });
  await writeVariants(partial, options.docs, analysed, linked, log);
  renameSync(partial, path);
  return describe(path, pool, (performance.now() - started) / 1000);
}

/** The biggest store already generated under .bench/ for this schema, if any. */
export function largestGeneratedStore(): GeneratedStore | null {
  const dir = packagePath('.bench');
  if (!existsSync(dir)) return null;
  const found = readdirSync(dir)
    .map((name) => new RegExp(`^store-(\\d+)-pool(\\d+)-schema${latestVersion}\\.db$`).exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ path: join(dir, m[0]), docs: Number(m[1]), pool: Number(m[2]) }))
    .sort((a, b) => b.docs - a.docs)[0];
  return found ? describe(found.path, found.pool, 0) : null;
}

function freeBytes(dir: string): number {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
}

function describe(path: string, pool: number, seconds: number): GeneratedStore {
  const db = new Database(path, { readonly: true });
  try {
    const count = (table: string): number => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    return { path, documents: count('documents'), pool, events: count('events'), entities: count('entities'), bytes: statSync(path).size, seconds: Math.round(seconds) };
  } finally {
    db.close();
  }
}

async function analysePool(size: number): Promise<AnalysedDocument[]> {
  const docs = [...articles(size, SEED)].map((a) => toDocument({ id: a.id, text: a.text, date: a.date, publisher: a.publisher, title: a.title }));
  const workers = new WorkerPool(2);
  try {
    const batches: Array<Promise<AnalysedDocument[]>> = [];
    for (let i = 0; i < docs.length; i += 64) {
      batches.push(
        workers.analyse(docs.slice(i, i + 64)).then((outcomes) =>
          outcomes.map((o, k) => {
            if (!o.ok || !o.bytes) throw new Error(`pool article ${i + k} was not analysed: ${o.ok ? 'no bytes' : o.reason}`);
            return decodeAnalysis(o.bytes, { tokens: true });
          }),
        ),
      );
    }
    return (await Promise.all(batches)).flat();
  } finally {
    await workers.close();
  }
}

interface PoolLinks {
  events: Array<{ event: CompareEvent; mainOf: string[]; blocks: string[] }>;
  /** Per pool document: its entity links. */
  entityLinks: Map<string, Array<{ localKey: string; entityId: string; mentions: number }>>;
  entities: Map<string, { id: string; name: string; type: string; aliases: Set<string>; roles: Set<string>; affiliations: Set<string> }>;
}

/** What linking the pool at once gives: events with accounts and points, and global entities. */
function linkPool(pool: readonly AnalysedDocument[]): PoolLinks {
  const grouping = groupEvents(pool);
  const blocksOf = new Map(grouping.events.map((g) => [g.id, g.blocks]));
  const result = compare(pool, { group: () => grouping });
  const events = result.events.map((event) => ({
    event,
    mainOf: result.documents.filter((d) => d.main_event === event.id).map((d) => d.id),
    blocks: blocksOf.get(event.id) ?? [],
  }));
  const people = surnameIndex(
    pool.flatMap((a) => a.entities.filter((e) => e.type === 'person').map((e) => ({ id: globalEntityId(e), name: e.name, type: e.type }))),
  );
  const entityLinks: PoolLinks['entityLinks'] = new Map();
  const entities: PoolLinks['entities'] = new Map();
  for (const a of pool) {
    const links = [];
    for (const e of a.entities) {
      const id = globalEntityId(e, people);
      links.push({ localKey: e.key, entityId: id, mentions: e.mentions.length });
      const entry = entities.get(id) ?? { id, name: e.name, type: e.type, aliases: new Set<string>(), roles: new Set<string>(), affiliations: new Set<string>() };
      if (e.name.length > entry.name.length) entry.name = e.name;
      for (const x of [e.name, ...e.aliases]) entry.aliases.add(x);
      for (const x of e.roles) entry.roles.add(x);
      for (const x of e.affiliations) entry.affiliations.add(x);
      entities.set(id, entry);
    }
    entityLinks.set(a.doc.id, links);
  }
  return { events, entityLinks, entities };
}

/** Moves every ISO date (YYYY-MM-DD...) in a JSON text back `years` years. */
function shiftDates(json: string, years: number): string {
  if (years === 0) return json;
  // Not after a backslash: a quoted date inside a text is text, and stays as it is.
  return json.replace(/(?<!\\)"(\d{4})-(\d\d)-(\d\d)/g, (_, y: string, m: string, d: string) => {
    const day = m === '02' && d === '29' ? '28' : d;
    return `"${String(Number(y) - years).padStart(4, '0')}-${m}-${day}`;
  });
}

const variantId = (v: number, poolId: string): string => `g${v}-${poolId.slice(`gen-${SEED}-`.length)}`;
const POOL_ID = new RegExp(`gen-${SEED}-(\\d+)`, 'g');

async function writeVariants(path: string, total: number, pool: readonly AnalysedDocument[], links: PoolLinks, log: (line: string) => void): Promise<void> {
  const store = openSqliteStore(path);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const templates = pool.map((a) => JSON.stringify({ ...a, tokens: [] }));
  const eventTemplates = links.events.map((e) => ({ json: JSON.stringify(e.event), id: e.event.id, mainOf: e.mainOf, blocks: e.blocks }));
  // Pool events by the pool document that makes them complete (their greatest document), so a
  // variant's copy of an event is written with the batch that holds all its documents.
  const eventsByLast = new Map<number, typeof eventTemplates>();
  const indexOf = new Map(pool.map((a, i) => [a.doc.id, i]));
  for (const e of eventTemplates) {
    const last = Math.max(...(JSON.parse(e.json) as CompareEvent).documents.map((d) => indexOf.get(d) ?? -1));
    eventsByLast.set(last, [...(eventsByLast.get(last) ?? []), e]);
  }
  const stmts = {
    link: db.prepare('INSERT INTO document_entities (doc_id, local_key, entity_id, mentions, date) VALUES (?, ?, ?, ?, ?)'),
    event: db.prepare(`INSERT INTO events (id, type, label, date_start, date_end, place, participants, sources, document_count, source_count, point_count, conflict_count, date_value, data)
      VALUES (@id, @type, @label, @date_start, @date_end, @place, @participants, @sources, @document_count, @source_count, @point_count, @conflict_count, @date_value, @data)`),
    eventDoc: db.prepare('INSERT INTO event_documents (event_id, doc_id, main) VALUES (?, ?, ?)'),
    participant: db.prepare('INSERT OR IGNORE INTO event_participants (event_id, entity_id, date_start) VALUES (?, ?, ?)'),
    block: db.prepare('INSERT OR IGNORE INTO event_blocks (block, event_id) VALUES (?, ?)'),
  };
  const started = performance.now();
  try {
    for (let n = 0; n < total; n += BATCH) {
      const batch: AnalysedDocument[] = [];
      const linkRows: Array<[string, string, string, number, string | null]> = [];
      const eventRows: CompareEventRecord[] = [];
      for (let k = n; k < Math.min(total, n + BATCH); k++) {
        const v = Math.floor(k / pool.length);
        const p = k % pool.length;
        const source = pool[p] as AnalysedDocument;
        const years = v % YEARS;
        const a = JSON.parse(shiftDates(templates[p] as string, years)) as AnalysedDocument;
        const id = variantId(v, source.doc.id);
        const publisher = PUBLISHERS[(p + v) % PUBLISHERS.length] as string;
        const url = `https://news.example/${v}/${p}`;
        a.doc = { ...a.doc, id, publisher, url, contentHash: contentHash({ text: a.doc.text, publisher, url }) };
        batch.push(a);
        for (const l of links.entityLinks.get(source.doc.id) ?? []) linkRows.push([id, l.localKey, l.entityId, l.mentions, a.doc.date ?? null]);
        // An event is written once all its documents of this variant are.
        for (const e of eventsByLast.get(p) ?? []) eventRows.push(variantEvent(e, v, years));
      }
      await store.putDocuments(batch);
      db.transaction(() => {
        for (const row of linkRows) stmts.link.run(...row);
        for (const e of eventRows) {
          stmts.event.run(e.row);
          for (const [doc, main] of e.documents) stmts.eventDoc.run(e.row.id, doc, main);
          for (const p of e.participants) stmts.participant.run(e.row.id, p, e.row.date_start);
          for (const b of e.blocks) stmts.block.run(b, e.row.id);
        }
      })();
      const done = Math.min(total, n + BATCH);
      if (done % 10_000 === 0 || done === total) {
        const rate = done / ((performance.now() - started) / 1000);
        log(`  ${done} documents (${rate.toFixed(0)} docs/s, ${((total - done) / rate / 60).toFixed(0)} min to go)`);
      }
    }
    log('  entities and their counts ...');
    db.transaction(() => {
      const put = db.prepare(`INSERT INTO entities (id, name, type, aliases, roles, affiliations, document_count, mention_count) VALUES (?, ?, ?, ?, ?, ?, 0, 0)`);
      for (const e of links.entities.values()) {
        put.run(e.id, e.name, e.type, JSON.stringify([...e.aliases].sort()), JSON.stringify([...e.roles].slice(0, 20)), JSON.stringify([...e.affiliations].sort().slice(0, 20)));
      }
      db.exec(`UPDATE entities SET
        document_count = (SELECT count(DISTINCT doc_id) FROM document_entities WHERE entity_id = entities.id),
        mention_count = (SELECT coalesce(sum(mentions), 0) FROM document_entities WHERE entity_id = entities.id)`);
      db.exec('UPDATE documents SET linked = 1');
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('ANALYZE');
  } finally {
    db.close();
    await store.close();
  }
}

interface CompareEventRecord {
  row: Record<string, string | number | null>;
  documents: Array<[string, number]>;
  participants: string[];
  blocks: string[];
}

function variantEvent(e: { json: string; id: string; mainOf: string[]; blocks: string[] }, v: number, years: number): CompareEventRecord {
  const id = `ev_${createHash('sha256').update(`${v}\u0000${e.id}`).digest('hex').slice(0, 16)}`;
  const json = shiftDates(e.json.split(e.id).join(id), years).replace(POOL_ID, (_, i: string) => `g${v}-${i}`);
  const event = JSON.parse(json) as CompareEvent;
  const main = new Set(e.mainOf.map((d) => variantId(v, d)));
  const sources = [...new Set(event.accounts.map((a) => a.source))].sort();
  return {
    row: {
      id,
      type: event.type,
      label: event.label,
      date_start: event.date?.start ?? null,
      date_end: event.date?.end ?? null,
      place: event.place,
      participants: JSON.stringify(event.participants),
      sources: JSON.stringify(sources),
      document_count: event.documents.length,
      source_count: sources.length,
      point_count: event.points.length,
      conflict_count: event.points.filter((p) => p.status === 'conflict').length,
      date_value: event.date === null ? null : JSON.stringify(event.date),
      data: json,
    },
    documents: event.documents.map((d) => [d, main.has(d) ? 1 : 0]),
    participants: event.participants.map((p) => p.id),
    blocks: e.blocks.map((b) => `${b}|v${v}`),
  };
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const { values } = parseArgs({ options: { docs: { type: 'string' }, pool: { type: 'string' }, force: { type: 'boolean' } } });
  const built = await generateStore({
    docs: Number(values.docs ?? 1_000_000),
    pool: Number(values.pool ?? 2000),
    force: values.force ?? false,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(`${JSON.stringify(built)}\n`);
}
