/**
 * The attribution stage end to end, with the shipped model (models/attribution.json): who said
 * what in the seed article, and the constructions issue 3 names, on small texts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toDocument } from '../../src/ingest/document.js';
import type { AnalysedDocument } from '../../src/model/document.js';
import type { AttributionFinding } from '../../src/model/findings.js';
import { analyse } from '../../src/nlp/pipeline.js';

function attributionsOf(text: string): AttributionFinding[] {
  return analyse(toDocument({ text })).attributions;
}

/** The one attribution whose cue matches; fails the test when there is none or several. */
function byCue(all: readonly AttributionFinding[], cue: RegExp): AttributionFinding {
  const found = all.filter((f) => cue.test(f.cue.text));
  expect(found.map((f) => f.cue.text), `cue ${cue} in [${all.map((f) => f.cue.text).join(', ')}]`).toHaveLength(1);
  return found[0] as AttributionFinding;
}

function slices(text: string, spans: ReadonlyArray<[number, number]>): string[] {
  return spans.map(([s, e]) => text.slice(s, e));
}

describe('attributions in the seed article', () => {
  const text = readFileSync(new URL('../../examples/naryshkin-burns-2023-07-13.txt', import.meta.url), 'utf8');
  const a: AnalysedDocument = analyse(toDocument({ text, bodyStart: text.indexOf('Head of'), date: '2023-07-13' }));
  const all = a.attributions;
  const nameOf = (f: AttributionFinding): string | undefined => a.entities.find((e) => e.key === f.speaker)?.name;

  it('gives every part a span that slices the text to the part', () => {
    expect(all.length).toBeGreaterThanOrEqual(13);
    for (const f of all) {
      for (const part of [f.source, f.cue, f.content]) {
        if (part) expect(slices(text, part.spans).join(' … ')).toBe(part.text);
      }
      const spans = [...(f.source?.spans ?? []), ...f.cue.spans, ...f.content.spans];
      expect(f.start).toBe(Math.min(...spans.map((s) => s[0])));
      expect(f.end).toBe(Math.max(...spans.map((s) => s[1])));
    }
  });

  it('finds Naryshkin revealing what the call was about, as fact', () => {
    const f = byCue(all, /^revealed$/);
    expect(f.source?.text).toMatch(/Sergei Naryshkin/);
    expect(f.content.text).toMatch(/^that his recent phone conversation with CIA Director William Burns centered around the ongoing war in Ukraine/);
    expect(f).toMatchObject({ stance: 'endorsing', mode: 'indirect', negated: false });
    expect(nameOf(f)).toBe('Sergei Naryshkin');
  });

  it('finds the U.S. officials, with The Wall Street Journal as the channel', () => {
    const f = byCue(all, /^According to$/);
    expect(f.source?.text).toBe('U.S. officials who spoke to The Wall Street Journal');
    expect(f.via).toBe('The Wall Street Journal');
    expect(f.stance).toBe('neutral');
    expect(nameOf(f)).toBe('U.S. officials');
  });

  it('finds Naryshkin claiming the mutiny was a pretext, at arm’s length', () => {
    const f = byCue(all, /^claimed$/);
    expect(f.source?.text).toBe('Naryshkin');
    expect(f.content.text).toMatch(/^that the mutiny was merely a pretext and that a significant portion of the conversation/);
    expect(f.stance).toBe('distancing');
  });

  it('resolves "He emphasized" to Naryshkin', () => {
    const f = byCue(all, /^emphasized$/);
    expect(f.source?.text).toBe('He');
    expect(f.content.text).toMatch(/^that they had engaged in discussions on how to address the situation in Ukraine/);
    expect(nameOf(f)).toBe('Sergei Naryshkin');
  });

  it('finds Stanovaya explaining, suggesting, positing and adding', () => {
    const explained = byCue(all, /^explained$/);
    expect(explained.source?.text).toMatch(/^Tatiana Stanovaya, an analyst who tracks Russian politics/);
    expect(explained.content.text).toMatch(/^that Russian officials interpret American contact as a signal/);
    const suggested = byCue(all, /suggested$/);
    expect(suggested.source?.text).toBe('She');
    expect(suggested.content.text).toMatch(/Naryshkin’s statement could have been intended to create uncertainty/);
    const posited = byCue(all, /^posited$/);
    expect(posited.source?.text).toBe('Stanovaya');
    expect(posited.content.text).toMatch(/^that the Russians aim to sow doubts within Ukraine/);
    const added = byCue(all, /^added$/);
    expect(added.source?.text).toBe('She');
    expect(added.content.text).toMatch(/^that this tactic could prompt the Western world/);
    for (const f of [explained, suggested, posited, added]) expect(nameOf(f)).toBe('Tatiana Stanovaya');
  });

  it('finds what the United States and its allies affirmed, inside the writer’s own note', () => {
    const f = byCue(all, /affirmed$/);
    expect(f.source?.text).toBe('the United States and its allies');
    expect(f.content.text).toMatch(/^any decisions regarding war and peace in Ukraine rest with President Zelensky and the Ukrainian people/);
  });

  it('finds the White House emphasising and stating, with the direct quote', () => {
    const emphasized = byCue(
      all.filter((f) => f.source?.text === 'The White House'),
      /emphasized$/,
    );
    expect(emphasized.content.text).toMatch(/Ukraine’s participation is crucial/);
    const stating = byCue(all, /^stating$/);
    expect(stating.content.text).toMatch(/“nothing related to Ukraine will be reached without Ukraine’s participation\.”$/);
    expect(['mixed', 'direct']).toContain(stating.mode);
    expect(stating.source?.text).toBe('The White House');
  });

  it('finds Naryshkin mentioning the hour-long call and stating the visit was not discussed', () => {
    const mentioned = byCue(all, /^mentioned$/);
    expect(mentioned.source?.text).toBe('Naryshkin');
    expect(mentioned.content.text).toMatch(/lasted approximately an hour/);
    const stated = byCue(all, /^stated$/);
    expect(stated.source?.text).toBe('Naryshkin');
    expect(stated.content.text).toBe('that this visit was not discussed during his conversation with Burns');
    expect(stated.negated).toBe(false);
  });
});

