import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { toDocument } from '../../src/ingest/document.js';
import { documentBlocks, EventIndex, groupEvents, groupsOf, type EventGroup } from '../../src/link/events.js';
import type { AnalysedDocument } from '../../src/model/document.js';
import type { EntityFinding, EntityType, EventFinding, Mention } from '../../src/model/findings.js';
import { emptyAnalysis } from '../../src/nlp/pipeline.js';
import { analyse } from '../../src/nlp/pipeline.js';
import { packagePath } from '../../src/paths.js';

function doc(id: string, date: string, title: string, text: string): AnalysedDocument {
  return analyse(toDocument({ id, date, title, text }));
}

function groupOf(groups: readonly EventGroup[], id: string | null | undefined): EventGroup | undefined {
  return groups.find((g) => g.id === id);
}

describe('grouping events across documents', () => {
  let july: AnalysedDocument;
  let kremlin: AnalysedDocument;
  let august: AnalysedDocument;
  let seed: AnalysedDocument;
  let confirms: AnalysedDocument;

  beforeAll(() => {
    july = doc(
      'wh-july',
      '2021-07-09',
      'Readout of President Biden Call with President Vladimir Putin of Russia',
      'President Biden spoke today with President Putin. President Biden also spoke with President Putin about the ongoing ransomware attacks.',
    );
    kremlin = doc(
      'kremlin-july',
      '2021-07-09',
      'Telephone conversation with US President Joseph Biden',
      'Vladimir Putin had a telephone conversation with President of the United States Joseph Biden. The presidents discussed information security.',
    );
    august = doc(
      'wh-august',
      '2021-08-12',
      'Readout of President Biden Call with President Vladimir Putin of Russia',
      'President Biden spoke today with President Putin. The leaders discussed the situation in Afghanistan.',
    );
    const text = readFileSync(packagePath('examples', 'naryshkin-burns-2023-07-13.txt'), 'utf8');
    seed = analyse(toDocument({ id: 'seed', text, bodyStart: text.indexOf('Head of'), date: '2023-07-13' }));
    confirms = doc(
      'naryshkin-confirms',
      '2023-07-12',
      'Naryshkin confirms telephone conversation with CIA Director Burns',
      'Yes, indeed, the conversation took place at the end of last month. The main part of the conversation was focused on Ukraine.',
    );
  });

  it('makes the same call reported by two documents one event, dated by the readout', () => {
    const { events, mainEvent } = groupEvents([july, kremlin]);
    const main = mainEvent.get('wh-july');
    expect(main).not.toBeNull();
    expect(mainEvent.get('kremlin-july')).toBe(main);
    const call = groupOf(events, main);
    expect(call?.type).toBe('call');
    expect(call?.documents).toEqual(['kremlin-july', 'wh-july']);
    expect(call?.date).toEqual({ start: '2021-07-09', end: '2021-07-09', precision: 'day' });
    expect(call?.participants.map((p) => p.id).sort()).toEqual(['person:joe-biden', 'person:vladimir-putin']);
    expect(call?.label).toBe('Phone call: Vladimir Putin – Joseph Biden');
  });

  it('keeps two calls between the same presidents a month apart as two events', () => {
    const { events, mainEvent } = groupEvents([july, kremlin, august]);
    const first = mainEvent.get('wh-july');
    const second = mainEvent.get('wh-august');
    expect(first).toBe(mainEvent.get('kremlin-july'));
    expect(second).not.toBe(first);
    expect(groupOf(events, second)?.documents).toEqual(['wh-august']);
    expect(groupOf(events, second)?.date?.start).toBe('2021-08-12');
  });

  it('joins a document that names the participants only in its headline', () => {
    const { events, mainEvent } = groupEvents([seed, confirms]);
    const call = groupOf(events, mainEvent.get('seed'));
    expect(mainEvent.get('naryshkin-confirms')).toBe(call?.id);
    expect(call?.type).toBe('call');
    expect(call?.participants.slice(0, 2).map((p) => p.id)).toEqual(['person:sergei-naryshkin', 'person:william-burns']);
    // The most precise date of the two: "at the end of last month" over "recent".
    expect(call?.date).toEqual({ start: '2023-06-21', end: '2023-06-30', precision: 'day' });
    const visit = events.find((g) => g.type === 'visit');
    expect(visit?.place).toBe('Kiev');
    expect(visit?.label).toBe('Visit: William Burns – Volodymyr Zelensky – Ukrainian intelligence officials');
  });

  it('does not depend on the order of the documents', () => {
    const all = [july, kremlin, august, seed, confirms];
    const forward = groupEvents(all);
    const backward = groupEvents([...all].reverse());
    expect(backward.events).toEqual(forward.events);
    expect([...backward.mainEvent].sort()).toEqual([...forward.mainEvent].sort());
  });

  it('gives the same events when a corpus is ingested in two halves', () => {
    const all = [july, kremlin, august, seed, confirms];
    const index = new EventIndex();
    for (const a of [confirms, august]) index.add(a);
    for (const a of [seed, july, kremlin, july]) index.add(a);
    const halves = groupsOf(index);
    const once = groupEvents(all);
    expect(halves.events).toEqual(once.events);
    expect([...halves.mainEvent].sort()).toEqual([...once.mainEvent].sort());
  });

  it('gives each group the blocks a store finds it by', () => {
    const { events, mainEvent } = groupEvents([july, kremlin]);
    const call = groupOf(events, mainEvent.get('wh-july'));
    expect(call?.blocks).toContain('consult|person:biden+person:putin|1176');
    for (const b of documentBlocks(kremlin)) expect(events.some((g) => g.blocks.includes(b))).toBe(true);
  });
});

