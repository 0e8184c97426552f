import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/store/errors.js';
import { DEFAULT_DB, openStore, resolveStoreLocation } from '../../src/store/open.js';
import { MIGRATIONS_TABLE_SQL, latestVersion, migrations } from '../../src/store/schema.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { CALL_TEXT, analysed, callArticle } from './fixtures.js';
import { storeSuite } from './store-suite.js';

const root = mkdtempSync(join(tmpdir(), 'rashomon-store-'));
let files = 0;
const freshPath = () => join(root, `store-${files++}.db`);
afterAll(() => rmSync(root, { recursive: true, force: true }));

storeSuite('SQLite', async (now) => openSqliteStore(freshPath(), { now }));

describe('SQLite file', () => {
  let path: string;
  beforeEach(() => {
    path = freshPath();
  });

  it('applies the migrations on a fresh file, once, and keeps the data on re-open', async () => {
    const store = openSqliteStore(path);
    const a = callArticle();
    await store.putDocuments([a]);
    await store.close();

    const reopened = openSqliteStore(path);
    expect((await reopened.stats()).schemaVersion).toBe(latestVersion);
    expect((await reopened.getDocument(a.doc.id))?.times.length).toBe(2);
    expect(await reopened.putDocuments([callArticle()])).toEqual([{ id: a.doc.id, status: 'unchanged' }]);
    await reopened.close();

    const raw = new Database(path, { readonly: true });
    expect(raw.prepare('SELECT version, name FROM schema_migrations').all()).toEqual(
      migrations.map((m) => ({ version: m.version, name: m.name })),
    );
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sentences_fts_%' ORDER BY name").all();
    expect(tables.map((t) => (t as { name: string }).name)).toEqual([
      'document_entities',
      'documents',
      'entities',
      'event_blocks',
      'event_documents',
      'event_participants',
      'events',
      'findings',
      'schema_migrations',
      'sentences',
      'sentences_fts',
      'warnings',
    ]);
    raw.close();
  });

  it('refuses a store made by a newer Rashomon', async () => {
    await openSqliteStore(path).close();
    const raw = new Database(path);
    raw.prepare("INSERT INTO schema_migrations VALUES (99, 'from the future', '2030-01-01')").run();
    raw.close();
    expect(() => openSqliteStore(path)).toThrow(new RegExp(`schema version 99, newer than this Rashomon knows \\(${latestVersion}\\)`));
  });

  it('gives the entity links, event participants and events of a version 2 store the dates they are listed by', async () => {
    const raw = new Database(path);
    raw.exec(MIGRATIONS_TABLE_SQL);
    for (const m of migrations.filter((m) => m.version <= 2)) {
      raw.exec(m.sqlite);
      raw.prepare("INSERT INTO schema_migrations VALUES (?, ?, '2024-01-01')").run(m.version, m.name);
    }
    const doc = raw.prepare(`INSERT INTO documents (id, content_hash, date, text, text_length, body_start, analysed, sentence_count, ingested_at, updated_at, linked)
      VALUES (?, ?, ?, 'x', 1, 0, 1, 0, '2024-01-01', '2024-01-01', 1)`);
    doc.run('d1', 'h1', '2023-07-13');
    doc.run('d2', 'h2', null);
    raw.exec(`INSERT INTO document_entities VALUES ('d1', 'e1', 'person:burns', 2), ('d2', 'e1', 'person:burns', 1);
      INSERT INTO events (id, type, label, date_start, date_end, place, participants, sources, document_count, source_count, point_count, conflict_count, data)
        VALUES ('ev', 'call', 'Call', '2023-07-01', '2023-07-02', NULL, '[]', '[]', 1, 0, 0, 0,
          '{"id":"ev","date":{"start":"2023-07-01","end":"2023-07-02","precision":"day"}}');
      INSERT INTO event_participants VALUES ('ev', 'person:burns');`);
    raw.close();

    await openSqliteStore(path).close();
    const upgraded = new Database(path, { readonly: true });
    expect(upgraded.prepare('SELECT doc_id, date FROM document_entities ORDER BY doc_id').all()).toEqual([
      { doc_id: 'd1', date: '2023-07-13' },
      { doc_id: 'd2', date: null },
    ]);
    expect(upgraded.prepare('SELECT event_id, date_start FROM event_participants').all()).toEqual([{ event_id: 'ev', date_start: '2023-07-01' }]);
    const dateValue = upgraded.prepare('SELECT date_value FROM events').pluck().get() as string;
    expect(JSON.parse(dateValue)).toEqual({ start: '2023-07-01', end: '2023-07-02', precision: 'day' });
    expect(upgraded.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(latestVersion);
    upgraded.close();
  });

  it('refuses a SQLite database that is not a store, and a file that is not SQLite', () => {
    const raw = new Database(path);
    raw.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY)');
    raw.close();
    expect(() => openSqliteStore(path)).toThrow(/is a SQLite database of something else \(tables: invoices\)/);

    const junk = join(root, 'junk.db');
    writeFileSync(junk, 'this is a text file, not a database '.repeat(200));
    expect(() => openSqliteStore(junk)).toThrow(StoreError);
    expect(() => openSqliteStore(junk)).toThrow(/junk\.db.*not a SQLite database/);
  });

  it('lets a second connection read what the first one wrote, while it stays open', async () => {
    const writer = openSqliteStore(path);
    const reader = openSqliteStore(path);
    const a = callArticle();
    await writer.putDocuments([a]);
    expect((await reader.getDocument(a.doc.id))?.doc.title).toBe('Naryshkin says he spoke with Burns by phone');
    expect((await reader.search('telephone', { limit: 5, offset: 0 })).map((h) => h.docId)).toEqual([a.doc.id]);
    await writer.close();
    await reader.close();
  });

  it('works in memory for throwaway use', async () => {
    const store = openSqliteStore(':memory:');
    await store.putDocuments([analysed({ text: 'Kept in memory only.' })]);
    expect((await store.stats()).documents).toBe(1);
    await store.close();
  });

  it('says which path it cannot open', () => {
    expect(() => openSqliteStore(join(root, 'no-such-dir', 'x.db'))).toThrow(/cannot open .*no-such-dir.*x\.db/);
  });

  describe('integrity check', () => {
    let raw: Database.Database;
    beforeEach(async () => {
      const store = openSqliteStore(path);
      await store.putDocuments([callArticle(), analysed({ id: 'other', text: 'One sentence. Two sentences.' })]);
      await store.close();
      raw = new Database(path);
    });
    afterEach(() => raw.close());

    it('reports a document that lost a sentence', async () => {
      raw.prepare("DELETE FROM sentences WHERE doc_id = 'other' AND idx = 1").run();
      const store = openSqliteStore(path);
      expect(await store.integrityCheck()).toEqual(['document other should have 2 sentences but has 1']);
      await store.close();
    });

    it('reports a finding whose span runs past the text, and a full-text index out of step', async () => {
      raw.prepare("UPDATE findings SET span_end = 100000 WHERE kind = 'event'").run();
      raw.exec('DROP TRIGGER sentences_fts_delete');
      raw.prepare("DELETE FROM sentences WHERE doc_id = 'other'").run();
      raw.prepare("UPDATE documents SET sentence_count = 0 WHERE id = 'other'").run();
      const store = openSqliteStore(path);
      const problems = await store.integrityCheck();
      expect(problems).toHaveLength(2);
      expect(problems[0]).toMatch(/^full-text index does not match the sentences/);
      const event = callArticle().events[0];
      expect(problems[1]).toBe(
        `event 0 of document ${callArticle().doc.id} has span [${event?.start}, 100000) outside its text of length ${CALL_TEXT.length}`,
      );
      await store.close();
    });
  });
});

