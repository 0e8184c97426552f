import { describe, expectTypeOf, it } from 'vitest';
import type { AnalysedDocument, Span } from '../../src/model/document.js';
import type { EventFinding, TimeExpression } from '../../src/model/findings.js';
import { openStore } from '../../src/store/open.js';
import type { SqliteStore } from '../../src/store/sqlite.js';
import type { SearchHit, Store, StoredDocument } from '../../src/store/store.js';

describe('store types', () => {
  it('gives back the analysed document without tokens, findings typed by kind', () => {
    expectTypeOf<StoredDocument>().not.toHaveProperty('tokens');
    expectTypeOf<StoredDocument['times']>().toEqualTypeOf<TimeExpression[]>();
    expectTypeOf<StoredDocument['events']>().toEqualTypeOf<EventFinding[]>();
    expectTypeOf<StoredDocument['doc']>().toEqualTypeOf<AnalysedDocument['doc']>();
    expectTypeOf<SearchHit['matches']>().toEqualTypeOf<Span[]>();
  });

  it('is async throughout, so PostgreSQL can implement it', () => {
    expectTypeOf<ReturnType<Store['getDocument']>>().toEqualTypeOf<Promise<StoredDocument | null>>();
    expectTypeOf<ReturnType<Store['close']>>().toEqualTypeOf<Promise<void>>();
    expectTypeOf<SqliteStore>().toMatchTypeOf<Store>();
    expectTypeOf(openStore).returns.resolves.toEqualTypeOf<Store>();
  });
});