/** A synthetic analysed document: people talking on a day, as the events stage would leave it. */
function synthetic(id: string, day: number, people: Array<[string, string]>, type: string): AnalysedDocument {
  const date = new Date(Date.UTC(2020, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
  const text = people.map(([first, last]) => `${first} ${last}`).join(' met ') + '.';
  const a = emptyAnalysis({ ...toDocument({ id, text, date, title: `${people.map((p) => p[1]).join(' and ')} meet` }) });
  let at = 0;
  people.forEach(([first, last], k) => {
    const name = `${first} ${last}`;
    const key = `e${k + 1}`;
    const span = { start: at, end: at + name.length };
    const mention: Mention = { kind: 'mention', ...span, text: name, type: 'person' as EntityType, entity: key, form: 'name' };
    const entity: EntityFinding = { kind: 'entity', ...span, key, name, type: 'person', aliases: [], roles: [], affiliations: [], mentions: [span] };
    a.mentions.push(mention);
    a.entities.push(entity);
    at += name.length + 5;
  });
  a.sentences.push({ kind: 'sentence', start: 0, end: text.length, firstToken: 0, lastToken: 0, paragraph: 0 });
  const event: EventFinding = {
    kind: 'event',
    key: 'v1',
    type,
    label: type,
    trigger: [{ start: 0, end: 1 }],
    participants: a.entities.map((e) => e.key),
    place: null,
    date: { start: date, end: date, precision: 'day' },
    mentions: [{ start: 0, end: text.length }],
    start: 0,
    end: text.length,
  };
  a.events.push(event);
  return a;
}

/**
 * `n` documents over `n / 5` days: the density of news stays the same as the corpus grows. Each
 * day five meetings of five different pairs of people; a pair meets again four days later.
 */
function corpus(n: number): AnalysedDocument[] {
  const people: Array<[string, string]> = [
    ['Anna', 'Morrow'], ['Boris', 'Volkov'], ['Chen', 'Petrenko'], ['Dana', 'Hale'], ['Emil', 'Dubois'],
    ['Fatima', 'Keller'], ['Gil', 'Sato'], ['Hana', 'Mehta'], ['Ivo', 'Silva'], ['Jana', 'Nowak'],
  ];
  const pairs: Array<[number, number]> = [];
  for (let a = 0; a < people.length && pairs.length < 20; a++) for (let b = a + 1; b < people.length && pairs.length < 20; b += 3) pairs.push([a, b]);
  const docs: AnalysedDocument[] = [];
  for (let i = 0; i < n; i++) {
    const [a, b] = pairs[i % pairs.length] as [number, number];
    docs.push(synthetic(`d${i}`, Math.floor(i / 5), [people[a] as [string, string], people[b] as [string, string]], i % 3 === 0 ? 'call' : 'meeting'));
  }
  return docs;
}

describe('grouping cost', () => {
  it('grows near-linearly: four times the documents, about four times the comparisons', () => {
    const small = groupEvents(corpus(300)).comparisons;
    const large = groupEvents(corpus(1200)).comparisons;
    expect(small).toBeGreaterThan(0);
    expect(large / small).toBeLessThan(5);
  });

  it('keeps apart meetings of other people the same day, and of the same people days apart', () => {
    const { events, mainEvent } = groupEvents(corpus(200));
    expect(events).toHaveLength(200);
    expect(new Set(mainEvent.values()).size).toBe(200);
  });
});

/** The synthetic document with generic participants added to its event ("officials", the UN). */
function withGeneric(a: AnalysedDocument, generic: Array<[EntityType, string]>): AnalysedDocument {
  for (const [type, name] of generic) {
    const key = `e${a.entities.length + 1}`;
    const span = { start: 0, end: 1 };
    a.mentions.push({ kind: 'mention', ...span, text: name, type, entity: key, form: 'name' });
    a.entities.push({ kind: 'entity', ...span, key, name, type, aliases: [], roles: [], affiliations: [], mentions: [span] });
    a.events[0]?.participants.push(key);
  }
  return a;
}

describe('generic participants', () => {
  const officials: Array<[EntityType, string]> = [['group', 'officials'], ['organization', 'United Nations']];
  const meeting = (id: string, people: Array<[string, string]>): AnalysedDocument => withGeneric(synthetic(id, 10, people, 'meeting'), officials);

  it('does not chain meetings of other people through officials or the United Nations', () => {
    const docs = [
      meeting('a', [['Anna', 'Morrow'], ['Boris', 'Volkov']]),
      meeting('b', [['Anna', 'Morrow'], ['Chen', 'Petrenko']]),
      meeting('c', [['Dana', 'Hale'], ['Emil', 'Dubois']]),
    ];
    const { events } = groupEvents(docs);
    expect(events.map((g) => g.documents)).toEqual(expect.arrayContaining([['a'], ['b'], ['c']]));
    expect(events).toHaveLength(3);
    // Shown as participants, never a key a store finds events by.
    expect(events[0]?.participants.map((p) => p.id)).toEqual(expect.arrayContaining(['group:officials', 'organization:united-nations']));
    for (const d of docs) for (const b of documentBlocks(d)) expect(b).not.toMatch(/group:officials|united-nations/);
  });

  it('still makes one event of one meeting reported with officials by two documents', () => {
    const { events } = groupEvents([meeting('a', [['Anna', 'Morrow'], ['Boris', 'Volkov']]), meeting('b', [['Anna', 'Morrow'], ['Boris', 'Volkov']])]);
    expect(events.map((g) => g.documents)).toEqual([['a', 'b']]);
  });
});

describe('loose mentions', () => {
  it('does not let a passing mention dated to a month bridge two calls of the same people', () => {
    const pair: Array<[string, string]> = [['Anna', 'Morrow'], ['Boris', 'Volkov']];
    const early = synthetic('early', 2, pair, 'call');
    const late = synthetic('late', 20, pair, 'call');
    const mention = synthetic('mention', 40, [['Dana', 'Hale'], ['Emil', 'Dubois']], 'meeting');
    // A second, passing event in it: "Morrow and Volkov spoke by phone in January".
    const first = synthetic('tmp', 0, pair, 'call').events[0] as EventFinding;
    for (const e of first.participants) {
      const entity = synthetic('tmp', 0, pair, 'call').entities.find((x) => x.key === e) as EntityFinding;
      mention.entities.push({ ...entity, key: `p${e}` });
    }
    mention.events.push({ ...first, key: 'v2', participants: first.participants.map((e) => `p${e}`), date: { start: '2020-01-01', end: '2020-01-31', precision: 'month' }, mentions: [] });
    const { events, mainEvent } = groupEvents([early, late, mention]);
    expect(mainEvent.get('early')).not.toBe(mainEvent.get('late'));
    expect(events.find((g) => g.documents.includes('early'))?.documents).toEqual(['early']);
  });
});
