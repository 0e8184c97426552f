/**
 * The rule parts of the attribution stage, without the trained tagger: grouping chunks into
 * relations, speaker choice, stance, negation, the contract, and the evaluation's scoring.
 */
import { describe, expect, it } from 'vitest';
import { jaccard, scoreDocument, emptyTally, prf, trimPiece } from '../../eval/attribution-score.js';
import { parseAnn } from '../../eval/polnear.js';
import { toDocument } from '../../src/ingest/document.js';
import type { AnalysedDocument, Token } from '../../src/model/document.js';
import type { Mention } from '../../src/model/findings.js';
import { tokenContext } from '../../src/nlp/attribution/context.js';
import { attributionsToContract } from '../../src/nlp/attribution/contract.js';
import { negatedAt, speakerOf, stanceOf } from '../../src/nlp/attribution/details.js';
import { nestedRelations } from '../../src/nlp/attribution/nested.js';
import { relationsOf } from '../../src/nlp/attribution/structure.js';
import { B_CONTENT, B_CUE, B_SOURCE, chunksOf, I_CONTENT, I_CUE, I_SOURCE, O, type Chunk } from '../../src/nlp/attribution/tags.js';
import { sentencesStage } from '../../src/nlp/sentences/stage.js';

function parse(text: string): AnalysedDocument {
  const a: AnalysedDocument = {
    doc: toDocument({ text }),
    analysed: true,
    tokens: [],
    sentences: [],
    times: [],
    mentions: [],
    entities: [],
    attributions: [],
    events: [],
    warnings: [],
  };
  sentencesStage.run(a, {});
  return a;
}

/** Tags from a per-token role string: S source, C cue, Q content, . none (B on role change). */
function tagsFrom(roles: string): Uint8Array {
  const begin: Record<string, number> = { S: B_SOURCE, C: B_CUE, Q: B_CONTENT };
  const inside: Record<string, number> = { S: I_SOURCE, C: I_CUE, Q: I_CONTENT };
  return Uint8Array.from([...roles], (r, i) => (r === '.' ? O : r === roles[i - 1] ? (inside[r] as number) : (begin[r] as number)));
}

function chunkOf(a: AnalysedDocument, role: Chunk['role'], text: string): Chunk {
  const start = a.doc.text.indexOf(text);
  const first = a.tokens.findIndex((t) => t.start === start);
  const last = a.tokens.findIndex((t) => t.end === start + text.length);
  return { role, first, last, start, end: start + text.length };
}

describe('grouping tagged chunks into relations', () => {
  it('gives a quote split by "he said" one relation with two content pieces', () => {
    const text = '"The talks were useful," he said, "and they will go on."';
    const a = parse(text);
    expect(a.tokens.map((t) => t.text).join(' ')).toBe('" The talks were useful , " he said , " and they will go on . "');
    const tags = tagsFrom('QQQQQQQSC.QQQQQQQQ');
    const ctx = tokenContext(text, a.tokens, a.sentences);
    const relations = relationsOf(chunksOf(tags, a.tokens, a.sentences), ctx);
    expect(relations).toHaveLength(1);
    const [r] = relations;
    expect(r?.cue.start).toBe(text.indexOf('said'));
    expect(r?.source.map((c) => text.slice(c.start, c.end))).toEqual(['he']);
    expect(r?.content.map((c) => text.slice(c.start, c.end))).toEqual(['"The talks were useful,"', '"and they will go on."']);
  });

  it('shares a source between two cues of one sentence and drops a cue without content', () => {
    const text = 'Smith said taxes would fall and added that spending would rise. Jones warned.';
    const a = parse(text);
    const tags = tagsFrom('SCQQQ.CQQQQ..C.');
    const relations = relationsOf(chunksOf(tags, a.tokens, a.sentences), tokenContext(text, a.tokens, a.sentences));
    expect(relations.map((r) => text.slice(r.cue.start, r.cue.end))).toEqual(['said', 'added']);
    expect(relations.map((r) => r.source.map((c) => text.slice(c.start, c.end)))).toEqual([['Smith'], ['Smith']]);
  });

  it('does not give a cue the content of another paragraph unless it is a running quote', () => {
    const text = 'The plan was not approved.\n\nHe said it was.';
    const a = parse(text);
    const tags = tagsFrom('.QQQQ.SCQQ.');
    const relations = relationsOf(chunksOf(tags, a.tokens, a.sentences), tokenContext(text, a.tokens, a.sentences));
    expect(relations.map((r) => r.content.map((c) => text.slice(c.start, c.end)))).toEqual([['it was']]);
  });
});

