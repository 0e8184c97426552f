/**
 * Per-token facts the tagger's features read: quote state, sentence bounds, paragraph, cue class.
 *
 * Quote state is tracked per paragraph: curly marks say which way they face; a straight mark opens
 * when it follows a space or a paragraph start. A quote still open at the end of a paragraph is the
 * news convention for a quote that runs on (the next paragraph opens again), so every paragraph
 * starts outside quotes and such paragraphs are linked into one quote run.
 */
import type { Token } from '../../model/document.js';
import type { Mention, Sentence } from '../../model/findings.js';
import { CUE_CLASS, type CueClass } from './lexicon.js';
import { B_CUE, I_CUE } from './tags.js';

export const QUOTE_NONE = 0;
export const QUOTE_OPEN = 1;
export const QUOTE_CLOSE = 2;

export interface TokenContext {
  tokens: readonly Token[];
  /** 1 inside double quotes (marks included), else 0. */
  inQuote: Uint8Array;
  /** QUOTE_OPEN / QUOTE_CLOSE for double quote marks, else QUOTE_NONE. */
  mark: Uint8Array;
  /** 1 inside single quotes ('...' or ‘...’) within the paragraph. */
  inSingle: Uint8Array;
  /** 1 when the token's paragraph ends inside an open quote. */
  runsOn: Uint8Array;
  /**
   * Paragraphs that one running quote spans share a number (the run's first token); -1 for a
   * paragraph that is not part of a quote running over several paragraphs.
   */
  quoteRun: Int32Array;
  paragraph: Int32Array;
  sentenceFirst: Int32Array;
  sentenceLast: Int32Array;
  /**
   * The entities stage's mention the token is part of, as "type/form" ("person/name",
   * "organization/description", ...), or null: a person or organisation is a likely source.
   */
  mention: Array<string | null>;
  /** Cue class of the token from the lexicon, or null. */
  cueClass: Array<CueClass | null>;
  /**
   * A tag every reading must give the token, or -1. "according to" is a cue in 93% of its PolNeAR
   * uses; fixing it lets the tagger spend its judgement on where its source and content are.
   */
  forced: Int8Array;
  /** Paragraph sequences: `[first, last]` token indices. */
  sequences: Array<[number, number]>;
}

