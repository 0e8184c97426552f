/**
 * The quotation dash: a quote followed by a dash and a name ('"We will win." ― Jane Doe', the way
 * collected reader quotes, epigraphs and embedded tweets are signed). PolNeAR annotates the dash as
 * the cue, the name as the source and the quote as the content. The tagger rarely sees it (a few
 * dozen times in train) and reads a lone dash as punctuation, so the layout is read by rule, as
 * "according to" is (according.ts): a closing double quote, a dash, then a name of one to six
 * capitalised words that ends the paragraph or is followed by a bracket, comma or date.
 */
import type { Token } from '../../model/document.js';
import { QUOTE_CLOSE, QUOTE_OPEN, type TokenContext } from './context.js';
import type { Relation } from './structure.js';
import { O, type Chunk, type Role } from './tags.js';

const DASH = /^[\u2015\u2014\u2013-]$/;
const MAX_NAME = 6;

/**
 * The relations of the quotation dashes, whole: their tokens are cleared from `tags`, so grouping
 * the other chunks (structure.ts) neither sees them nor hands a signed quote to a cue nearby.
 */
export function quotationDashes(tags: Uint8Array, ctx: TokenContext): Relation[] {
  const tokens = ctx.tokens;
  const relations: Relation[] = [];
  const chunk = (role: Role, first: number, last: number): Chunk => {
    tags.fill(O, first, last + 1);
    return { role, first, last, start: (tokens[first] as Token).start, end: (tokens[last] as Token).end };
  };
  for (let i = 1; i < tokens.length; i++) {
    const text = (tokens[i] as Token).text;
    if (text.length !== 1 || !DASH.test(text)) continue;
    const last = nameEnd(tokens, ctx, i + 1, ctx.paragraph[i] as number);
    if (last < 0) continue;
    const post = signedPost(ctx, i, last);
    const content = signedQuote(ctx, i) ?? quoteAbove(ctx, i) ?? post;
    if (!content) continue;
    // A post's author is signed with the handle: 'Jane Doe (@jane)'.
    const sourceLast = content === post && (tokens[last + 3] as Token | undefined)?.text === ')' ? last + 3 : last;
    relations.push({ cue: chunk('cue', i, i), source: [chunk('source', i + 1, sourceLast)], content: [chunk('content', content[0], content[1])] });
  }
  return relations;
}

type Span = [number, number];

/** '"..." ― Jane Doe': the quote that closes right before the dash, in its paragraph. */
function signedQuote(ctx: TokenContext, dash: number): Span | null {
  if (ctx.mark[dash - 1] !== QUOTE_CLOSE) return null;
  const paragraph = ctx.paragraph[dash];
  let open = dash - 1;
  while (open > 0 && ctx.paragraph[open - 1] === paragraph && ctx.mark[open] !== QUOTE_OPEN) open--;
  return ctx.mark[open] === QUOTE_OPEN && open < dash - 2 ? [open, dash - 1] : null;
}

/** A paragraph that is one quote, then a paragraph '- Jane Doe, Philadelphia.' under it. */
function quoteAbove(ctx: TokenContext, dash: number): Span | null {
  const { tokens } = ctx;
  let last = dash - 1;
  while (last >= 0 && (tokens[last] as Token).pos === 'SPACE') last--;
  if (last < 0 || ctx.paragraph[last] === ctx.paragraph[dash] || ctx.mark[last] !== QUOTE_CLOSE) return null;
  if (last + 1 < dash && ctx.paragraph[dash - 1] === ctx.paragraph[dash] && (tokens[dash - 1] as Token).pos !== 'SPACE') return null;
  let first = last;
  while (first > 0 && ctx.paragraph[first - 1] === ctx.paragraph[last]) first--;
  while (first < last && (tokens[first] as Token).pos === 'SPACE') first++;
  return ctx.mark[first] === QUOTE_OPEN && first < last - 1 ? [first, last] : null;
}

/**
 * An embedded post: 'text pic.twitter.com/x — Jane Doe (@jane) September 1, 2016'. The content is
 * the post's text, after any markup the page left in ('>') and without its trailing link.
 */
function signedPost(ctx: TokenContext, dash: number, nameLast: number): Span | null {
  const { tokens } = ctx;
  if ((tokens[nameLast + 1] as Token | undefined)?.text !== '(' || !(tokens[nameLast + 2] as Token | undefined)?.text.startsWith('@')) return null;
  let first = dash - 1;
  while (first > 0 && ctx.paragraph[first - 1] === ctx.paragraph[dash] && (tokens[first - 1] as Token).text !== '>') first--;
  let last = dash - 1;
  for (let k = first; k < dash; k++) {
    const t = tokens[k] as Token;
    if (/^(?:https?:|pic$)/.test(t.norm)) {
      last = k - 1;
      break;
    }
  }
  while (last > first && (tokens[last] as Token).pos === 'SPACE') last--;
  return last - first >= 2 ? [first, last] : null;
}

/** The last token of the capitalised name starting at `from`, or -1 when there is none. */
function nameEnd(tokens: readonly Token[], ctx: TokenContext, from: number, paragraph: number): number {
  let last = -1;
  for (let k = from; k < tokens.length && ctx.paragraph[k] === paragraph; k++) {
    const t = tokens[k] as Token;
    if (t.pos === 'SPACE') break;
    if (/^\p{Lu}/u.test(t.text) || (last >= 0 && /^(?:\.|de|van|von|al|bin|da)$/.test(t.norm))) {
      if (k - from >= MAX_NAME) return -1;
      last = k;
      continue;
    }
    // After the name: a bracket ("(@handle)"), a comma ("Jane Doe, a voter"), a date or the end.
    return last >= 0 && (t.pos === 'PUNCT' || t.pos === 'NUM' || t.pos === 'X') ? withoutStop(tokens, from, last) : -1;
  }
  return last < 0 ? -1 : withoutStop(tokens, from, last);
}

/** A full stop ends the paragraph, not the name ("Jane Doe."). */
function withoutStop(tokens: readonly Token[], from: number, last: number): number {
  return last > from && (tokens[last] as Token).text === '.' ? last - 1 : last;
}