describe('relations nested in a content', () => {
  const texts = (a: AnalysedDocument, chunks: readonly Chunk[]): string[] => chunks.map((c) => a.doc.text.slice(c.start, c.end));

  it('reads the inner relation to the end of the sentence when the tagger stopped the outer content early', () => {
    const text = 'It is clear that the allies have affirmed that any decisions on war and peace rest with Kyiv.';
    const a = parse(text);
    // The outer content stops after "war"; nothing else holds the rest of the sentence.
    const tags = tagsFrom('SCCQQQQQQQQQQ......');
    const ctx = tokenContext(text, a.tokens, a.sentences);
    const outer = relationsOf(chunksOf(tags, a.tokens, a.sentences), ctx);
    const inner = nestedRelations(outer, ctx);
    expect(inner).toHaveLength(1);
    expect(texts(a, inner[0]?.source ?? [])).toEqual(['the allies']);
    expect(texts(a, [inner[0]?.cue as Chunk])).toEqual(['have affirmed']);
    expect(texts(a, inner[0]?.content ?? [])).toEqual(['any decisions on war and peace rest with Kyiv']);
  });

  it('gives a participle after a comma the outer source, and ends the outer content at the comma', () => {
    const text = 'The White House emphasized that talks are crucial, stating that "nothing will be agreed."';
    const a = parse(text);
    const tags = tagsFrom('SSSCQQQQQQQQQQQQQQ');
    const ctx = tokenContext(text, a.tokens, a.sentences);
    const outer = relationsOf(chunksOf(tags, a.tokens, a.sentences), ctx);
    const inner = nestedRelations(outer, ctx);
    expect(texts(a, outer[0]?.content ?? [])).toEqual(['that talks are crucial']);
    expect(inner).toHaveLength(1);
    expect(texts(a, inner[0]?.source ?? [])).toEqual(['The White House']);
    expect(texts(a, [inner[0]?.cue as Chunk])).toEqual(['stating']);
    expect(texts(a, inner[0]?.content ?? [])).toEqual(['"nothing will be agreed."']);
  });
});

describe('speaker, stance and negation', () => {
  const mention = (text: string, all: string, type: Mention['type'], form: Mention['form'], entity: string): Mention => {
    const start = all.indexOf(text);
    return { kind: 'mention', text, start, end: start + text.length, type, form, entity };
  };

  it('picks the person over the organisation in the source, and never the channel', () => {
    const text = "Head of Russia's Foreign Intelligence Service, Sergei Naryshkin, told The Wall Street Journal that";
    const mentions = [
      mention("Russia's Foreign Intelligence Service", text, 'organization', 'name', 'e1'),
      mention('Sergei Naryshkin', text, 'person', 'name', 'e2'),
      mention('The Wall Street Journal', text, 'organization', 'name', 'e3'),
    ];
    const source: Chunk = { role: 'source', first: 0, last: 9, start: 0, end: text.indexOf(', told') };
    expect(speakerOf(mentions, [source], null)).toBe('e2');
    const officials = 'U.S. officials who spoke to The Wall Street Journal';
    const groups = [mention('U.S. officials', officials, 'group', 'name', 'g1'), mention('The Wall Street Journal', officials, 'organization', 'name', 'o1')];
    const whole: Chunk = { role: 'source', first: 0, last: 8, start: 0, end: officials.length };
    const via = { name: 'The Wall Street Journal', start: officials.indexOf('The Wall'), end: officials.length };
    expect(speakerOf(groups, [whole], via)).toBe('g1');
    expect(speakerOf([mention('She', 'She added', 'person', 'pronoun', 'e7')], [{ role: 'source', first: 0, last: 0, start: 0, end: 3 }], null)).toBe('e7');
    expect(speakerOf([], [whole], null)).toBeNull();
  });

  it('reads stance from the cue lemma', () => {
    const a = parse('Naryshkin revealed it. Naryshkin claimed it. Naryshkin said it. He pointed out that it was late.');
    const cue = (word: string): Chunk => chunkOf(a, 'cue', word);
    expect(stanceOf(a.tokens, cue('revealed'))).toBe('endorsing');
    expect(stanceOf(a.tokens, cue('claimed'))).toBe('distancing');
    expect(stanceOf(a.tokens, cue('said'))).toBe('neutral');
    expect(stanceOf(a.tokens, cue('pointed out'))).toBe('endorsing');
  });

  it('marks denials, refusals and negated cues, and lets two negations cancel', () => {
    const text = 'He denied that. She declined to comment. They did not say it. We did not deny it. You said no.';
    const a = parse(text);
    const ctx = tokenContext(text, a.tokens, a.sentences);
    const cue = (word: string): Chunk => chunkOf(a, 'cue', word);
    expect(negatedAt(ctx, cue('denied'))).toBe(true);
    expect(negatedAt(ctx, cue('declined to comment'))).toBe(true);
    expect(negatedAt(ctx, cue('say'))).toBe(true);
    expect(negatedAt(ctx, cue('deny'))).toBe(false);
    expect(negatedAt(ctx, cue('said'))).toBe(false);
  });
});

