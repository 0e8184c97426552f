/**
 * Accounts and points on small two-sided texts, with the documents given together as one event
 * (groupBySet), so that what is tested is the accounts stage: who holds which claim, which claims
 * meet, and which differences are conflicts (and which are only wording).
 */
import { describe, expect, it } from 'vitest';
import { toDocument } from '../../src/ingest/document.js';
import { groupBySet } from '../../src/link/accounts/grouping.js';
import { claimUnits } from '../../src/link/accounts/units.js';
import { compare } from '../../src/link/compare.js';
import type { CompareEvent, Point, SourceRecord } from '../../src/model/index.js';
import type { AnalysedDocument } from '../../src/model/document.js';
import { analyse } from '../../src/nlp/pipeline.js';

function doc(record: SourceRecord): AnalysedDocument {
  return analyse(toDocument(record));
}

function oneEvent(docs: readonly AnalysedDocument[]): CompareEvent {
  const result = compare(docs, { group: groupBySet() });
  expect(result.events).toHaveLength(1);
  return result.events[0] as CompareEvent;
}

/** A point as a reader sees it: status, sources, and the quoted texts. */
function shown(p: Point): { status: string; sources: string[]; quotes: string[] } {
  return { status: p.status, sources: p.sources, quotes: p.evidence.map((e) => e.text) };
}

const US_READOUT =
  'President Biden called President Putin of Russia today. ' +
  'The leaders discussed the humanitarian situation in Syria and the renewal of aid deliveries through the UN Security Council. ' +
  'President Biden raised the ransomware attacks by criminal groups based in Russia. ' +
  'President Biden stressed that the United States will defend its critical infrastructure. ' +
  'The call lasted about an hour. ' +
  'The leaders agreed to continue talks.';
const RU_READOUT =
  'Vladimir Putin had a telephone conversation with US President Joseph Biden at the initiative of the American side. ' +
  'The presidents exchanged views on the humanitarian situation in Syria, including aid deliveries approved by the UN Security Council. ' +
  'Vladimir Putin noted reports of cyberattacks allegedly carried out from Russian territory. ' +
  'The conversation lasted two hours. ' +
  'The leaders agreed to continue consultations.';

describe('two official readouts of one call', () => {
  const us = doc({ id: 'wh-1', text: US_READOUT, source: 'United States', publisher: 'The White House', date: '2021-07-09' });
  const ru = doc({ id: 'kremlin-1', text: RU_READOUT, source: 'Russia', publisher: 'Kremlin', date: '2021-07-09' });
  const event = oneEvent([us, ru]);
  const points = event.points.map(shown);

  it('holds every sentence of a readout as its source’s account, including what it says the other side said', () => {
    expect(event.accounts.map((a) => [a.source, a.documents, a.claims.length])).toEqual([
      ['Russia', ['kremlin-1'], 5],
      ['United States', ['wh-1'], 6],
    ]);
    const putin = event.accounts[0]?.claims.find((c) => c.text.startsWith('Vladimir Putin noted'));
    expect(putin?.speaker).toBe('Vladimir Putin');
  });

  it('aligns the same point told in other words as shared', () => {
    expect(points).toContainEqual({
      status: 'shared',
      sources: ['Russia', 'United States'],
      quotes: [
        'The presidents exchanged views on the humanitarian situation in Syria, including aid deliveries approved by the UN Security Council.',
        'The leaders discussed the humanitarian situation in Syria and the renewal of aid deliveries through the UN Security Council.',
      ],
    });
  });

  it('does not call a difference of wording a conflict: "talks" and "consultations"', () => {
    expect(points).toContainEqual({
      status: 'shared',
      sources: ['Russia', 'United States'],
      quotes: ['The leaders agreed to continue consultations.', 'The leaders agreed to continue talks.'],
    });
  });

  it('finds a hedge against a flat assertion', () => {
    const hedge = event.points.find((p) => p.reason?.startsWith('hedge against a flat assertion'));
    expect(hedge && shown(hedge)).toEqual({
      status: 'conflict',
      sources: ['Russia', 'United States'],
      quotes: [
        'Vladimir Putin noted reports of cyberattacks allegedly carried out from Russian territory.',
        'President Biden raised the ransomware attacks by criminal groups based in Russia.',
      ],
    });
    expect(hedge?.reason).toContain('allegedly carried out from Russian territory');
  });

  it('finds different values of one fact: how long the call lasted', () => {
    const duration = event.points.find((p) => p.reason?.includes('(how long)'));
    expect(duration?.status).toBe('conflict');
    expect(duration?.reason).toBe('different values of one fact (how long): Russia says 120 minutes; United States says 60 minutes');
    expect(duration?.evidence.map((e) => e.text)).toEqual(['The conversation lasted two hours.', 'The call lasted about an hour.']);
  });

  it('agrees on who initiated the call though the words differ', () => {
    const occurred = event.points.find((p) => p.summary.includes('who initiated'));
    expect(occurred?.status).toBe('shared');
    expect(occurred?.summary).toMatch(/who initiated the \w+: the United States side$/);
  });

  it('keeps what only one side says as its own point', () => {
    expect(points).toContainEqual({
      status: 'only',
      sources: ['United States'],
      quotes: ['President Biden stressed that the United States will defend its critical infrastructure.'],
    });
    expect(event.points.filter((p) => p.status === 'conflict')).toHaveLength(2);
  });

  it('does not depend on the order of the documents', () => {
    expect(JSON.stringify(oneEvent([ru, us]))).toBe(JSON.stringify(event));
  });
});

