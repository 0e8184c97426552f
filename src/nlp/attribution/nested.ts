/**
 * Attributions inside the content of another: "It is important to note that the United States and
 * its allies have consistently affirmed that any decisions ... rest with Kyiv". PolNeAR flattens
 * nesting (a token has one role), so the tagger marks only the outer relation; who said what needs
 * the inner one too. An inner relation is read off a content piece by a fixed pattern: a subject
 * phrase, a reporting verb of the lexicon (with its auxiliaries and adverbs), then "that", ":" or a
 * quote, and the rest of the sentence as content (past the outer piece's end too, as long as no
 * other relation holds the words: the tagger sometimes stops a long outer content early).
 *
 * A participle after a comma ("X emphasized that A, stating that B") is said by the outer
 * relation's source, not by the clause before it; the outer content then ends at the comma.
 */
import type { Token } from '../../model/document.js';
import type { TokenContext } from './context.js';
import type { Relation } from './structure.js';
import type { Chunk } from './tags.js';

const REPORTING = new Set(['speech', 'argue', 'factive']);
const CUE_PREFIX = new Set(['AUX', 'ADV', 'PART']);
const MAX_SUBJECT = 12;

export function nestedRelations(relations: readonly Relation[], ctx: TokenContext): Relation[] {
  const taken = new Uint8Array(ctx.tokens.length);
  for (const r of relations) {
    for (const c of [r.cue, ...r.source, ...r.content]) taken.fill(1, c.first, c.last + 1);
  }
  const out: Relation[] = [];
  for (const r of relations) {
    for (const piece of r.content) {
      const inner = innerRelation(r, piece, ctx, taken);
      if (inner) out.push(inner);
    }
  }
  return out;
}

function innerRelation(outer: Relation, piece: Chunk, ctx: TokenContext, taken: Uint8Array): Relation | null {
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
    const sentenceLast = ctx.sentenceLast[j] as number;
    let contentLast = Math.min(piece.last, sentenceLast);
    if (contentLast === piece.last) while (contentLast < sentenceLast && taken[contentLast + 1] === 0) contentLast++;
    if ((tokens[j - 1] as Token).text === ',' && /ing$/i.test(t.text) && j - 2 >= subjectFirst) {
      const content = trimmedContent(contentFirst, contentLast, ctx);
      if (!content) return null;
      piece.last = j - 2;
      piece.end = (tokens[j - 2] as Token).end;
      return { source: outer.source, cue: chunk('cue', j, j, tokens), content: [content] };
    }
    let cueFirst = j;
    while (cueFirst - 1 > subjectFirst && CUE_PREFIX.has((tokens[cueFirst - 1] as Token).pos)) cueFirst--;
    if (!hasNominal(tokens, subjectFirst, cueFirst - 1) || cueFirst - subjectFirst > MAX_SUBJECT) return null;
    const content = trimmedContent(contentFirst, contentLast, ctx);
    if (!content) return null;
    return {
      source: [chunk('source', subjectFirst, cueFirst - 1, tokens)],
      cue: chunk('cue', cueFirst, j, tokens),
      content: [content],
    };
  }
  return null;
}

/** The content chunk without final punctuation (a closing quote mark stays), or null if empty. */
function trimmedContent(contentFirst: number, last: number, ctx: TokenContext): Chunk | null {
  const tokens = ctx.tokens;
  let contentLast = last;
  while (contentLast > contentFirst && (tokens[contentLast] as Token).pos === 'PUNCT' && ctx.mark[contentLast] !== 2) contentLast--;
  if (contentLast < contentFirst) return null;
  return chunk('content', contentFirst, contentLast, tokens);
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
