/**
 * One corpus, both engines: ingesting the bundled examples and generated news into SQLite and into
 * PostgreSQL gives the same documents, events, entities and statistics through the Store interface,
 * and search finds the same sentences with the same match offsets and snippets (the ranking
 * formulas differ, FTS5's bm25 against ts_rank, so hits are compared as sets).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { articles } from '../../bench/corpus.js';
import { ingest } from '../../src/ingest/run.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { SearchHit, Store } from '../../src/store/store.js';
import { createTestDatabase, unavailable } from './pg-server.js';

const reason = await unavailable();
if (reason !== null) {
  it.skip(`PostgreSQL parity (skipped: ${reason})`, () => undefined);
} else {
  const examples = fileURLToPath(new URL('../../examples', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'rashomon-parity-'));
  const db = await createTestDatabase('parity');
  let sqlite: Store;
  let postgres: Store;

  beforeAll(async () => {
    const corpus = join(dir, 'news.jsonl');
    writeFileSync(corpus, [...articles(60, 3)].map((a) => JSON.stringify(a)).join('\n'));
    sqlite = openSqliteStore(join(dir, 'parity.db'));
    postgres = await openPostgresStore(await db.freshSchema());
    for (const store of [sqlite, postgres]) {
      const report = await ingest([examples, corpus], store, { batchSize: 16 });
      expect(report).toMatchObject({ added: 63, failed: [] });
    }
  }, 120_000);
  afterAll(async () => {
    await Promise.all([sqlite?.close(), postgres?.close()]);
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const both = async <T>(read: (s: Store) => Promise<T>): Promise<[T, T]> => [await read(sqlite), await read(postgres)];
  const page = { limit: 1000, offset: 0 };
  /** Each store has its own clock. */
  const strip = <T extends { ingestedAt: string; updatedAt: string }>({ ingestedAt: _i, updatedAt: _u, ...rest }: T) => rest;

  it('holds the same documents, findings and statistics', async () => {
    const [a, b] = await both((s) => s.listDocuments(page));
    expect(b.total).toBe(63);
    expect(b.items.map(strip)).toEqual(a.items.map(strip));
    for (const { id } of a.items.slice(0, 20)) {
      const [x, y] = await both((s) => s.getDocument(id));
      expect(y && strip(y)).toEqual(x && strip(x));
    }
    const [sa, sb] = await both((s) => s.stats());
    expect(sb).toEqual(sa);
    expect(await postgres.integrityCheck()).toEqual([]);
  });

  it('links the same events and entities', async () => {
    const [ea, eb] = await both((s) => s.listEvents(page));
    expect(ea.total).toBeGreaterThan(5);
    expect(eb).toEqual(ea);
    for (const { id } of ea.items) {
      const [x, y] = await both((s) => s.getEvent(id));
      expect(y).toEqual(x);
      const [mx, my] = await both((s) => s.mainEvents(x?.documents ?? []));
      expect(my).toEqual(mx);
    }
    const mains = await sqlite.mainEvents((await sqlite.listDocuments(page)).items.map((d) => d.id));
    expect(mains.size).toBeGreaterThan(5);
    for (const [doc, event] of mains) expect((await sqlite.getEvent(event))?.documents).toContain(doc);
    const [na, nb] = await both((s) => s.listEntities(page));
    expect(na.total).toBeGreaterThan(10);
    expect(nb).toEqual(na);
    for (const { id } of na.items.slice(0, 15)) {
      const [x, y] = await both((s) => s.getEntity(id));
      expect(y).toEqual(x);
    }
    const person = na.items.find((e) => e.type === 'person');
    const filters = [{ text: 'call' }, { hasConflict: true }, { from: '2022-01-01', to: '2022-12-31' }, { entity: person?.id ?? '' }];
    for (const filter of filters) {
      const [x, y] = await both((s) => s.listEvents({ ...page, ...filter }));
      expect(y).toEqual(x);
    }
    const [pa, pb] = await both((s) => s.listEntities({ ...page, type: 'person', text: person?.name.split(' ')[0] ?? '' }));
    expect(pb).toEqual(pa);
  });

  it('finds the same sentences, match offsets and snippets', async () => {
    for (const query of ['Putin', 'phone call', '"nuclear arms control"', 'sanction*', 'exchange prisoner', '"keep the channels open" frank']) {
      const [a, b] = await both((s) => s.search(query, { limit: 500, offset: 0 }));
      const key = (h: SearchHit) => JSON.stringify([h.docId, h.sentenceIndex, h.matches, h.snippet]);
      expect(a.length, query).toBeGreaterThan(0);
      expect(b.map(key).sort(), query).toEqual(a.map(key).sort());
      const [la, lb] = await both((s) => s.listDocuments({ ...page, text: query }));
      expect(lb.total, query).toBe(la.total);
      expect(lb.items.map(strip), query).toEqual(la.items.map(strip));
    }
  });
}
