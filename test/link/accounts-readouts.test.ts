/**
 * The accounts stage on readouts-dev (research data, read from ../shared/data, never copied here):
 * the six documents in one compare run, the gold events standing in for grouping so that this
 * measures the accounts alone, scored by the definitions of eval/accounts.ts against the issue's
 * bars. `npm run eval:accounts` prints the full table, with cross-document grouping.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bcubed, scorePoints, type GoldPoint } from '../../eval/accounts-score.js';
import { toDocument } from '../../src/ingest/document.js';
import { readInputs } from '../../src/ingest/inputs.js';
import { groupBySet } from '../../src/link/accounts/grouping.js';
import { compare } from '../../src/link/compare.js';
import type { AnalysedDocument } from '../../src/model/document.js';
import { analyse } from '../../src/nlp/pipeline.js';
import { packagePath } from '../../src/paths.js';

const DIR = packagePath('..', 'shared', 'data', 'readouts-dev');
const present = existsSync(`${DIR}/docs.jsonl`) && existsSync(`${DIR}/gold.jsonl`);
if (!present) console.warn(`skipped: readouts-dev absent (${DIR})`);

describe.skipIf(!present)('accounts on readouts-dev (gold events)', () => {
  it('meets the bars: recall, status accuracy, shared recall, both conflicts, precision, few points', async () => {
    const docs: AnalysedDocument[] = [];
    for await (const input of readInputs([`${DIR}/docs.jsonl`])) {
      if (input.ok) docs.push(analyse(toDocument(input.record)));
    }
    const goldEvent = new Map<string, string>();
    for (const line of readFileSync(`${DIR}/docs.jsonl`, 'utf8').split('\n').filter((l) => l.trim())) {
      const r = JSON.parse(line) as { id: string; event: string };
      goldEvent.set(r.id, r.event);
    }
    const gold = readFileSync(`${DIR}/gold.jsonl`, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as GoldPoint);
    expect(docs.map((a) => a.doc.id).sort()).toEqual([...goldEvent.keys()].sort());

    const result = compare(docs, { group: groupBySet((a) => goldEvent.get(a.doc.id) ?? a.doc.id) });
    const texts = new Map(docs.map((a) => [a.doc.id, a.doc.text]));
    const sides: Record<string, string> = { US: 'United States', RU: 'Russia' };
    const score = scorePoints(result, gold, (id) => texts.get(id), (s) => sides[s] ?? s);
    expect(bcubed(new Map(result.documents.map((d) => [d.id, d.main_event])), goldEvent).f1).toBe(1);
    expect(score.pointRecall).toBeGreaterThanOrEqual(0.75);
    expect(score.statusAccuracy).toBeGreaterThanOrEqual(0.65);
    expect(score.sharedRecall).toBeGreaterThanOrEqual(0.6);
    expect(score.conflictRecall).toBe(1);
    expect(score.conflictPrecision).toBeGreaterThanOrEqual(0.5);
    expect(score.pointsPerGold).toBeLessThanOrEqual(2.5);

    // The whole comparison, with cross-document grouping, does not depend on the input order.
    expect(JSON.stringify(compare([...docs].reverse()))).toBe(JSON.stringify(compare(docs)));
  });
});

describe('the accounts score', () => {
  const text = 'Alpha said one thing. Beta said another thing entirely.';
  const point = (status: 'shared' | 'only' | 'conflict', sources: string[], spans: Array<[number, number]>) => ({
    id: `p${spans.join()}`,
    summary: '',
    status,
    sources,
    reason: null,
    evidence: spans.map(([start, end]) => ({ source: sources[0] ?? '', document: 'd', start, end, text: text.slice(start, end) })),
  });

  it('matches evidence by the issue’s overlap rule, and needs the right side for only:<side>', () => {
    const gold: GoldPoint[] = [
      { event_id: 'E', point_id: 'G1', summary: '', status: 'only:A', evidence: { A: [{ doc_id: 'd', quote: 'Alpha said one thing.' }] } },
      { event_id: 'E', point_id: 'G2', summary: '', status: 'only:B', evidence: { B: [{ doc_id: 'd', quote: 'another thing' }] } },
    ];
    const result = {
      documents: [],
      events: [
        {
          id: 'e', label: '', type: '', date: null, place: null, participants: [], documents: ['d'], accounts: [],
          // The second sentence (33 long) holds the 13-long quote: 100% of the quote, 39% of the span.
          points: [point('only', ['A'], [[0, 21]]), point('only', ['A'], [[22, 55]])],
        },
      ],
    };
    const score = scorePoints(result, gold, () => text, (s) => s);
    expect(score.matches.map((m) => [m.gold, m.predicted !== null, m.statusOk])).toEqual([
      ['G1', true, true],
      ['G2', true, false],
    ]);
    expect(score.pointRecall).toBe(1);
    expect(score.statusAccuracy).toBe(0.5);
  });

  it('does not match a span much longer than the quote', () => {
    const gold: GoldPoint[] = [{ event_id: 'E', point_id: 'G', summary: '', status: 'shared', evidence: { A: [{ doc_id: 'd', quote: 'one' }] } }];
    const result = {
      documents: [],
      events: [{ id: 'e', label: '', type: '', date: null, place: null, participants: [], documents: ['d'], accounts: [], points: [point('shared', ['A'], [[0, 55]])] }],
    };
    expect(scorePoints(result, gold, () => text, (s) => s).found).toBe(0);
  });
});
