/**
 * The seed article, golden: compare gives the Naryshkin–Burns call with the accounts of U.S.
 * officials and of Naryshkin, the conflict over what the call was for, and what only Naryshkin says.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { toDocument } from '../../src/ingest/document.js';
import { groupBySet } from '../../src/link/accounts/grouping.js';
import { compare } from '../../src/link/compare.js';
import type { CompareEvent, CompareResult, Point } from '../../src/model/compare.js';
import type { AnalysedDocument } from '../../src/model/document.js';
import { analyse } from '../../src/nlp/pipeline.js';

const SEED_PATH = new URL('../../examples/naryshkin-burns-2023-07-13.txt', import.meta.url);
const SEED = readFileSync(SEED_PATH, 'utf8');

function seedDocument(): AnalysedDocument {
  return analyse(toDocument({ text: SEED, bodyStart: SEED.indexOf('Head of'), date: '2023-07-13', path: SEED_PATH.pathname }));
}

const has = (p: Point, source: string, words: string): boolean => p.evidence.some((e) => e.source === source && e.text.includes(words));

/** What the seed must show about the call, whichever grouping found it. */
function checkCallAccounts(call: CompareEvent): void {
  expect(call.accounts.map((a) => a.source)).toEqual(expect.arrayContaining(['U.S. officials', 'Sergei Naryshkin']));
  const us = call.accounts.find((a) => a.source === 'U.S. officials');
  expect(us?.claims.map((c) => c.text)).toEqual([
    'According to U.S. officials who spoke to The Wall Street Journal, Burns had contacted Naryshkin after a short-lived mutiny by Yevgeny Prigozhin, the leader of a Russian paramilitary group.',
    'The purpose of the call was reportedly to reassure Moscow that the U.S. government was not involved in any actions aimed at overthrowing the Russian government.',
  ]);
  // Background the article gives in its own voice is no one's account of the call.
  expect(call.accounts.flatMap((a) => a.claims).some((c) => c.text.includes('secretly traveled to Kiev'))).toBe(false);

  const conflicts = call.points.filter((p) => p.status === 'conflict');
  const purpose = conflicts.find((p) => has(p, 'U.S. officials', 'reassure Moscow'));
  expect(purpose, 'a conflict holding the sentence on reassuring Moscow').toBeDefined();
  expect(has(purpose as Point, 'Sergei Naryshkin', 'merely a pretext')).toBe(true);
  expect(has(purpose as Point, 'Sergei Naryshkin', 'Ukraine')).toBe(true);
  expect(purpose?.sources).toEqual(['Sergei Naryshkin', 'U.S. officials']);
  expect(purpose?.reason).toMatch(/^different main purpose/);
  expect(purpose?.reason).toContain('Contrary to this');

  const onlyNaryshkin = call.points.filter((p) => p.status === 'only' && p.sources.join() === 'Sergei Naryshkin');
  expect(onlyNaryshkin.some((p) => p.evidence.some((e) => e.text.includes('this visit was not discussed')))).toBe(true);
  expect(onlyNaryshkin.some((p) => p.evidence.some((e) => e.text.includes('lasted approximately an hour')))).toBe(true);
  for (const p of call.points) expect(p.reason === null).toBe(p.status !== 'conflict');
}

function checkSpans(result: CompareResult, docs: readonly AnalysedDocument[]): void {
  const text = new Map(docs.map((a) => [a.doc.id, a.doc.text]));
  for (const e of result.events) {
    for (const p of e.points) for (const ev of p.evidence) expect(text.get(ev.document)?.slice(ev.start, ev.end)).toBe(ev.text);
    for (const a of e.accounts) for (const c of a.claims) expect(text.get(c.document)?.slice(c.start, c.end)).toBe(c.text);
  }
}

describe('compare on the seed article', () => {
  let doc: AnalysedDocument;
  let result: CompareResult;
  let call: CompareEvent;
  beforeAll(() => {
    doc = seedDocument();
    result = compare([doc]);
    const main = result.documents[0]?.main_event;
    call = result.events.find((e) => e.id === main) as CompareEvent;
  });

  it('names the call as the main event, between Sergei Naryshkin and William Burns', () => {
    expect(result.documents).toEqual([
      { id: doc.doc.id, title: null, date: '2023-07-13', publisher: null, source: null, main_event: call.id },
    ]);
    expect(call.type).toBe('call');
    expect(call.participants.map((p) => p.name)).toEqual(expect.arrayContaining(['Sergei Naryshkin', 'William Burns']));
    expect(call.documents).toEqual([doc.doc.id]);
  });

  it('dates the call compatibly with 2023-06-23..2023-07-13 (after the mutiny, before publication)', () => {
    const date = call.date;
    // The article says "recent"; the events stage gives the range its words allow, which must meet the window.
    const meets = date !== null && date.start <= '2023-07-13' && date.end >= '2023-06-23' && date.end <= '2023-07-13';
    expect(meets, `the call is dated ${JSON.stringify(date)}`).toBe(true);
  });

  it('lays out the accounts of U.S. officials and Naryshkin, their conflict, and what only Naryshkin says', () => {
    checkCallAccounts(call);
  });

  it('finds the article’s other events too', () => {
    const types = result.events.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['mutiny', 'summit', 'visit', 'invasion']));
  });

  it('gives exact spans and is deterministic', () => {
    checkSpans(result, [doc]);
    expect(JSON.stringify(compare([seedDocument()]))).toBe(JSON.stringify(result));
  });

  it('holds for the accounts stage alone, with the document as one event', () => {
    const alone = compare([doc], { group: groupBySet() });
    expect(alone.events).toHaveLength(1);
    const only = alone.events[0] as CompareEvent;
    expect(only.participants.map((p) => p.name)).toEqual(['Sergei Naryshkin', 'William Burns']);
    checkCallAccounts(only);
    checkSpans(alone, [doc]);
  });
});