describe('contract', () => {
  it('prints spans, texts, speaker, channel, kind, stance and negation', () => {
    const a = parse('x');
    a.attributions.push({
      kind: 'attribution',
      start: 0,
      end: 30,
      source: { spans: [[0, 2]], text: 'He' },
      cue: { spans: [[3, 7]], text: 'said' },
      content: { spans: [[8, 12], [20, 30]], text: 'abcd … efghijklmn' },
      speaker: 'e2',
      via: 'CNN',
      mode: 'mixed',
      stance: 'neutral',
      negated: false,
    });
    const out = attributionsToContract(a, (key) => (key === 'e2' ? { id: 'e2', name: 'Sergei Naryshkin', type: 'person' } : null));
    expect(out).toEqual([
      {
        source: { spans: [[0, 2]], text: 'He' },
        cue: { spans: [[3, 7]], text: 'said' },
        content: { spans: [[8, 12], [20, 30]], text: 'abcd … efghijklmn' },
        speaker: { id: 'e2', name: 'Sergei Naryshkin', type: 'person' },
        via: { name: 'CNN' },
        kind: 'mixed',
        stance: 'neutral',
        negated: false,
      },
    ]);
  });
});

describe('PolNeAR scoring', () => {
  it('parses brat standoff with discontinuous spans, shared sources and multi-line text', () => {
    const ann = [
      'T1\tSource 0 2\tHe',
      'T2\tCue 3 7\tsaid',
      'T3\tContent 8 12;20 30\tabcd efghijklmn',
      'T4\tAttribution 3 7\tsaid',
      'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
      'T5\tCue 40 47\tclaimed',
      'T6\tContent 48 60\tline one',
      'continued',
      'E2\tAttribution-no-source:T5 Cue:T5 Content:T6',
    ].join('\n');
    expect(parseAnn(ann)).toEqual([
      { source: [[0, 2]], cue: [[3, 7]], content: [[8, 12], [20, 30]] },
      { source: null, cue: [[40, 47]], content: [[48, 60]] },
    ]);
  });

  it('trims quotes and punctuation, keeps a piece that would trim to nothing', () => {
    const text = ' “Yes,” he said: ';
    expect(trimPiece(text, [0, 8])).toEqual([2, 5]);
    expect(trimPiece(text, [15, 16])).toEqual([15, 16]);
    expect(trimPiece(text, [6, 8])).toEqual([6, 8]);
    expect(jaccard([[0, 10]], [[5, 15]])).toBeCloseTo(1 / 3);
  });

  it('matches exact and overlapping segments one to one, and whole attributions', () => {
    const text = 'Smith said the plan failed badly and the minister agreed it did';
    const gold = [{ source: [[0, 5]] as Array<[number, number]>, cue: [[6, 10]] as Array<[number, number]>, content: [[11, 32]] as Array<[number, number]> }];
    const predicted = [{ source: [[0, 5]] as Array<[number, number]>, cue: [[6, 10]] as Array<[number, number]>, content: [[11, 26]] as Array<[number, number]> }];
    const tally = emptyTally();
    scoreDocument(text, gold, predicted, tally);
    expect(tally.exact.content.matched).toBe(0);
    expect(tally.overlap.content.matched).toBe(1);
    expect(tally.exact.source.matched).toBe(1);
    expect(prf(tally.attribution)).toEqual({ precision: 1, recall: 1, f1: 1 });
    const noSource = emptyTally();
    scoreDocument(text, gold, [{ ...predicted[0]!, source: null }], noSource);
    expect(noSource.attribution.matched).toBe(0);
  });
});

describe('tokens used by the rules', () => {
  it('are wink tokens with offsets into the text', () => {
    const a = parse('He said so.');
    expect(a.tokens.map((t: Token) => [t.text, t.start])).toEqual([
      ['He', 0],
      ['said', 3],
      ['so', 8],
      ['.', 10],
    ]);
  });
});
