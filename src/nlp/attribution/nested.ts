/**
 * Attributions inside the content of another: "It is important to note that the United States and
 * its allies have consistently affirmed that any decisions ... rest with Kyiv". PolNeAR flattens
 * nesting (a token has one role), so the tagger marks only the outer relation; who said what needs
 * the inner one too. An inner relation is read off a content piece by a fixed pattern: a subject
 * phrase, a reporting verb of the lexicon (with its auxiliaries and adverbs), then "that", ":" or a
 * quote, and the rest of the sentence as content.
 */
import type { Token } from '../../model/document.js';
import type { TokenContext } from './context.js';
import type { Relation } from './structure.js';
import type { Chunk } from './tags.js';

const REPORTING = new Set(['speech', 'argue', 'factive']);
const CUE_PREFIX = new Set(['AUX', 'ADV', 'PART']);
const MAX_SUBJECT = 12;

export function nestedRelations(relations: readonly Relation[], ctx: TokenContext): Relation[] {
  const out: Relation[] = [];
  for (const r of relations) {
    for (const piece of r.content) {
      const inner = innerRelation(piece, ctx);
      if (inner) out.push(inner);
    }
  }
  return out;
}

function innerRelation(piece: Chunk, ctx: TokenContext): Relation | null {
  const tokens = ctx.tokens;
  let subjectFirst = piece.first;
  if ((tokens[subjectFirst] as Token).norm === 'that') subjectFirst++;
  for (let j = subjectFirst + 1; j <= piece.last; j++) {
    const t = tokens[j] as Token;
    if (ctx.sentenceFirst[j] !== ctx.sentenceFirst[subjectFirst]) return null;
    if (j - subjectFirst > MAX_SUBJECT + 3) return null;
    if (t.pos === 'VERB' && !REPORTING.has(ctx.cueClass[j] ?? '')) return null;
    if (t.pos !== 'VERB') continue;
    let contentFirst = j + 1;
    const next = tokens[contentFirst];
    if (next?.norm === 'that' || next?.text === ':') contentFirst++;
    else if (ctx.mark[contentFirst] !== 1) return null;
    let cueFirst = j;
    while (cueFirst - 1 > subjectFirst && CUE_PREFIX.has((tokens[cueFirst - 1] as Token).pos)) cueFirst--;
    if (!hasNominal(tokens, subjectFirst, cueFirst - 1) || cueFirst - subjectFirst > MAX_SUBJECT) return null;
    let contentLast = Math.min(piece.last, ctx.sentenceLast[j] as number);
    while (contentLast > contentFirst && (tokens[contentLast] as Token).pos === 'PUNCT' && ctx.mark[contentLast] !== 2) contentLast--;
    if (contentLast < contentFirst) return null;
    return {
      source: [chunk('source', subjectFirst, cueFirst - 1, tokens)],
      cue: chunk('cue', cueFirst, j, tokens),
      content: [chunk('content', contentFirst, contentLast, tokens)],
    };
  }
  return null;
}

function hasNominal(tokens: readonly Token[], first: number, last: number): boolean {
  for (let i = first; i <= last; i++) {
    const pos = (tokens[i] as Token).pos;
    if (pos === 'NOUN' || pos === 'PROPN' || pos === 'PRON') return true;
  }
  return false;
}

function chunk(role: Chunk['role'], first: number, last: number, tokens: readonly Token[]): Chunk {
  return { role, first, last, start: (tokens[first] as Token).start, end: (tokens[last] as Token).end };
}
