/**
 * Properties of the whole: ingesting a document twice equals ingesting it once (same documents,
 * findings, events and entities in the store); `compare` is deterministic and independent of the
 * order of its input; and a document read back from the store is the document written.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalJson, dumpStore } from '../../scripts/crash-harness.js';
import { toDocument } from '../../src/ingest/document.js';
import { ingest } from '../../src/ingest/run.js';
import { compare } from '../../src/link/compare.js';
import type { SourceRecord } from '../../src/model/document.js';
import { analyse } from '../../src/nlp/pipeline.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { newsRecord, newsText } from './grammar.js';
import { spanProblems } from './span-check.js';

const dir = mkdtempSync(join(tmpdir(), 'rashomon-properties-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function jsonl(records: readonly SourceRecord[]): string {
  const path = join(dir, `records-${files++}.jsonl`);
  writeFileSync(path, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
  return path;
}

const dumpOf = async (store: ReturnType<typeof openSqliteStore>): Promise<unknown> => {
  const d = await dumpStore(store);
  return { documents: [...d.documents].sort(), events: [...d.events].sort(), entities: [...d.entities].sort() };
};

describe('ingest is idempotent', () => {
  it('twice equals once, and the second time changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(newsRecord, { minLength: 1, maxLength: 6 }), async (records) => {
        const path = jsonl(records);
        const once = openSqliteStore(':memory:');
        const twice = openSqliteStore(':memory:');
        try {
          await ingest([path], once, { workers: 1 });
          const first = await ingest([path], twice, { workers: 1 });
          const second = await ingest([path], twice, { workers: 1 });
          expect(second.added + second.updated).toBe(0);
          expect(second.unchanged).toBe(first.added + first.updated + first.unchanged);
          expect(await dumpOf(twice)).toEqual(await dumpOf(once));
          expect(await twice.integrityCheck()).toEqual([]);
        } finally {
          await once.close();
          await twice.close();
        }
      }),
      { numRuns: 8 },
    );
  }, 90_000);

  it('the same document twice in one run is stored once', async () => {
    await fc.assert(
      fc.asyncProperty(newsRecord, async (record) => {
        const store = openSqliteStore(':memory:');
        try {
          const report = await ingest([jsonl([record, record])], store, { workers: 1 });
          expect([report.added, report.unchanged]).toEqual([1, 1]);
          expect((await store.listDocuments({ limit: 10, offset: 0 })).total).toBe(1);
        } finally {
          await store.close();
        }
      }),
      { numRuns: 5 },
    );
  }, 60_000);
});

describe('compare', () => {
  it('is deterministic and independent of the order of its documents', () => {
    fc.assert(
      fc.property(
        fc.array(newsRecord, { minLength: 2, maxLength: 5 }).chain((records) => fc.tuple(fc.constant(records), fc.shuffledSubarray(records, { minLength: records.length }))),
        ([records, shuffled]) => {
          const one = compare(records.map((r) => analyse(toDocument(r))));
          const again = compare(records.map((r) => analyse(toDocument(r))));
          const reordered = compare(shuffled.map((r) => analyse(toDocument(r))));
          expect(canonicalJson(again)).toBe(canonicalJson(one));
          expect(canonicalJson(reordered)).toBe(canonicalJson(one));
        },
      ),
      { numRuns: 15 },
    );
  }, 90_000);
});

describe('the store gives back what it was given', () => {
  it('keeps the text and every finding of a document exactly, whatever its characters', async () => {
    const store = openSqliteStore(':memory:');
    try {
      await fc.assert(
        fc.asyncProperty(newsText, async (text) => {
          const a = analyse(toDocument({ text }));
          await store.putDocuments([a]);
          const back = await store.getDocument(a.doc.id);
          expect(back?.doc.text).toBe(text);
          const { tokens: _t, ...written } = a;
          const { ingestedAt: _i, updatedAt: _u, ...read } = back ?? { ingestedAt: '', updatedAt: '' };
          expect(canonicalJson(read)).toBe(canonicalJson(written));
          if (back) expect(spanProblems({ ...back, tokens: [] })).toEqual([]);
        }),
        { numRuns: 30 },
      );
    } finally {
      await store.close();
    }
  }, 60_000);

  // BUG (src/store/sqlite.ts, reported): half a surrogate pair, which JSON can carry ("\ud800") and
  // the API accepts, comes back from SQLite as three U+FFFD: the text grows by two code units and
  // every span after it is off. The JSONL reader now replaces lone surrogates (with a warning);
  // the store (or toDocument) should refuse or replace them too, and integrityCheck could compare
  // each finding's text with its span.
  it.fails('keeps a text with a lone surrogate, and its spans, exactly', async () => {
    const store = openSqliteStore(':memory:');
    try {
      const a = analyse(toDocument({ text: 'Sergei Lavrov said \ud800 on Monday that the talks in Geneva were useful.' }));
      await store.putDocuments([a]);
      const back = await store.getDocument(a.doc.id);
      expect(back?.doc.text).toBe(a.doc.text);
    } finally {
      await store.close();
    }
  });
});
