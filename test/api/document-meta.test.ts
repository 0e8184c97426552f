/** The metadata cache behind event pages and the timeline: reads a document's row once, forgets on write or with age. */
import { describe, expect, it } from 'vitest';
import { DocumentMetaCache } from '../../src/api/document-meta.js';
import { toDocument } from '../../src/ingest/document.js';
import { analyse } from '../../src/nlp/pipeline.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/store.js';

function counting(store: Store): { store: Store; reads: () => number } {
  let reads = 0;
  const wrapped = Object.create(store) as Store;
  wrapped.documentSummaries = (ids) => {
    reads += ids.length;
    return store.documentSummaries(ids);
  };
  return { store: wrapped, reads: () => reads };
}

describe('DocumentMetaCache', () => {
  it('caches, evicts the least recently used, expires and clears', async () => {
    const sqlite = openSqliteStore(':memory:');
    await sqlite.putDocuments(['a', 'b', 'c'].map((id) => analyse(toDocument({ id, text: `Report ${id} was filed.`, date: '2023-01-0' + (id.charCodeAt(0) - 96), title: `T ${id}` }))));
    const { store, reads } = counting(sqlite);
    let now = 0;
    const cache = new DocumentMetaCache(store, 2, 1000, () => now);
    const first = await cache.get(['a', 'b', 'missing']);
    expect([...first.values()].map((d) => [d.id, d.title, d.date])).toEqual([
      ['a', 'T a', '2023-01-01'],
      ['b', 'T b', '2023-01-02'],
    ]);
    expect(reads()).toBe(3);
    await cache.get(['a', 'b']);
    expect(reads()).toBe(3);
    await cache.get(['c']);
    expect(reads()).toBe(4);
    await cache.get(['b', 'c']);
    expect(reads()).toBe(4);
    await cache.get(['a']);
    expect(reads()).toBe(5);
    now = 5000;
    await cache.get(['a']);
    expect(reads()).toBe(6);
    cache.clear();
    await cache.get(['a']);
    expect(reads()).toBe(7);
  });
});