describe('openStore', () => {
  it('takes --db first, then RASHOMON_DB, then ./rashomon.db', () => {
    expect(resolveStoreLocation('given.db', { RASHOMON_DB: 'env.db' })).toEqual({ engine: 'sqlite', path: 'given.db' });
    expect(resolveStoreLocation(undefined, { RASHOMON_DB: 'env.db' })).toEqual({ engine: 'sqlite', path: 'env.db' });
    expect(resolveStoreLocation(undefined, { RASHOMON_DB: '' })).toEqual({ engine: 'sqlite', path: DEFAULT_DB });
    expect(resolveStoreLocation(undefined, {})).toEqual({ engine: 'sqlite', path: './rashomon.db' });
    expect(resolveStoreLocation('postgresql://u:p@host/db', {})).toEqual({ engine: 'postgres', url: 'postgresql://u:p@host/db' });
  });

  it('opens the SQLite file RASHOMON_DB names', async () => {
    const path = freshPath();
    const store = await openStore(undefined, { RASHOMON_DB: path });
    await store.putDocuments([analysed({ text: 'Stored through openStore.' })]);
    await store.close();
    const again = openSqliteStore(path);
    expect((await again.stats()).documents).toBe(1);
    await again.close();
  });

  it('takes a postgres:// URL as PostgreSQL and never echoes its password in the error', async () => {
    const error = (await openStore('postgres://analyst:secret@127.0.0.1:1/rashomon').catch((e: unknown) => e)) as {
      message: string;
      context?: unknown;
    };
    expect(error).toBeInstanceOf(Error);
    expect(error.message).not.toContain('secret');
    expect(JSON.stringify(error.context ?? {})).not.toContain('secret');
    expect(`${error.message} ${JSON.stringify(error.context ?? {})}`).toContain('analyst:***@127.0.0.1:1');
  });
});