describe('different values and purposes', () => {
  it('finds who initiated when the sides disagree', () => {
    const a = doc({ id: 'a', source: 'United States', text: 'President Putin called President Biden on Tuesday. They discussed energy prices.' });
    const b = doc({ id: 'b', source: 'Russia', text: 'At the request of the American side, Vladimir Putin had a telephone conversation with Joseph Biden. They discussed energy prices.' });
    const event = oneEvent([a, b]);
    const initiator = event.points.find((p) => p.reason?.includes('(who initiated)'));
    expect(initiator?.status).toBe('conflict');
    expect(initiator?.reason).toContain('Russia says the United States side');
    expect(initiator?.reason).toContain('United States says the Russia side');
  });

  it('finds a different main purpose when one side calls the other’s a pretext', () => {
    const a = doc({ id: 'a', source: 'United States', text: 'President Biden called President Putin to warn him against an attack on the power grid.' });
    const b = doc({
      id: 'b',
      source: 'Russia',
      text: 'Vladimir Putin had a telephone conversation with Joseph Biden. The grid was merely a pretext; the conversation focused mainly on trade tariffs.',
    });
    const event = oneEvent([a, b]);
    const purpose = event.points.find((p) => p.status === 'conflict');
    expect(purpose?.reason).toMatch(/^different main purpose/);
    expect(purpose?.evidence.map((e) => e.document)).toEqual(['a', 'b', 'b']);
  });
});

describe('claim units', () => {
  it('leaves editorial markup out of claims and cuts at gaps and paraphrase headers', () => {
    const text =
      '[Opening sentence not retrieved.] He suggested that this would be a grave error, [...] [Paraphrase (apostrophe.ua): de facto fraught with the danger of a breakdown in relations.] [sic] The leaders agreed to meet.';
    const units = claimUnits(doc({ id: 'r', text, source: 'Russia' })).map((u) => u.text);
    expect(units).toEqual([
      'He suggested that this would be a grave error',
      'de facto fraught with the danger of a breakdown in relations.',
      'The leaders agreed to meet.',
    ]);
  });

  it('cuts a readout sentence into its claims', () => {
    const text =
      'President Biden underscored the need for Russia to take action to disrupt ransomware groups operating in Russia and emphasized that he is committed to continued engagement on the broader threat posed by ransomware. ' +
      'Joseph Biden emphasised that Russia and the US shared a special responsibility for ensuring stability in Europe and that Washington had no intention of deploying offensive strike weapons in Ukraine.';
    const units = claimUnits(doc({ id: 'u', text })).map((u) => u.text);
    expect(units).toEqual([
      'President Biden underscored the need for Russia to take action to disrupt ransomware groups operating in Russia',
      'emphasized that he is committed to continued engagement on the broader threat posed by ransomware.',
      'Joseph Biden emphasised that Russia and the US shared a special responsibility for ensuring stability in Europe',
      'Washington had no intention of deploying offensive strike weapons in Ukraine.',
    ]);
  });
});

