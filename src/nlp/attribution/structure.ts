/**
 * From tagged chunks to attribution relations: every cue with its content pieces and its source.
 *
 * The rules follow how PolNeAR relations are laid out: 64% source-cue-content ("X said that ..."),
 * 27% content first ('"...," he said.'), 8% no source. A content piece goes to the nearest cue,
 * where crossing a sentence boundary costs as much as a long stretch of words, so a quote split by
 * '", he said, "' gives one relation with two content pieces. Sources and cues are paired closest
 * first, one source per cue; a cue left without a source shares the source of an earlier
 * cue of its sentence ("X said A and added B"). Nothing is taken from another paragraph, except the
 * pieces of a quote that runs over paragraphs. A cue that gets no content is no relation.
 */
import type { Token } from '../../model/document.js';
import type { TokenContext } from './context.js';
import type { Chunk } from './tags.js';

export interface Relation {
  cue: Chunk;
  source: Chunk[];
  content: Chunk[];
}

/** Crossing one sentence boundary weighs as much as this many tokens of distance. */
const SENTENCE_COST = 40;
/** A content piece further than this from every cue (in weighted tokens) belongs to none. */
const MAX_CONTENT_DISTANCE = 3 * SENTENCE_COST;
const MAX_SOURCE_DISTANCE = SENTENCE_COST;

export function relationsOf(chunks: readonly Chunk[], ctx: TokenContext): Relation[] {
  const { tokens } = ctx;
  const quoted = (c: Chunk): boolean => ctx.inQuote[c.first] === 1 && ctx.inQuote[c.last] === 1;
  const cues = chunks.filter((c) => c.role === 'cue');
  if (cues.length === 0) return [];
  const relations: Relation[] = cues.map((cue) => ({ cue, source: [], content: [] }));
  const sentenceOf = (i: number): number => (tokens[i] as Token).sentence;

  const paragraphOf = (i: number): number => ctx.paragraph[i] as number;
  const sameRun = (x: Chunk, cue: Chunk): boolean =>
    x.role === 'content' && quoted(x) && ctx.quoteRun[x.first] !== -1 && ctx.quoteRun[x.first] === ctx.quoteRun[cue.first];
  const distance = (x: Chunk, cue: Chunk): number => {
    // A quote running over paragraphs is one speaker's: any cue inside the run is near.
    if (sameRun(x, cue)) return x.last < cue.first ? cue.first - x.last - 1 : x.first - cue.last - 1;
    // Otherwise content runs into another paragraph only as a quote ("He said:\n\n"...").
    if (paragraphOf(x.first) !== paragraphOf(cue.first) && !(x.role === 'content' && quoted(x))) return Infinity;
    if (x.last < cue.first) {
      return cue.first - x.last - 1 + SENTENCE_COST * (sentenceOf(cue.first) - sentenceOf(x.last));
    }
    return x.first - cue.last - 1 + SENTENCE_COST * (sentenceOf(x.first) - sentenceOf(cue.last));
  };
  const nearest = (x: Chunk, max: number, accept: (r: Relation) => boolean = () => true): Relation | null => {
    let best: Relation | null = null;
    let bestDistance = max + 1;
    for (const r of relations) {
      if (!accept(r)) continue;
      const d = distance(x, r.cue);
      if (d < bestDistance) {
        best = r;
        bestDistance = d;
      }
    }
    return best;
  };

  for (const chunk of chunks) {
    if (chunk.role !== 'content') continue;
    nearest(chunk, MAX_CONTENT_DISTANCE)?.content.push(chunk);
  }
  const kept = relations.filter((r) => r.content.length > 0);
  // One source per relation (PolNeAR has 9 split sources in 20,000): closest pairs first.
  const pairs: Array<[number, Chunk, Relation]> = [];
  for (const chunk of chunks) {
    if (chunk.role !== 'source') continue;
    for (const r of kept) {
      const d = distance(chunk, r.cue);
      if (d <= MAX_SOURCE_DISTANCE) pairs.push([d, chunk, r]);
    }
  }
  pairs.sort((x, y) => x[0] - y[0] || x[1].first - y[1].first || x[2].cue.first - y[2].cue.first);
  const used = new Set<Chunk>();
  for (const [, chunk, r] of pairs) {
    if (used.has(chunk) || r.source.length > 0) continue;
    r.source = [chunk];
    used.add(chunk);
  }
  for (let i = 1; i < kept.length; i++) {
    const r = kept[i] as Relation;
    const before = kept[i - 1] as Relation;
    if (r.source.length > 0 || before.source.length === 0) continue;
    if (sentenceOf(r.cue.first) !== sentenceOf(before.cue.first)) continue;
    r.source = before.source;
  }
  return kept;
}