describe('attribution constructions', () => {
  it('reads a quote before its speaker: "...," he said.', () => {
    const text = '"The talks were useful," he said.';
    const [f, ...rest] = attributionsOf(text);
    expect(rest).toHaveLength(0);
    expect(f?.source?.text).toBe('he');
    expect(f?.cue.text).toBe('said');
    expect(f?.content.text).toBe('"The talks were useful,"');
    expect(f?.mode).toBe('direct');
  });

  it('reads curly quotes', () => {
    const [f] = attributionsOf('“We will not back down,” the minister said on Tuesday.');
    expect(f).toMatchObject({ cue: { text: 'said' }, source: { text: 'the minister' }, mode: 'direct' });
    expect(f?.content.text).toBe('“We will not back down,”');
  });

  it('keeps a quote running over paragraphs with its speaker', () => {
    const text = 'Sanders said the campaign would go on.\n\n“We have the momentum. We will win in California.\n\n“And then we go to the convention,” he said.';
    const all = attributionsOf(text);
    expect(all.map((f) => f.source?.text)).toEqual(['Sanders', 'he']);
    expect(all[0]?.content.text).toBe('the campaign would go on');
    const pieces = slices(text, all[1]?.content.spans ?? []);
    expect(pieces).toHaveLength(2);
    expect(pieces[0]).toMatch(/^“We have the momentum\. We will win in California/);
    expect(pieces[1]).toBe('“And then we go to the convention,”');
    expect(all[1]?.mode).toBe('direct');
  });

  it('gives a fully quoted sentence after "..., Smith said." to Smith', () => {
    const text = '"We are ready," Smith said. "The plan is finished."';
    const [f, ...rest] = attributionsOf(text);
    expect(rest).toHaveLength(0);
    expect(f?.source?.text).toBe('Smith');
    expect(slices(text, f?.content.spans ?? [])).toEqual(['"We are ready,"', '"The plan is finished."']);
    expect(f?.mode).toBe('direct');
  });

  it('reads "X told The Wall Street Journal that ..." with the channel', () => {
    const [f] = attributionsOf('Naryshkin told The Wall Street Journal that the call was useful.');
    expect(f).toMatchObject({ source: { text: 'Naryshkin' }, cue: { text: 'told' }, via: 'The Wall Street Journal', mode: 'indirect' });
    expect(f?.content.text).toBe('that the call was useful');
  });

  it('reads "according to X, ..."', () => {
    const [f] = attributionsOf('According to the ministry, the strike hit a fuel depot.');
    expect(f).toMatchObject({ source: { text: 'the ministry' }, cue: { text: 'According to' } });
    expect(f?.content.text).toBe('the strike hit a fuel depot');
  });

  it('reads a channel after "in an interview with", and no channel in "told reporters"', () => {
    const [cnn] = attributionsOf('The senator said in an interview with CNN that the bill would pass.');
    expect(cnn).toMatchObject({ source: { text: 'The senator' }, cue: { text: 'said' }, via: 'CNN' });
    const [reporters] = attributionsOf('Trump told reporters that the wall would be built.');
    expect(reporters).toMatchObject({ source: { text: 'Trump' }, cue: { text: 'told' }, via: null });
  });

  it('takes a headline colon as the cue: "Obama: ..."', () => {
    const [f] = attributionsOf('Obama: I am optimistic Americans will say no to Trump');
    expect(f).toMatchObject({ source: { text: 'Obama' }, cue: { text: ':' } });
    expect(f?.content.text).toBe('I am optimistic Americans will say no to Trump');
  });

  it('takes ":" as part of the cue before a quote', () => {
    const [f] = attributionsOf('The ministry said: "The strike hit a depot."');
    expect(f).toMatchObject({ source: { text: 'The ministry' }, cue: { text: 'said:' }, mode: 'direct' });
    expect(f?.content.text).toBe('"The strike hit a depot."');
  });

  it('reads "said in a statement"', () => {
    const [f] = attributionsOf('"We regret the loss of life," the company said in a statement.');
    expect(f).toMatchObject({ source: { text: 'the company' }, cue: { text: 'said in a statement' }, mode: 'direct' });
  });

  it('finds an attribution with no source', () => {
    const [f] = attributionsOf('It was reported that the talks had collapsed.');
    expect(f?.source).toBeNull();
    expect(f?.cue.text).toBe('was reported');
    expect(f?.content.text).toMatch(/that the talks had collapsed$/);
  });

  it('marks "denied that" and "declined to comment" as negated', () => {
    const [denied] = attributionsOf('The Kremlin denied that it had sent troops.');
    expect(denied).toMatchObject({ source: { text: 'The Kremlin' }, cue: { text: 'denied' }, negated: true });
    expect(denied?.content.text).toBe('that it had sent troops');
    const [declined] = attributionsOf('A spokesman for the ministry declined to comment on the report.');
    expect(declined?.cue.text).toMatch(/^declined/);
    expect(declined?.negated).toBe(true);
    const [plain] = attributionsOf('Officials said the plan had been approved.');
    expect(plain?.negated).toBe(false);
  });
});
