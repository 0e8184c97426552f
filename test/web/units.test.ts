/** The web app's DOM-free parts: routes, highlight pieces, time axis ticks. */
import { describe, expect, it } from 'vitest';
import { pieces } from '../../src/web/highlight.js';
import { documentRoute, parseHash, parseSpan, query, route } from '../../src/web/routes.js';
import { ticks } from '../../src/web/views/timeline.js';

describe('routes', () => {
  it('round-trips ids with any character through the hash', () => {
    for (const id of ['plain', 'a/b', '../x', 'q?x=1#frag', 'sp ace', 'ünï', '%41']) {
      const r = parseHash(route(['documents', id], { hl: '3-9' }));
      expect(r.path).toEqual(['documents', id]);
      expect(r.params.get('hl')).toBe('3-9');
    }
    expect(parseHash('').path).toEqual([]);
    expect(parseHash('#/events?has_conflict=1').params.get('has_conflict')).toBe('1');
    expect(parseHash('#/documents/%E0%A4%A').path).toEqual(['documents', '%E0%A4%A']);
  });

  it('drops empty parameters and writes flags as 1', () => {
    expect(query({ q: '', type: undefined, has_conflict: true, from: null, limit: 50, x: false })).toBe('?has_conflict=1&limit=50');
    expect(documentRoute('d1', { start: 4, end: 10 })).toBe('#/documents/d1?hl=4-10');
  });

  it('reads a highlight span only when well formed', () => {
    expect(parseSpan('4-10')).toEqual({ start: 4, end: 10 });
    for (const bad of [null, '', '10-4', '4-4', '-1-3', 'a-b', '4-10x', '1-99999999999']) expect(parseSpan(bad)).toBeNull();
  });
});

describe('highlight pieces', () => {
  const marks = [
    { start: 0, end: 5, kind: 'speaker' },
    { start: 0, end: 16, kind: 'entity' },
    { start: 17, end: 22, kind: 'cue' },
    { start: 23, end: 40, kind: 'content' },
  ];
  it('cuts at every boundary, each piece knowing its marks', () => {
    const out = pieces(40, marks);
    expect(out.map((p) => [p.start, p.end, p.marks.map((m) => m.kind).sort()])).toEqual([
      [0, 5, ['entity', 'speaker']],
      [5, 16, ['entity']],
      [16, 17, []],
      [17, 22, ['cue']],
      [22, 23, []],
      [23, 40, ['content']],
    ]);
  });

  it('marks the target pieces and covers the text exactly once', () => {
    const out = pieces(40, marks, { start: 10, end: 30 });
    expect(out.filter((p) => p.target).map((p) => [p.start, p.end])).toEqual([
      [10, 16],
      [16, 17],
      [17, 22],
      [22, 23],
      [23, 30],
    ]);
    let at = 0;
    for (const p of out) {
      expect(p.start).toBe(at);
      at = p.end;
    }
    expect(at).toBe(40);
  });

  it('clips marks and targets that run past the text', () => {
    const out = pieces(10, [{ start: 8, end: 50, kind: 'date' }, { start: 20, end: 30, kind: 'entity' }], { start: 5, end: 99 });
    expect(out.map((p) => [p.start, p.end, p.target, p.marks.length])).toEqual([
      [0, 5, false, 0],
      [5, 8, true, 0],
      [8, 10, true, 1],
    ]);
  });
});

describe('time axis ticks', () => {
  const t = (d: string) => Date.parse(`${d}T00:00:00Z`);
  it('uses weeks, months or years as the range grows', () => {
    expect(ticks(t('2023-06-01'), t('2023-06-30')).map((x) => x.label)).toEqual(['2023-06-01', '2023-06-08', '2023-06-15', '2023-06-22', '2023-06-29']);
    expect(ticks(t('2023-05-20'), t('2023-08-10')).map((x) => x.label)).toEqual(['2023-06', '2023-07', '2023-08']);
    expect(ticks(t('2019-03-01'), t('2023-02-01')).map((x) => x.label)).toEqual(['2020', '2021', '2022', '2023']);
  });
});
