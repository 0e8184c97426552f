import { describe, expect, it } from 'vitest';
import { markedSpans, parseQuery, toFtsQuery } from '../../src/store/fts-query.js';

describe('search query', () => {
  it('keeps words, "phrases" and word* prefixes, each quoted so nothing is an operator', () => {
    expect(parseQuery('Burns  "late June" teleph* ')).toEqual([
      { text: 'Burns', prefix: false },
      { text: 'late June', prefix: false },
      { text: 'teleph', prefix: true },
    ]);
    expect(toFtsQuery('Burns NOT Naryshkin')).toBe('"Burns" "NOT" "Naryshkin"');
    expect(toFtsQuery('say "he said "')).toBe('"say" "he said"');
    expect(toFtsQuery('col:umn a"b')).toBe('"col:umn" "a""b"');
  });

  it('drops what has no letter or digit, and gives null when nothing is left', () => {
    expect(toFtsQuery('- * ... ""')).toBeNull();
    expect(toFtsQuery('')).toBeNull();
    expect(toFtsQuery('"unclosed phrase')).toBe('"unclosed phrase"');
    expect(toFtsQuery('2023')).toBe('"2023"');
  });
});

describe('marked spans', () => {
  it('gives the offsets of the marked terms in the unmarked text', () => {
    expect(markedSpans('Burns called Burns.', '<Burns> called <Burns>.', '<', '>')).toEqual([
      { start: 0, end: 5 },
      { start: 13, end: 18 },
    ]);
  });

  it('is not misled by a marker character that is part of the text', () => {
    const original = 'a <b> c';
    expect(markedSpans(original, 'a <b> <c>', '<', '>')).toEqual([{ start: 6, end: 7 }]);
    expect(markedSpans('x😀 y', 'x😀 <y>', '<', '>')).toEqual([{ start: 4, end: 5 }]);
  });
});