const OPENERS_BEFORE = /[\s([{\u2014\u2013-]/;

export function tokenContext(
  text: string,
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  mentions: readonly Mention[] = [],
): TokenContext {
  const n = tokens.length;
  const ctx: TokenContext = {
    tokens,
    inQuote: new Uint8Array(n),
    mark: new Uint8Array(n),
    inSingle: new Uint8Array(n),
    runsOn: new Uint8Array(n),
    quoteRun: new Int32Array(n).fill(-1),
    paragraph: new Int32Array(n),
    sentenceFirst: new Int32Array(n),
    sentenceLast: new Int32Array(n),
    mention: new Array<string | null>(n).fill(null),
    cueClass: new Array<CueClass | null>(n).fill(null),
    forced: new Int8Array(n).fill(-1),
    sequences: [],
  };
  for (let i = 0; i < n; i++) {
    const t = tokens[i] as Token;
    const s = sentences[t.sentence];
    ctx.paragraph[i] = s ? s.paragraph : -1;
    ctx.sentenceFirst[i] = s ? s.firstToken : i;
    ctx.sentenceLast[i] = s ? s.lastToken - 1 : i;
    ctx.cueClass[i] = cueClassAt(tokens, i);
  }
  markMentions(ctx, mentions);
  for (let i = 0; i + 1 < n; i++) {
    if ((tokens[i] as Token).norm !== 'according' || (tokens[i + 1] as Token).norm !== 'to') continue;
    if (ctx.paragraph[i] !== ctx.paragraph[i + 1]) continue;
    ctx.forced[i] = B_CUE;
    ctx.forced[i + 1] = I_CUE;
  }
  let first = 0;
  for (let i = 1; i <= n; i++) {
    if (i === n || ctx.paragraph[i] !== ctx.paragraph[i - 1]) {
      if (n > 0) ctx.sequences.push([first, i - 1]);
      quoteState(text, ctx, first, i - 1);
      first = i;
    }
  }
  linkRunningQuotes(ctx);
  return ctx;
}

/** Mentions come in text order, as do tokens: one pass over both. */
function markMentions(ctx: TokenContext, mentions: readonly Mention[]): void {
  const sorted = [...mentions].sort((x, y) => x.start - y.start);
  let i = 0;
  for (const m of sorted) {
    while (i < ctx.tokens.length && (ctx.tokens[i] as Token).start < m.start) i++;
    const label = `${m.type}/${m.form}`;
    for (let j = i; j < ctx.tokens.length && (ctx.tokens[j] as Token).start < m.end; j++) ctx.mention[j] = label;
  }
}

function cueClassAt(tokens: readonly Token[], i: number): CueClass | null {
  const t = tokens[i] as Token;
  if (t.pos === 'PUNCT') return t.text === ':' ? 'speech' : null;
  return CUE_CLASS.get(t.lemma) ?? CUE_CLASS.get(t.norm) ?? null;
}

/** The news convention: a paragraph ends inside a quote and the next one opens with a quote mark. */
function linkRunningQuotes(ctx: TokenContext): void {
  for (let k = 1; k < ctx.sequences.length; k++) {
    const [prevFirst, prevLast] = ctx.sequences[k - 1] as [number, number];
    const [first, last] = ctx.sequences[k] as [number, number];
    if (ctx.runsOn[prevLast] !== 1 || ctx.mark[first] !== QUOTE_OPEN) continue;
    const run = ctx.quoteRun[prevFirst] === -1 ? prevFirst : (ctx.quoteRun[prevFirst] as number);
    for (let i = prevFirst; i <= last; i++) ctx.quoteRun[i] = run;
  }
}

/**
 * Quote marks are read from the characters, not the tokens: wink splits the NYT's '' into two
 * tokens and glues a mark to a word ("'A"). A straight mark opens after a space, a paragraph start
 * or an opening bracket or dash, and closes otherwise.
 */
function quoteState(text: string, ctx: TokenContext, first: number, last: number): void {
  const from = (ctx.tokens[first] as Token).start;
  const to = (ctx.tokens[last] as Token).end;
  const marks = quoteMarks(text, from, to);
  let open = false;
  let single = false;
  let m = 0;
  for (let i = first; i <= last; i++) {
    const t = ctx.tokens[i] as Token;
    let opened = false;
    let closed = false;
    let singleClosed = false;
    while (m < marks.length && (marks[m] as QuoteMark).at < t.end) {
      const mark = marks[m++] as QuoteMark;
      if (mark.double) {
        if (mark.open) {
          open = true;
          opened = true;
        } else if (open) {
          open = false;
          closed = true;
        }
      } else if (mark.open) {
        single = true;
      } else if (single) {
        single = false;
        singleClosed = true;
      }
    }
    ctx.mark[i] = opened && !closed ? QUOTE_OPEN : closed ? QUOTE_CLOSE : QUOTE_NONE;
    ctx.inQuote[i] = open || closed ? 1 : 0;
    ctx.inSingle[i] = single || singleClosed ? 1 : 0;
  }
  if (open) for (let i = first; i <= last; i++) ctx.runsOn[i] = 1;
}

interface QuoteMark {
  at: number;
  double: boolean;
  open: boolean;
}

const LETTER = /[\p{L}\p{N}]/u;
/** " ' ` “ ” ‘ ’ „ « » */
const QUOTE_CHARS = new Set([0x22, 0x27, 0x60, 0x201c, 0x201d, 0x2018, 0x2019, 0x201e, 0xab, 0xbb]);

function quoteMarks(text: string, from: number, to: number): QuoteMark[] {
  const marks: QuoteMark[] = [];
  let doubleOpen = false;
  for (let k = from; k < to; k++) {
    if (!QUOTE_CHARS.has(text.charCodeAt(k))) continue;
    const c = text[k] as string;
    const before = k > from ? (text[k - 1] as string) : ' ';
    const after = k + 1 < to ? (text[k + 1] as string) : ' ';
    const at = k;
    let double: boolean | null = null;
    let open = false;
    if (c === '“' || c === '„' || c === '«') [double, open] = [true, true];
    else if (c === '”' || c === '»') [double, open] = [true, false];
    else if (c === '"' || ((c === "'" || c === '`') && after === c)) {
      if (c !== '"') k++;
      const next = k + 1 < to ? (text[k + 1] as string) : ' ';
      double = true;
      const spaceBefore = OPENERS_BEFORE.test(before);
      const spaceAfter = /\s/.test(next);
      open = spaceBefore && spaceAfter ? !doubleOpen : spaceBefore || c === '`';
    } else if (c === '‘') [double, open] = [false, true];
    else if (c === '’' || c === "'") {
      if (LETTER.test(before) && LETTER.test(after)) continue;
      double = false;
      open = OPENERS_BEFORE.test(before) && LETTER.test(after);
    }
    if (double === null) continue;
    if (double) doubleOpen = open;
    marks.push({ at, double, open });
  }
  return marks;
}
