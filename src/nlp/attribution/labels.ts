/**
 * Speaker labels: a paragraph that opens with a name and a colon is that speaker's turn, as in
 * transcripts ('"WALLACE: Let's start with ...', a label in capitals) and in headlines that put
 * the speaker first ('Pence: Gennifer Flowers Won't Be at Debate', a person or organisation the
 * entities stage found, in the document's first paragraph). PolNeAR annotates the name as the
 * source, the colon as the cue and the rest of the paragraph as the content. The tagger sees a colon
 * after a name too rarely to learn it, so the layout is read by rule, as "according to" is, and the
 * rule's reading replaces the tagger's for the whole paragraph (PolNeAR flattens what is nested).
 */
import type { Token } from '../../model/document.js';
import type { TokenContext } from './context.js';
import { B_CONTENT, B_CUE, B_SOURCE, I_CONTENT, I_SOURCE, O } from './tags.js';

/** A label is at most this many tokens ("SEN. ELIZABETH WARREN"). */
const MAX_LABEL = 4;
/** A turn says something: a label followed by fewer words is a heading ("NOTE: 1"). */
const MIN_CONTENT = 3;
const CAPITALS = /^\p{Lu}[\p{Lu}.'’-]*$/u;
const QUOTE = /^[“"‘'`]+$/;

export function applySpeakerLabels(tags: Uint8Array, ctx: TokenContext): void {
  const { tokens } = ctx;
  ctx.sequences.forEach(([first, last], index) => {
    let start = first;
    while (start <= last && (QUOTE.test((tokens[start] as Token).text) || (tokens[start] as Token).pos === 'SPACE')) start++;
    let colon = start;
    while (colon <= last && colon - start <= MAX_LABEL && (tokens[colon] as Token).text !== ':') colon++;
    if (colon > last || colon === start || (tokens[colon] as Token).text !== ':') return;
    if (!isLabel(ctx, start, colon - 1, index === 0)) return;
    const end = contentEnd(tokens, colon + 1, last);
    if (end - colon < MIN_CONTENT) return;
    tags.fill(O, first, last + 1);
    mark(tags, start, colon - 1, B_SOURCE, I_SOURCE);
    tags[colon] = B_CUE;
    mark(tags, colon + 1, end, B_CONTENT, I_CONTENT);
  });
}

/** Capitals only (a transcript), or, in the first paragraph, a person or organisation the entities stage found. */
function isLabel(ctx: TokenContext, first: number, last: number, headline: boolean): boolean {
  let capitals = true;
  let named = true;
  for (let k = first; k <= last; k++) {
    const t = ctx.tokens[k] as Token;
    capitals &&= CAPITALS.test(t.text);
    const mention = ctx.mention[k] ?? '';
    named &&= /^\p{Lu}/u.test(t.text) && (mention.startsWith('person/') || mention.startsWith('organization/'));
  }
  const long = ctx.tokens.slice(first, last + 1).some((t) => t.text.replace(/\W/g, '').length >= 2);
  return long && (capitals || (headline && named));
}

/** The paragraph's last token, without a closing quote mark or space after the turn. */
function contentEnd(tokens: readonly Token[], from: number, last: number): number {
  while (last >= from && (QUOTE.test((tokens[last] as Token).text) || /^[”’]+$/.test((tokens[last] as Token).text) || (tokens[last] as Token).pos === 'SPACE')) last--;
  return last;
}

function mark(tags: Uint8Array, first: number, last: number, begin: number, inside: number): void {
  for (let k = first; k <= last; k++) tags[k] = k === first ? begin : inside;
}
