/**
 * The behaviour every Store must have, whatever the engine: the SQLite test runs it now, the
 * PostgreSQL test will run the same suite.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnalysedDocument } from '../../src/model/document.js';
import { StoreError } from '../../src/store/errors.js';
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../src/store/store.js';
import type { LinkChange, Store } from '../../src/store/store.js';
import type { CompareEvent } from '../../src/model/compare.js';
import { CALL_TEXT, RUSSIAN_TEXT, analysed, at, bare, callArticle, withoutTokens } from './fixtures.js';

/** Opens a fresh, empty store whose clock is `now`. */
export type OpenStore = (now: () => Date) => Promise<Store>;

export function storeSuite(engine: string, open: OpenStore): void {
  describe(`${engine} store`, () => {
    let store: Store;
    let clock = 0;
    const now = () => new Date(Date.UTC(2024, 0, 1, 0, 0, clock++));

    beforeEach(async () => {
      store = await open(now);
      clock = 0;
    });
    afterEach(async () => {
      await store.close();
    });

    describe('putDocuments and getDocument', () => {
      it('gives back the document, its sentences and every finding with its span', async () => {
        const a = callArticle();
        expect(await store.putDocuments([a])).toEqual([{ id: a.doc.id, status: 'added' }]);

        const stored = await store.getDocument(a.doc.id);
        expect(stored).toEqual({
          ...withoutTokens(a),
          ingestedAt: '2024-01-01T00:00:00.000Z',
          updatedAt: '2024-01-01T00:00:00.000Z',
        });
        if (!stored) throw new Error('unreachable');
        const slice = (s: { start: number; end: number }) => stored.doc.text.slice(s.start, s.end);
        expect(stored.doc.text).toBe(CALL_TEXT);
        expect(stored.doc.bodyStart).toBe(CALL_TEXT.indexOf('Naryshkin says'));
        expect(stored.sentences.map(slice)).toEqual([
          'Naryshkin says he spoke with Burns by phone',
          'Sergei Naryshkin, head of Russia’s Foreign Intelligence Service, said on Thursday that he had spoken by telephone with CIA Director William Burns in late June.',
          '"We agreed to keep the channel open," Naryshkin told reporters.',
          'The CIA declined to comment on the call.',
        ]);
        expect(stored.sentences.map((s) => s.paragraph)).toEqual([0, 1, 1, 2]);
        expect(stored.times.map(slice)).toEqual(['on Thursday', 'in late June']);
        expect(stored.times[1]?.value).toEqual({ start: '2023-06-21', end: '2023-06-30', precision: 'month' });
        expect(stored.mentions.map((m) => [slice(m), m.entity, m.form])).toEqual([
          ['Sergei Naryshkin', 'e1', 'name'],
          ['he', 'e1', 'pronoun'],
          ['William Burns', 'e2', 'name'],
        ]);
        expect(stored.entities[0]?.mentions.map(slice)).toEqual(['Sergei Naryshkin', 'he', 'Naryshkin']);
        const attribution = stored.attributions[0];
        expect(attribution?.cue.spans.map(([s, e]) => CALL_TEXT.slice(s, e))).toEqual(['said']);
        expect(attribution?.speaker).toBe('e1');
        expect(stored.events[0]?.trigger.map(slice)).toEqual(['spoken']);
        expect(stored.warnings).toEqual([
          { code: 'time-vague', stage: 'time', message: '"late June" resolved to its last ten days', ...at(CALL_TEXT, 'late June') },
        ]);
      });

      it('keeps a document with no sentences and a warning without a span', async () => {
        const a = analysed({ text: RUSSIAN_TEXT, id: 'ru-1' });
        expect(a.analysed).toBe(false);
        await store.putDocuments([a]);
        const stored = await store.getDocument('ru-1');
        expect(stored?.analysed).toBe(false);
        expect(stored?.doc.lang).toBe('ru');
        expect(stored?.sentences).toEqual([]);
        expect(stored?.warnings).toEqual([
          expect.objectContaining({ code: 'language-not-analysed', stage: 'language' }),
        ]);
        expect(stored?.warnings[0]).not.toHaveProperty('start');
      });

      it('returns null for an unknown id', async () => {
        expect(await store.getDocument('no-such-document')).toBeNull();
      });

      it('reports the same content again as unchanged and rewrites nothing', async () => {
        const a = callArticle();
        await store.putDocuments([a]);
        const before = await store.stats();
        expect(await store.putDocuments([callArticle()])).toEqual([{ id: a.doc.id, status: 'unchanged' }]);
        expect(await store.stats()).toEqual(before);
        expect((await store.getDocument(a.doc.id))?.updatedAt).toBe('2024-01-01T00:00:00.000Z');
      });

      it('replaces the findings of a document whose content changed', async () => {
        const first = callArticle({ id: 'tass-1' });
        await store.putDocuments([first]);
        const text = 'Naryshkin denied any meeting with Burns.\n\nHe said the reports were false.';
        const second = bare({ id: 'tass-1', text, publisher: 'TASS', date: '2023-07-14' });
        second.mentions.push({ kind: 'mention', ...at(text, 'Burns'), text: 'Burns', type: 'person', entity: 'e9', form: 'name' });

        expect(await store.putDocuments([second])).toEqual([{ id: 'tass-1', status: 'updated' }]);
        const stored = await store.getDocument('tass-1');
        expect(stored?.doc.text).toBe(text);
        expect(stored?.doc.date).toBe('2023-07-14');
        expect(stored?.sentences.map((s) => text.slice(s.start, s.end))).toEqual([
          'Naryshkin denied any meeting with Burns.',
          'He said the reports were false.',
        ]);
        expect(stored).toEqual({ ...withoutTokens(second), ingestedAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:01.000Z' });
        expect(stored?.mentions.map((m) => m.entity)).toEqual(['e9']);
        expect(stored?.times).toEqual([]);
        expect(stored?.events).toEqual([]);
        expect(stored?.warnings.map((w) => w.code)).not.toContain('time-vague');
        expect(stored?.ingestedAt).toBe('2024-01-01T00:00:00.000Z');
        expect(stored?.updatedAt).toBe('2024-01-01T00:00:01.000Z');
        // The old sentences are gone from search too.
        expect(await store.search('telephone', { limit: 10, offset: 0 })).toEqual([]);
        expect((await store.search('denied', { limit: 10, offset: 0 })).map((h) => h.docId)).toEqual(['tass-1']);
        expect(await store.stats()).toMatchObject({ documents: 1, sentences: 2, findings: { mention: 1, time: 0 } });
        expect(await store.integrityCheck()).toEqual([]);
      });

      it('rewrites unchanged content when asked to replace it', async () => {
        const a = callArticle();
        await store.putDocuments([a]);
        const reanalysed = callArticle();
        reanalysed.events = [];
        expect(await store.putDocuments([reanalysed], { replace: true })).toEqual([{ id: a.doc.id, status: 'updated' }]);
        expect((await store.getDocument(a.doc.id))?.events).toEqual([]);
      });

      it('reports each document of a batch in input order, a repeat within the batch as unchanged', async () => {
        const one = analysed({ text: 'One sentence about the summit.' });
        const two = analysed({ text: 'Another about the ceasefire.' });
        await store.putDocuments([one]);
        expect(await store.putDocuments([two, one, two])).toEqual([
          { id: two.doc.id, status: 'added' },
          { id: one.doc.id, status: 'unchanged' },
          { id: two.doc.id, status: 'unchanged' },
        ]);
      });
    });

    describe('a batch that fails', () => {
      const good = () => [analysed({ text: 'The first good article.', id: 'good-1' }), analysed({ text: 'The second good article.', id: 'good-2' })];

      it('writes nothing when a later document has a span outside its text', async () => {
        const bad = analysed({ text: 'Short text.', id: 'bad-span' });
        bad.times.push({ kind: 'time', start: 6, end: 400, text: 'x', explicitYear: true, value: { start: '2023-01-01', end: '2023-01-01', precision: 'day' } });
        const attempt = store.putDocuments([...good(), bad]);
        await expect(attempt).rejects.toThrow(StoreError);
        await expect(attempt).rejects.toThrow(/bad-span.*rolled back.*time 0.*\[6, 400\)/);
        expect((await store.stats()).documents).toBe(0);
        expect(await store.getDocument('good-1')).toBeNull();
      });

      /** A warning without a code passes every check before the write and fails the NOT NULL constraint, after the document's other rows. */
      const failingLast = (a: AnalysedDocument): AnalysedDocument => {
        a.warnings.push({ code: null as never, stage: 'test', message: 'fails on write' });
        return a;
      };

      it('leaves no half-written document when a write fails after its sentences and findings', async () => {
        const broken = failingLast(callArticle({ id: 'half' }));
        await expect(store.putDocuments([...good(), broken])).rejects.toThrow(/half.*rolled back.*NOT NULL.*warnings\.code/);
        expect(await store.stats()).toMatchObject({ documents: 0, sentences: 0, findings: { time: 0, event: 0 }, warnings: 0 });
        expect(await store.search('telephone', { limit: 10, offset: 0 })).toEqual([]);
        expect(await store.integrityCheck()).toEqual([]);
      });

      it('keeps the previous version of a document whose update failed', async () => {
        const original = callArticle({ id: 'kept' });
        await store.putDocuments([original]);
        const update = failingLast(analysed({ text: 'A different text altogether.', id: 'kept' }));
        await expect(store.putDocuments([update])).rejects.toThrow(/kept/);
        expect(await store.getDocument('kept')).toEqual(expect.objectContaining({ ...withoutTokens(original) }));
        expect((await store.search('telephone', { limit: 10, offset: 0 })).map((h) => h.docId)).toEqual(['kept']);
        expect(await store.integrityCheck()).toEqual([]);
      });
    });

    describe('knowing what is stored', () => {
      it('tells known content hashes and unchanged documents apart from new ones', async () => {
        const a = callArticle();
        await store.putDocuments([a]);
        const edited = callArticle({ text: CALL_TEXT.replace('The CIA declined', 'The CIA refused') });
        expect(await store.hasContent(a.doc.contentHash)).toBe(true);
        expect(await store.hasContent(edited.doc.contentHash)).toBe(false);
        expect(await store.knownHashes([a.doc.contentHash, edited.doc.contentHash, a.doc.contentHash])).toEqual(new Set([a.doc.contentHash]));
        expect(
          await store.findUnchanged([
            { id: a.doc.id, contentHash: a.doc.contentHash },
            { id: 'other-id', contentHash: a.doc.contentHash },
            { id: a.doc.id, contentHash: edited.doc.contentHash },
          ]),
        ).toEqual(new Set([a.doc.id]));
      });

      it('resolves an id from a unique prefix', async () => {
        await store.putDocuments(['abc-1', 'abc-2', 'abd-1'].map((id) => analysed({ id, text: `Text of ${id}.` })));
        expect(await store.resolveDocumentId('abc-1')).toBe('abc-1');
        expect(await store.resolveDocumentId('abd')).toBe('abd-1');
        expect(await store.resolveDocumentId('abc')).toBeNull();
        expect(await store.resolveDocumentId('x')).toBeNull();
        expect(await store.resolveDocumentId('')).toBeNull();
      });
    });

    describe('search', () => {
      beforeEach(async () => {
        await store.putDocuments([
          callArticle(),
          analysed({ id: 'repeat', text: 'Burns, Burns and again Burns.' }),
          analysed({
            id: 'long',
            text:
              'Among the many officials, diplomats, analysts, lawyers, students and reporters who gathered in the large hall ' +
              'of the old embassy on that cold and rainy evening in early spring was, very briefly, Burns.',
          }),
        ]);
      });

      it('ranks by relevance and marks the query terms in the snippet and by offsets', async () => {
        const hits = await store.search('Burns', { limit: 10, offset: 0 });
        expect(hits.map((h) => h.docId)).toEqual(['repeat', callArticle().doc.id, callArticle().doc.id, 'long']);
        expect(hits[0]?.snippet).toBe(`${SNIPPET_OPEN}Burns${SNIPPET_CLOSE}, ${SNIPPET_OPEN}Burns${SNIPPET_CLOSE} and again ${SNIPPET_OPEN}Burns${SNIPPET_CLOSE}.`);
        expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((x, y) => y - x));
        const top = hits[0];
        expect(top && [top.sentenceStart, top.sentenceEnd, top.matches]).toEqual([0, 29, [at('Burns, Burns and again Burns.', 'Burns', 0), { start: 7, end: 12 }, { start: 23, end: 28 }]]);
      });

      it('gives the matched sentence and exact term offsets in the document text', async () => {
        const [hit, ...rest] = await store.search('naryshkin telephone', { limit: 10, offset: 0 });
        expect(rest).toEqual([]);
        expect(hit).toMatchObject({ title: 'Naryshkin says he spoke with Burns by phone', publisher: 'TASS', date: '2023-07-13', sentenceIndex: 1 });
        if (!hit) throw new Error('unreachable');
        expect(CALL_TEXT.slice(hit.sentenceStart, hit.sentenceEnd)).toMatch(/^Sergei Naryshkin, head .* in late June\.$/);
        expect(hit.matches.map((m) => CALL_TEXT.slice(m.start, m.end))).toEqual(['Naryshkin', 'telephone']);
        expect(hit.snippet).toContain(`${SNIPPET_OPEN}telephone${SNIPPET_CLOSE}`);
      });

      it('matches word forms, prefixes and phrases, and takes any input without a syntax error', async () => {
        const texts = async (q: string) =>
          (await store.search(q, { limit: 10, offset: 0 })).map((h) => h.matches.map((m) => CALL_TEXT.slice(m.start, m.end)).join('|'));
        expect(await texts('calls')).toEqual(['call']);
        expect(await texts('teleph*')).toEqual(['telephone']);
        expect(await texts('"channel open"')).toEqual(['channel open']);
        expect(await texts('"open channel"')).toEqual([]);
        for (const q of ['"unbalanced', 'NEAR(', 'Burns AND', '-', '', 'col:umn', '*']) {
          await expect(store.search(q, { limit: 5, offset: 0 })).resolves.toBeInstanceOf(Array);
        }
        expect(await store.search('*', { limit: 5, offset: 0 })).toEqual([]);
      });

      it('pages through hits', async () => {
        const all = await store.search('Burns', { limit: 10, offset: 0 });
        expect(await store.search('Burns', { limit: 2, offset: 1 })).toEqual(all.slice(1, 3));
        await expect(store.search('Burns', { limit: -1, offset: 0 })).rejects.toThrow(/limit/);
      });
    });

    describe('listDocuments', () => {
      const corpus = (): AnalysedDocument[] => [
        analysed({ id: 'a', publisher: 'Reuters', date: '2023-07-10', text: 'Burns travelled to Ankara.\n\nHe met Naryshkin there.' }),
        analysed({ id: 'b', publisher: 'Reuters', date: '2023-07-14', text: 'The CIA confirmed the call.' }),
        analysed({ id: 'c', publisher: 'TASS', source: 'Russia', date: '2023-07-13', text: 'Naryshkin spoke to Burns.' }),
        analysed({ id: 'd', publisher: 'TASS', source: 'Russia', text: 'An undated note about Ankara.' }),
        analysed({ id: 'e', publisher: 'AP', date: '2023-06-30', text: 'Talks in Ankara ended.' }),
      ];
      beforeEach(async () => {
        await store.putDocuments(corpus());
      });
      const ids = async (q: Partial<Parameters<Store['listDocuments']>[0]>) => {
        const page = await store.listDocuments({ limit: 10, offset: 0, ...q });
        return { total: page.total, ids: page.items.map((d) => d.id) };
      };

      it('lists newest first, undated last, with metadata and sizes', async () => {
        expect(await ids({})).toEqual({ total: 5, ids: ['b', 'c', 'a', 'e', 'd'] });
        const page = await store.listDocuments({ limit: 1, offset: 1 });
        expect(page.items).toEqual([
          {
            id: 'c',
            contentHash: corpus()[2]?.doc.contentHash,
            title: null,
            date: '2023-07-13',
            publisher: 'TASS',
            source: 'Russia',
            url: null,
            byline: null,
            lang: 'en',
            path: null,
            analysed: true,
            textLength: 'Naryshkin spoke to Burns.'.length,
            sentenceCount: 1,
            ingestedAt: '2024-01-01T00:00:00.000Z',
            updatedAt: '2024-01-01T00:00:00.000Z',
          },
        ]);
      });

      it('gives the listing rows of ids asked for, in the order asked, leaving unknown ids out', async () => {
        const summaries = await store.documentSummaries(['e', 'missing', 'c', 'e']);
        expect([...summaries.keys()]).toEqual(['e', 'c']);
        const listed = (await store.listDocuments({ limit: 10, offset: 0 })).items.find((d) => d.id === 'c');
        expect(summaries.get('c')).toEqual(listed);
        expect(summaries.get('e')?.date).toBe('2023-06-30');
        expect(await store.documentSummaries([])).toEqual(new Map());
      });

      it('filters by publisher, source and an inclusive date range, with the total before paging', async () => {
        expect(await ids({ publisher: 'Reuters' })).toEqual({ total: 2, ids: ['b', 'a'] });
        expect(await ids({ source: 'Russia' })).toEqual({ total: 2, ids: ['c', 'd'] });
        expect(await ids({ from: '2023-07-10', to: '2023-07-13' })).toEqual({ total: 2, ids: ['c', 'a'] });
        expect(await ids({ from: '2023-07-01' })).toEqual({ total: 3, ids: ['b', 'c', 'a'] });
        expect(await ids({ publisher: 'TASS', to: '2023-12-31' })).toEqual({ total: 1, ids: ['c'] });
        expect(await ids({ limit: 2, offset: 2 })).toEqual({ total: 5, ids: ['a', 'e'] });
        expect(await ids({ publisher: 'Nobody' })).toEqual({ total: 0, ids: [] });
      });

      it('filters by text, every term in some sentence of the document', async () => {
        expect(await ids({ text: 'ankara' })).toEqual({ total: 3, ids: ['a', 'e', 'd'] });
        // "Burns" and "Naryshkin" are in different sentences of 'a'.
        expect(await ids({ text: 'Burns Naryshkin' })).toEqual({ total: 2, ids: ['c', 'a'] });
        expect(await ids({ text: 'Ankara', publisher: 'TASS' })).toEqual({ total: 1, ids: ['d'] });
        expect(await ids({ text: '   ' })).toEqual({ total: 5, ids: ['b', 'c', 'a', 'e', 'd'] });
        expect(await ids({ text: '!!!' })).toEqual({ total: 0, ids: [] });
      });
    });

    it('counts what is stored', async () => {
      await store.putDocuments([
        callArticle(),
        bare({ id: 'ap', publisher: 'AP', date: '2023-06-30', text: 'Talks ended. Both sides left.' }),
        bare({ id: 'ru', text: RUSSIAN_TEXT }),
      ]);
      expect(await store.stats()).toEqual({
        documents: 3,
        analysed: 2,
        sentences: 4 + 2,
        characters: CALL_TEXT.length + 'Talks ended. Both sides left.'.length + RUSSIAN_TEXT.length,
        findings: { time: 2, mention: 3, entity: 1, attribution: 1, event: 1 },
        warnings: 2,
        publishers: [
          { publisher: 'AP', documents: 1 },
          { publisher: 'TASS', documents: 1 },
          { publisher: null, documents: 1 },
        ],
        sources: [
          { source: null, documents: 2 },
          { source: 'Russia', documents: 1 },
        ],
        languages: [
          { lang: 'en', documents: 2 },
          { lang: 'ru', documents: 1 },
        ],
        dates: { from: '2023-06-30', to: '2023-07-13' },
        schemaVersion: 3,
      });
    });

    describe('events and entities as the workbench lists them', () => {
      const burns = { id: 'person:burns', name: 'William Burns', type: 'person' as const };
      const event = (id: string, date: string | null, documents: string[], conflict = false): CompareEvent => ({
        id,
        label: `Talks ${id}`,
        type: 'meeting',
        date: date === null ? null : { start: date, end: date, precision: 'day' },
        place: null,
        participants: [burns],
        documents,
        accounts: [],
        points: conflict ? [{ id: 'p1', summary: 'who called', status: 'conflict', sources: ['A', 'B'], evidence: [], reason: 'assertion vs denial' }] : [],
      });
      const change = (events: CompareEvent[], links: LinkChange['entityLinks'] = []): LinkChange => ({
        documents: [...new Set(links.map((l) => l.doc))],
        entityLinks: links,
        entities: links.length > 0 ? [{ id: burns.id, name: 'Burns', type: 'person', aliases: ['Burns'], roles: [], affiliations: [] }] : [],
        removeEvents: [],
        events: events.map((e) => ({ event: e, mainOf: [], blocks: [] })),
      });

      it('lists events newest first, undated last, then by documents and id, with their dates', async () => {
        await store.applyLinks(
          change([
            event('ev-old', '2023-01-01', ['d1']),
            event('ev-undated', null, ['d1']),
            event('ev-tie-a', '2023-03-01', ['d1']),
            event('ev-new', '2023-05-01', ['d1'], true),
            event('ev-tie-b', '2023-03-01', ['d1', 'd2']),
            event('ev-tie-0', '2023-03-01', ['d2']),
          ]),
        );
        const page = await store.listEvents({ limit: 10, offset: 0 });
        expect(page.items.map((e) => e.id)).toEqual(['ev-new', 'ev-tie-b', 'ev-tie-0', 'ev-tie-a', 'ev-old', 'ev-undated']);
        expect(page.total).toBe(6);
        expect(page.totalCapped).toBeUndefined();
        expect(page.items[0]).toMatchObject({ date: { start: '2023-05-01', end: '2023-05-01', precision: 'day' }, conflictCount: 1, pointCount: 1 });
        expect(page.items.at(-1)?.date).toBeNull();
        const conflicts = await store.listEvents({ limit: 10, offset: 0, hasConflict: false, to: '2023-03-31' });
        expect(conflicts).toMatchObject({ total: 4, items: [{ id: 'ev-tie-b' }, { id: 'ev-tie-0' }, { id: 'ev-tie-a' }, { id: 'ev-old' }] });
        expect((await store.listEvents({ limit: 2, offset: 4, type: 'meeting' })).items.map((e) => e.id)).toEqual(['ev-old', 'ev-undated']);
      });

      it('counts at most 10,000 events for a total, unless the page asked for reaches further', async () => {
        const many = Array.from({ length: 10_002 }, (_, i) => event(`ev-${String(i).padStart(5, '0')}`, '2022-01-01', ['d1'], i % 2 === 0));
        await store.applyLinks(change(many));
        const first = await store.listEvents({ limit: 20, offset: 0 });
        expect(first).toMatchObject({ total: 10_000, totalCapped: true });
        expect(first.items.map((e) => e.id).slice(0, 2)).toEqual(['ev-00000', 'ev-00001']);
        const last = await store.listEvents({ limit: 50, offset: 9_990 });
        expect(last.total).toBe(10_002);
        expect(last.totalCapped).toBeUndefined();
        expect(last.items.map((e) => e.id)).toEqual(['ev-09990', 'ev-09991', 'ev-09992', 'ev-09993', 'ev-09994', 'ev-09995', 'ev-09996', 'ev-09997', 'ev-09998', 'ev-09999', 'ev-10000', 'ev-10001']);
        const conflicts = await store.listEvents({ limit: 5, offset: 0, hasConflict: true });
        expect(conflicts.total).toBe(5_001);
        expect(conflicts.totalCapped).toBeUndefined();
        expect(conflicts.items.map((e) => e.id)).toEqual(['ev-00000', 'ev-00002', 'ev-00004', 'ev-00006', 'ev-00008']);
      });

      it("lists an entity's statements and events newest first, following a document's new date", async () => {
        const text = (who: string) => `William Burns said the talks with ${who} were useful.`;
        const docs = [
          analysed({ id: 'old', date: '2023-01-05', text: text('Ankara') }),
          analysed({ id: 'new', date: '2023-06-05', text: text('Kyiv') }),
          analysed({ id: 'undated', text: text('Paris') }),
        ];
        await store.putDocuments(docs);
        const links = docs.map((a) => {
          const local = a.entities.find((e) => e.name.includes('Burns'));
          if (!local) throw new Error(`the pipeline found no Burns in ${a.doc.id}`);
          return { doc: a.doc.id, localKey: local.key, entityId: burns.id, mentions: local.mentions.length };
        });
        await store.applyLinks(change([event('ev-a', '2023-01-05', ['old']), event('ev-b', null, ['undated']), event('ev-c', '2023-06-05', ['new'])], links));
        const page = await store.getEntity(burns.id);
        expect(page?.statements.map((st) => [st.document, st.date, st.relation])).toEqual([
          ['new', '2023-06-05', 'by'],
          ['old', '2023-01-05', 'by'],
          ['undated', null, 'by'],
        ]);
        expect(page?.events.map((e) => [e.id, e.date?.start ?? null])).toEqual([['ev-c', '2023-06-05'], ['ev-a', '2023-01-05'], ['ev-b', null]]);
        // A new date for 'old' (its links are not rewritten until it is linked again).
        await store.putDocuments([analysed({ id: 'old', date: '2023-09-01', text: text('Ankara') })], { replace: true });
        expect((await store.getEntity(burns.id))?.statements.map((st) => [st.document, st.date])).toEqual([
          ['old', '2023-09-01'],
          ['new', '2023-06-05'],
          ['undated', null],
        ]);
        expect(await store.integrityCheck()).toEqual([]);
      });
    });

    it('finds no problem in a sound store', async () => {
      await store.putDocuments([callArticle(), analysed({ text: 'Another article. With two sentences.' })]);
      await store.putDocuments([callArticle({ text: `${CALL_TEXT}\nA correction was added.\n` })]);
      expect(await store.integrityCheck()).toEqual([]);
    });
  });
}
