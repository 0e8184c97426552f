/**
 * Cross-document linking is incremental: a document links into the events it touches, found by
 * blocking keys, and the events come out the same whatever the order and grouping of arrival.
 * Given one corpus (the examples, the readouts-dev documents when ../shared/data is there, and
 * generated news articles about recurring actors and events), ingesting it in two halves gives the
 * events that ingesting it at once gives (ids, documents, points), whichever half comes first and
 * however small the linking steps, and ingesting it with one or two analysis workers gives
 * identical stores.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articles } from '../../bench/corpus.js';
import { ingest, type IngestOptions } from '../../src/ingest/run.js';
import type { CompareEvent } from '../../src/model/compare.js';
import { packagePath } from '../../src/paths.js';
import { openSqliteStore } from '../../src/store/sqlite.js';

const READOUTS = packagePath('..', 'shared', 'data', 'readouts-dev', 'docs.jsonl');
const GENERATED = 240;

let dir: string;
/** The corpus as paths: the whole, and two halves that together are the whole. */
let whole: string[];
let halves: [string[], string[]];

function jsonl(name: string, records: readonly object[]): string {
  const path = join(dir, name);
  writeFileSync(path, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return path;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rashomon-incremental-'));
  const generated = [...articles(GENERATED, 42)];
  // Alternating halves: most events have documents in both, and arrive out of date order.
  const first = jsonl('first.jsonl', generated.filter((_, i) => i % 2 === 0));
  const second = jsonl('second.jsonl', generated.filter((_, i) => i % 2 === 1));
  const readouts = existsSync(READOUTS) ? [READOUTS] : [];
  const examples = packagePath('examples');
  whole = [examples, ...readouts, first, second];
  halves = [[examples, first], [...readouts, second]];
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function build(name: string, parts: string[][], options: IngestOptions = {}): Promise<string> {
  const path = join(dir, name);
  const store = openSqliteStore(path, { now: () => new Date('2026-01-01T00:00:00Z') });
  try {
    for (const paths of parts) {
      const report = await ingest(paths, store, options);
      expect(report.failed).toEqual([]);
    }
  } finally {
    await store.close();
  }
  return path;
}

/** Every event as the event page shows it, by id. */
function events(path: string): Map<string, CompareEvent> {
  const db = new Database(path, { readonly: true });
  try {
    const rows = db.prepare('SELECT id, data FROM events ORDER BY id').all() as Array<{ id: string; data: string }>;
    return new Map(rows.map((r) => [r.id, JSON.parse(r.data) as CompareEvent]));
  } finally {
    db.close();
  }
}

/** Every row of every table but the FTS index (derived from sentences), without write times. */
function tables(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true });
  try {
    const names = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sentences_fts%' AND name != 'schema_migrations' ORDER BY name")
      .pluck()
      .all() as string[];
    const out: Record<string, unknown[]> = {};
    for (const name of names) {
      const columns = (db.prepare(`PRAGMA table_info(${name})`).all() as Array<{ name: string }>)
        .map((c) => c.name)
        .filter((c) => c !== 'ingested_at' && c !== 'updated_at');
      const list = columns.map((c) => `"${c}"`).join(', ');
      out[name] = db.prepare(`SELECT ${list} FROM ${name} ORDER BY ${list}`).raw().all();
    }
    return out;
  } finally {
    db.close();
  }
}

describe('incremental linking', () => {
  let once: string;

  beforeAll(async () => {
    once = await build('once.db', [whole], { workers: 1 });
  }, 300_000);

  it('links the corpus into multi-document events', () => {
    const all = [...events(once).values()];
    const shared = all.filter((e) => e.documents.length >= 2);
    // Generated articles come back to the same events: most of them must have been grouped.
    expect(shared.length).toBeGreaterThan(20);
    expect(new Set(shared.flatMap((e) => e.documents)).size).toBeGreaterThan(GENERATED / 2);
  });

  function expectSameEvents(path: string): void {
    const expected = events(once);
    const got = events(path);
    expect([...got.keys()]).toEqual([...expected.keys()]);
    for (const [id, event] of expected) {
      const other = got.get(id) as CompareEvent;
      expect({ id, documents: other.documents }).toEqual({ id, documents: event.documents });
      expect({ id, points: other.points }).toEqual({ id, points: event.points });
      expect(other).toEqual(event);
    }
  }

  it('gives the same events ingesting the corpus in two halves as at once', async () => {
    expectSameEvents(await build('halves.db', halves, { workers: 1 }));
  }, 300_000);

  // KNOWN DEFECT (src/link/update.ts + src/link/compare.ts, not ingest): an event's points are
  // computed with an entity index over the whole linking neighbourhood (compare() builds
  // entityIndex(all documents of the step)), so entity affiliations merged from documents outside
  // the event change which claims are relevant and how they align: the same event gets other
  // points depending on what else was linked in the same step. Building the index per event (from
  // the event's own documents) makes this pass. When it is fixed this test fails: make it `it`.
  it('gives the same events ingesting the second half first', async () => {
    expectSameEvents(await build('reversed.db', [halves[1], halves[0]], { workers: 1 }));
  }, 300_000);

  // Every step rewrites the events its document joins, and only those: each must come out whole,
  // with every document it has, however small the steps that built it.
  it('gives the same events linking one document at a time', async () => {
    expectSameEvents(await build('single.db', [whole], { workers: 1, batchSize: 1 }));
  }, 300_000);

  it('writes identical stores with one and two analysis workers', async () => {
    const parallel = await build('workers2.db', [whole], { workers: 2 });
    const expected = tables(once);
    const got = tables(parallel);
    expect(Object.keys(got)).toEqual(Object.keys(expected));
    for (const name of Object.keys(expected)) expect({ name, rows: got[name] }).toEqual({ name, rows: expected[name] });
  }, 300_000);
});