describe('a news article quoting two sides', () => {
  const text = [
    'Foreign minister Anna Berg said her recent phone call with minister Jonas Lind focused on fishing quotas. However, Berg’s account of the call differs from what Swedish officials said.',
    'According to Swedish officials, Lind called Berg after the storm. The purpose of the call was reportedly to offer help with the storm damage.',
    'Contrary to this, Berg claimed that the storm was merely a pretext. She said the call lasted twenty minutes.',
    'The storm destroyed hundreds of homes last week.',
  ].join('\n\n');
  const article = doc({ id: 'news', text, publisher: 'Daily Planet', date: '2024-03-02' });
  const event = oneEvent([article]);

  it('holds each quoted side’s claims as its account, and leaves background and talk about the accounts out', () => {
    const accounts = Object.fromEntries(event.accounts.map((a) => [a.source, a.claims.map((c) => c.text)]));
    expect(Object.keys(accounts).sort()).toEqual(['Anna Berg', 'Swedish officials']);
    expect(accounts['Swedish officials']).toEqual([
      'According to Swedish officials, Lind called Berg after the storm.',
      'The purpose of the call was reportedly to offer help with the storm damage.',
    ]);
    expect(accounts['Anna Berg']).toContain('She said the call lasted twenty minutes.');
    expect(event.accounts.flatMap((a) => a.claims).some((c) => c.text.includes('differs from'))).toBe(false);
  });

  it('makes the purpose a conflict, and says the article itself says so', () => {
    const conflict = event.points.find((p) => p.status === 'conflict');
    expect(conflict?.sources).toEqual(['Anna Berg', 'Swedish officials']);
    expect(conflict?.evidence.map((e) => e.text)).toEqual(
      expect.arrayContaining(['The purpose of the call was reportedly to offer help with the storm damage.', 'Contrary to this, Berg claimed that the storm was merely a pretext.']),
    );
    expect(conflict?.reason).toContain('Contrary to this');
    expect(conflict?.reason).toContain('differs from');
  });
});

describe('a denial pointing back at the claim before it', () => {
  it('pairs "The union disputed that figure" with the authority’s figure, as assertion vs denial', () => {
    const text =
      'Negotiators from the port authority and the union met on Thursday for talks on wages.\n\n' +
      'According to the port authority, the offer in the talks included a four per cent raise. The union disputed that figure, saying the raise applied only to new hires.';
    const event = oneEvent([doc({ id: 'n', text, publisher: 'Harbour Wire' })]);
    const conflict = event.points.find((p) => p.status === 'conflict');
    expect(conflict && shown(conflict)).toEqual({
      status: 'conflict',
      sources: ['the port authority', 'the union'],
      quotes: ['According to the port authority, the offer in the talks included a four per cent raise.', 'The union disputed that figure'],
    });
    expect(conflict?.reason).toMatch(/^assertion vs denial \(“disputed that figure”\)/);
  });

  it('does not take "disputed that" before a clause for a pointer back', () => {
    const text = 'The minister spoke with the mayor on Monday. The mayor disputed that the budget was too small for the port.';
    const event = oneEvent([doc({ id: 'm', text, publisher: 'Harbour Wire' })]);
    expect(event.points.filter((p) => p.status === 'conflict')).toEqual([]);
  });
});
