import { afterAll, describe, expect, it } from 'vitest';
import type { CompareEvent } from '../../src/model/compare.js';
import { StoreError } from '../../src/store/errors.js';
import { openStore } from '../../src/store/open.js';
import { PostgresStore, openPostgresStore } from '../../src/store/postgres.js';
import { latestVersion, migrations } from '../../src/store/schema.js';
import type { LinkChange } from '../../src/store/store.js';
import { analysed, callArticle } from './fixtures.js';
import { createTestDatabase, unavailable } from './pg-server.js';
import type { TestDatabase } from './pg-server.js';
import { storeSuite } from './store-suite.js';

describe('opening a PostgreSQL store, with or without a server', () => {
  it('names the database it cannot reach with the password masked, everywhere in the error', async () => {
    // Port 1 on loopback: refused at once, no server needed.
    const url = 'postgres://analyst:s3cret-pw@127.0.0.1:1/rashomon';
    const error = await openStore(undefined, { RASHOMON_DB: url }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toMatch(/^open: cannot connect to postgres:\/\/analyst:\*\*\*@127\.0\.0\.1:1\/rashomon: .*ECONNREFUSED/);
    expect((error as StoreError).context).toEqual({ url: 'postgres://analyst:***@127.0.0.1:1/rashomon' });
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain('s3cret-pw');
  });

  it('masks a password given as a URL parameter too', async () => {
    const error = await openPostgresStore('postgresql://127.0.0.1:1/rashomon?user=analyst&password=s3cret-pw').catch((e: unknown) => e);
    expect((error as StoreError).message).toContain('postgresql://127.0.0.1:1/rashomon?user=analyst&password=***');
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain('s3cret-pw');
  });
});

const reason = await unavailable();
if (reason !== null) {
  console.warn(`PostgreSQL store tests skipped: ${reason}`);
  it.skip(`PostgreSQL store (skipped: ${reason})`, () => undefined);
} else {
  const db = await createTestDatabase('store');
  afterAll(() => db.drop());

  storeSuite('PostgreSQL', async (now) => openPostgresStore(await db.freshSchema(), { now }));
  postgresOnly(db);
}

function postgresOnly(db: TestDatabase): void {
  describe('PostgreSQL database', () => {
    it('applies the migrations once, even when several processes open a fresh database at once', async () => {
      const url = await db.freshSchema();
      const stores = await Promise.all(Array.from({ length: 5 }, () => openPostgresStore(url)));
      const schema = new URL(url).searchParams.get('options')?.split('=')[1] ?? '';
      const applied = await db.sql(`SELECT version, name FROM ${schema}.schema_migrations ORDER BY version`);
      expect(applied).toEqual(migrations.map((m) => ({ version: m.version, name: m.name })));
      const tables = await db.sql<{ table_name: string }>(
        'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
        [schema],
      );
      expect(tables.map((t) => t.table_name)).toEqual([
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
        'warnings',
      ]);
      for (const s of stores) expect((await s.stats()).schemaVersion).toBe(latestVersion);
      await Promise.all(stores.map((s) => s.close()));
    });

    it('keeps the data on re-open and through openStore', async () => {
      const url = await db.freshSchema();
      const first = await openPostgresStore(url);
      const a = callArticle();
      await first.putDocuments([a]);
      await first.close();
      const again = await openStore(url);
      expect(again).toBeInstanceOf(PostgresStore);
      expect((await again.getDocument(a.doc.id))?.times.length).toBe(2);
      expect(await again.putDocuments([callArticle()])).toEqual([{ id: a.doc.id, status: 'unchanged' }]);
      await again.close();
    });

    it('refuses a store made by a newer Rashomon, and a schema holding tables of something else', async () => {
      const url = await db.freshSchema();
      await (await openPostgresStore(url)).close();
      const schema = new URL(url).searchParams.get('options')?.split('=')[1] ?? '';
      await db.sql(`INSERT INTO ${schema}.schema_migrations VALUES (99, 'from the future', '2030-01-01')`);
      await expect(openPostgresStore(url)).rejects.toThrow(new RegExp(`schema version 99, newer than this Rashomon knows \\(${latestVersion}\\)`));

      const other = await db.freshSchema();
      const otherSchema = new URL(other).searchParams.get('options')?.split('=')[1] ?? '';
      await db.sql(`CREATE TABLE ${otherSchema}.invoices (id INTEGER PRIMARY KEY)`);
      await expect(openPostgresStore(other)).rejects.toThrow(/schema s\d+ of postgres:.* holds tables of something else \(invoices\), not a Rashomon store/);
    });

    it('says which document cannot be stored for a NUL character, and writes none of its batch', async () => {
      const store = await openPostgresStore(await db.freshSchema());
      const bad = analysed({ id: 'nul', text: 'A text with a \u0000 inside.' });
      await expect(store.putDocuments([analysed({ id: 'fine', text: 'A fine text.' }), bad])).rejects.toThrow(
        /document nul failed, so the batch of 2 was rolled back: the text of document nul contains U\+0000/,
      );
      expect((await store.stats()).documents).toBe(0);
      await store.close();
    });

    it('stores each document once when two writers put overlapping batches at the same time', async () => {
      const url = await db.freshSchema();
      const [one, two] = await Promise.all([openPostgresStore(url), openPostgresStore(url)]);
      if (!one || !two) throw new Error('unreachable');
      const docs = Array.from({ length: 40 }, (_, i) => analysed({ id: `doc-${String(i).padStart(2, '0')}`, text: `Article number ${i} about the talks.` }));
      const batches = (list: typeof docs) => Array.from({ length: 8 }, (_, b) => list.slice(b * 5, b * 5 + 5));
      // Same documents, opposite orders: every batch of one overlaps batches of the other.
      const [a, b] = await Promise.all([
        Promise.all(batches(docs).map((batch) => one.putDocuments(batch))),
        Promise.all(batches([...docs].reverse()).map((batch) => two.putDocuments(batch))),
      ]);
      const statuses = [...a.flat(), ...b.flat()];
      expect(statuses.filter((s) => s.status === 'added').map((s) => s.id).sort()).toEqual(docs.map((d) => d.doc.id));
      expect(statuses.filter((s) => s.status === 'unchanged')).toHaveLength(40);
      const listed = await one.listDocuments({ limit: 100, offset: 0 });
      expect(listed.total).toBe(40);
      expect((await one.stats()).sentences).toBe(40);
      expect(await one.integrityCheck()).toEqual([]);
      await Promise.all([one.close(), two.close()]);
    });

    describe('linking from several processes', () => {
      const event = (id: string, documents: string[]): CompareEvent => ({
        id,
        label: 'Talks',
        type: 'meeting',
        date: { start: '2023-07-01', end: '2023-07-01', precision: 'day' },
        place: null,
        participants: [{ id: 'person:burns', name: 'William Burns', type: 'person' }],
        documents,
        accounts: [],
        points: [],
      });
      const change = (documents: string[], events: Array<[string, string[]]>, removeEvents: string[] = []): LinkChange => ({
        documents,
        entityLinks: documents.map((doc) => ({ doc, localKey: 'e1', entityId: 'person:burns', mentions: 2 })),
        entities: [{ id: 'person:burns', name: 'Burns', type: 'person', aliases: ['Burns'], roles: [], affiliations: [] }],
        removeEvents,
        events: events.map(([id, docs]) => ({ event: event(id, docs), mainOf: docs, blocks: ['block:burns'] })),
      });

      it('gives each process other documents to link, and frees the claims of a process that stops', async () => {
        const url = await db.freshSchema();
        const [one, two] = [await openPostgresStore(url), await openPostgresStore(url)];
        await one.putDocuments(['a', 'b', 'c'].map((id) => analysed({ id, text: `Text ${id}.` })));
        expect(await one.unlinkedDocuments(2)).toEqual(['a', 'b']);
        expect(await two.unlinkedDocuments(10)).toEqual(['c']);
        await one.close();
        expect(await two.unlinkedDocuments(10)).toEqual(['a', 'b', 'c']);
        await two.close();
      });

      it('rolls back a step whose neighbourhood another process changed, and links it again on a fresh view', async () => {
        const url = await db.freshSchema();
        const [one, two] = [await openPostgresStore(url), await openPostgresStore(url)];
        await one.putDocuments(['d1', 'd2'].map((id) => analysed({ id, text: `Burns met Naryshkin, says ${id}.` })));
        expect(await one.unlinkedDocuments(1)).toEqual(['d1']);
        expect(await two.unlinkedDocuments(1)).toEqual(['d2']);
        // Both read the same empty block, then each writes its own event there.
        expect(await one.eventsInBlocks(['block:burns'])).toEqual([]);
        expect(await two.eventsInBlocks(['block:burns'])).toEqual([]);
        await one.applyLinks(change(['d1'], [['ev-d1', ['d1']]]));
        await two.applyLinks(change(['d2'], [['ev-d2', ['d2']]]));
        expect(two.staleLinkSteps).toBe(1);
        expect((await one.listEvents({ limit: 10, offset: 0 })).items.map((e) => e.id)).toEqual(['ev-d1']);
        expect((await one.getEntity('person:burns'))?.documentCount).toBe(1);

        // The next step sees the other process's event and regroups with it.
        expect(await two.unlinkedDocuments(5)).toEqual(['d2']);
        expect(await two.eventsInBlocks(['block:burns'])).toEqual([{ id: 'ev-d1', documents: ['d1'] }]);
        await two.applyLinks(change(['d2'], [['ev-d1', ['d1', 'd2']]], ['ev-d1']));
        expect(two.staleLinkSteps).toBe(1);
        expect(await two.eventsInBlocks(['block:burns'])).toEqual([{ id: 'ev-d1', documents: ['d1', 'd2'] }]);
        expect(await one.unlinkedDocuments(5)).toEqual([]);
        expect(await one.getEntity('person:burns')).toMatchObject({ documentCount: 2, mentionCount: 4, name: 'Burns' });
        expect(await one.integrityCheck()).toEqual([]);
        await Promise.all([one.close(), two.close()]);
      });

      it('lets disjoint neighbourhoods link at the same time', async () => {
        const url = await db.freshSchema();
        const [one, two] = [await openPostgresStore(url), await openPostgresStore(url)];
        await one.putDocuments(['x1', 'y1'].map((id) => analysed({ id, text: `Report ${id}.` })));
        expect(await one.unlinkedDocuments(1)).toEqual(['x1']);
        expect(await two.unlinkedDocuments(1)).toEqual(['y1']);
        await one.eventsInBlocks(['block:x']);
        await two.eventsInBlocks(['block:y']);
        const only = (c: LinkChange, block: string): LinkChange => ({ ...c, events: c.events.map((e) => ({ ...e, blocks: [block] })) });
        await Promise.all([
          two.applyLinks(only(change(['y1'], [['ev-y', ['y1']]]), 'block:y')),
          one.applyLinks(only(change(['x1'], [['ev-x', ['x1']]]), 'block:x')),
        ]);
        expect([one.staleLinkSteps, two.staleLinkSteps]).toEqual([0, 0]);
        expect((await one.listEvents({ limit: 10, offset: 0 })).items.map((e) => e.id).sort()).toEqual(['ev-x', 'ev-y']);
        expect(await one.getEntity('person:burns')).toMatchObject({ documentCount: 2, mentionCount: 4 });
        await Promise.all([one.close(), two.close()]);
      });
    });
  });
}
