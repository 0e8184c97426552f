/**
 * Features of the attribution tagger (hashed, see hashing.ts).
 *
 * Level 1 sees the words, POS, lemmas, the cue lexicon, quote state, position relative to the
 * nearest lexicon cue and verb, rough stand-ins for a verb's subject and complement, and the
 * entities stage's mention class of the token and of its subject-like neighbour (+1 point of source
 * F1 on held-out train: a person or organisation before a verb is a likely source). Level 2
 * also sees what level 1 predicted (the tags around the token, where the nearest predicted cue is):
 * a content span's extent depends on where its cue is, which level 1 knows better than the lexicon.
 * The templates kept are those that paid on held-out PolNeAR train (an ablation removed 21 that
 * did not); everything per token is precomputed into typed arrays, since this is the stage's hot path.
 */
import type { Token } from '../../model/document.js';
import { QUOTE_CLOSE, QUOTE_OPEN, type TokenContext } from './context.js';
import { FeatureSink, hashString, HashCache, type FeatureMatrix } from './hashing.js';
import { B_CUE, I_CUE, O, roleOf } from './tags.js';

export type { FeatureMatrix } from './hashing.js';

const NONE = hashString('∅');
const OUTSIDE = hashString('⊥');

/** Distance in tokens, bucketed: 0..3 exact, then 4-5, 6-8, 9-12, 13-20, more. */
function bucket(d: number): number {
  if (d <= 3) return d;
  if (d <= 5) return 4;
  if (d <= 8) return 5;
  if (d <= 12) return 6;
  if (d <= 20) return 7;
  return 8;
}

function shape(text: string): string {
  if (/^\p{Lu}\p{Ll}/u.test(text)) return 'Xx';
  if (/^\p{Lu}+$/u.test(text)) return 'X';
  if (/^\p{Ll}/u.test(text)) return 'x';
  if (/^\d/.test(text)) return 'd';
  return text.length === 1 ? text : 'p';
}

interface WordHashes {
  norm: number;
  shape: number;
  suffix: number;
}

const words = new HashCache<WordHashes>((text) => {
  const norm = text.toLowerCase();
  return { norm: hashString(norm), shape: hashString(shape(text)), suffix: hashString(norm.slice(-3)) };
});
const strings = new HashCache<number>(hashString);

const SKIPPED = new Set(['ADV', 'AUX', 'PART']);
const PERSONAL = new Set(['he', 'she', 'they', 'i', 'we', 'you', 'it', 'who']);
const FUNCTION_WORDS = new Set(['that', 'to', ':', ',', 'by']);
/** Look-ahead and look-behind of the `around` masks, in tokens. */
const LOOK = 4;

/** Everything the templates read, per token, computed once per document. */
interface Codes {
  norm: Int32Array;
  lemma: Int32Array;
  pos: Int32Array;
  shape: Int32Array;
  suffix: Int32Array;
  cue: Int32Array;
  /** The entities stage's mention class of the token (see TokenContext.mention), or NONE. */
  mention: Int32Array;
  /** Quote state: 4 inside double quotes, + 1 opening / 2 closing mark, + 8 inside single quotes. */
  quote: Uint8Array;
  /** What the next / previous LOOK tokens of the sentence hold (see `aroundBits`). */
  ahead: Uint8Array;
  behind: Uint8Array;
  /** Argument class of the nearest non-adverb, non-auxiliary token to the left / right. */
  subject: Int32Array;
  complement: Int32Array;
  /** Mention class of the subject-like left neighbour (as `subject`), or NONE. */
  subjectMention: Int32Array;
  lexLeft: Int32Array;
  lexRight: Int32Array;
  verbLeft: Int32Array;
  verbRight: Int32Array;
  /** 1 when a "that" lies between the nearest lexicon cue on the left and the token. */
  thatSeen: Uint8Array;
}

const codesOf = new WeakMap<TokenContext, Codes>();

function codes(ctx: TokenContext): Codes {
  const cached = codesOf.get(ctx);
  if (cached) return cached;
  const n = ctx.tokens.length;
  const c: Codes = {
    norm: new Int32Array(n),
    lemma: new Int32Array(n),
    pos: new Int32Array(n),
    shape: new Int32Array(n),
    suffix: new Int32Array(n),
    cue: new Int32Array(n),
    mention: new Int32Array(n),
    quote: new Uint8Array(n),
    ahead: new Uint8Array(n),
    behind: new Uint8Array(n),
    subject: new Int32Array(n),
    complement: new Int32Array(n),
    subjectMention: new Int32Array(n),
    lexLeft: new Int32Array(n),
    lexRight: new Int32Array(n),
    verbLeft: new Int32Array(n),
    verbRight: new Int32Array(n),
    thatSeen: new Uint8Array(n),
  };
  const bits = new Uint8Array(n);
  const argument = new Int32Array(n);
  const skipped = new Uint8Array(n);
  const lexCue = new Uint8Array(n);
  const verb = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const t = ctx.tokens[i] as Token;
    const word = words.get(t.text);
    const cls = ctx.cueClass[i];
    c.norm[i] = word.norm;
    c.shape[i] = word.shape;
    c.suffix[i] = word.suffix;
    c.lemma[i] = t.lemma === t.norm ? word.norm : strings.get(t.lemma);
    c.pos[i] = strings.get(t.pos);
    c.cue[i] = strings.get(cls ?? '∅');
    const mention = ctx.mention[i] ?? null;
    c.mention[i] = mention === null ? NONE : strings.get(mention);
    c.quote[i] = (ctx.inQuote[i] as number) * 4 + (ctx.mark[i] as number) + (ctx.inSingle[i] as number) * 8;
    bits[i] = aroundBits(t, ctx.mark[i] as number);
    skipped[i] = SKIPPED.has(t.pos) && t.norm !== 'to' ? 1 : 0;
    argument[i] = argumentCode(t, ctx.mark[i] as number, cls === 'source');
    lexCue[i] = cls !== null && cls !== 'source' && cls !== 'noun' ? 1 : 0;
    verb[i] = t.pos === 'VERB' ? 1 : 0;
  }
  nearestInSentence(ctx, lexCue, c.lexLeft, c.lexRight);
  nearestInSentence(ctx, verb, c.verbLeft, c.verbRight);
  for (let i = 0; i < n; i++) {
    const first = ctx.sentenceFirst[i] as number;
    const last = ctx.sentenceLast[i] as number;
    let ahead = 0;
    for (let j = i + 1; j <= i + LOOK && j <= last; j++) ahead |= bits[j] as number;
    let behind = 0;
    for (let j = i - 1; j >= i - LOOK && j >= first; j--) behind |= bits[j] as number;
    c.ahead[i] = ahead;
    c.behind[i] = behind;
    const l = c.lexLeft[i] as number;
    c.thatSeen[i] = l >= 0 && i > l && (c.thatSeen[i - 1] === 1 || (ctx.tokens[i - 1] as Token).norm === 'that') ? 1 : 0;
  }
  // Subject: the last non-skipped token before, within the sentence; complement: the first after.
  let last = 0;
  let lastMention = NONE;
  for (let i = 0; i < n; i++) {
    if (i === ctx.sentenceFirst[i]) [last, lastMention] = [0, NONE];
    c.subject[i] = last;
    c.subjectMention[i] = lastMention;
    if (skipped[i] === 0) [last, lastMention] = [argument[i] as number, c.mention[i] as number];
  }
  last = 0;
  for (let i = n - 1; i >= 0; i--) {
    if (i === ctx.sentenceLast[i]) last = 0;
    c.complement[i] = last;
    if (skipped[i] === 0) last = argument[i] as number;
  }
  codesOf.set(ctx, c);
  return c;
}

/** 1 "that", 2 ":", 4 an opening quote, 8 a closing quote, 16 a comma, 32 a pronoun or proper noun. */
function aroundBits(t: Token, mark: number): number {
  if (t.norm === 'that') return 1;
  if (t.text === ':') return 2;
  if (mark === QUOTE_OPEN) return 4;
  if (mark === QUOTE_CLOSE) return 8;
  if (t.text === ',') return 16;
  return t.pos === 'PRON' || t.pos === 'PROPN' ? 32 : 0;
}

/** A rough class of a token as a verb's subject or complement. */
function argumentCode(t: Token, mark: number, sourceNoun: boolean): number {
  if (mark !== 0) return mark === QUOTE_OPEN ? 1 : 2;
  if (FUNCTION_WORDS.has(t.norm)) return strings.get(t.norm);
  if (t.pos === 'PRON') return PERSONAL.has(t.norm) ? 3 : 4;
  if (t.pos === 'PROPN') return 5;
  if (t.pos === 'NOUN') return sourceNoun ? 6 : 7;
  return strings.get(t.pos);
}

/** Index of the nearest marked token left and right of each token within its sentence, or -1. */
function nearestInSentence(ctx: TokenContext, marked: Uint8Array, left: Int32Array, right: Int32Array): void {
  const n = ctx.tokens.length;
  let last = -1;
  for (let i = 0; i < n; i++) {
    if (i === ctx.sentenceFirst[i]) last = -1;
    left[i] = last;
    if (marked[i] === 1) last = i;
  }
  last = -1;
  for (let i = n - 1; i >= 0; i--) {
    if (i === ctx.sentenceLast[i]) last = -1;
    right[i] = last;
    if (marked[i] === 1) last = i;
  }
}

/** A neighbour's code, or OUTSIDE past the paragraph. */
function near(ctx: TokenContext, values: Int32Array, j: number, i: number): number {
  return j < 0 || j >= values.length || ctx.paragraph[j] !== ctx.paragraph[i] ? OUTSIDE : (values[j] as number);
}

/** Level 1 features of every token. `buckets` must be a power of two. */
export function baseFeatures(ctx: TokenContext, buckets: number): FeatureMatrix {
  const n = ctx.tokens.length;
  const c = codes(ctx);
  const sink = new FeatureSink(n, 36, buckets);
  for (let i = 0; i < n; i++) {
    sink.token(i);
    const norm = c.norm[i] as number;
    const lemma = c.lemma[i] as number;
    const pos = c.pos[i] as number;
    const cue = c.cue[i] as number;
    const q = c.quote[i] as number;
    const prev = near(ctx, c.norm, i - 1, i);
    const next = near(ctx, c.norm, i + 1, i);
    sink.add(1, 0, 0, 0);
    sink.add(2, norm, 0, 0);
    sink.add(3, lemma, 0, 0);
    sink.add(4, pos, 0, 0);
    sink.add(5, c.shape[i] as number, 0, 0);
    sink.add(6, c.suffix[i] as number, 0, 0);
    sink.add(7, prev, 0, 0);
    sink.add(8, next, 0, 0);
    sink.add(9, near(ctx, c.norm, i - 2, i), 0, 0);
    sink.add(10, near(ctx, c.norm, i + 2, i), 0, 0);
    sink.add(18, cue, 0, 0);
    sink.add(21, cue, pos, 0);
    const l = c.lexLeft[i] as number;
    const r = c.lexRight[i] as number;
    const lDist = l < 0 ? NONE : bucket(i - l);
    const rDist = r < 0 ? NONE : bucket(r - i);
    const lLemma = l < 0 ? NONE : (c.lemma[l] as number);
    const rLemma = r < 0 ? NONE : (c.lemma[r] as number);
    sink.add(28, lDist, l < 0 ? NONE : (c.cue[l] as number), 0);
    sink.add(29, lDist, lLemma, 0);
    sink.add(30, rDist, r < 0 ? NONE : (c.cue[r] as number), 0);
    sink.add(31, rDist, rLemma, 0);
    sink.add(32, lDist, rDist, q);
    sink.add(33, c.thatSeen[i] as number, lDist, 0);
    sink.add(34, lLemma, pos, 0);
    sink.add(35, rLemma, pos, 0);
    const ahead = c.ahead[i] as number;
    const behind = c.behind[i] as number;
    sink.add(42, pos, next, 0);
    sink.add(43, pos, prev, 0);
    sink.add(44, ahead, pos, 0);
    sink.add(45, behind, pos, 0);
    sink.add(46, ahead, behind, cue);
    sink.add(47, ahead, lemma, 0);
    const lv = c.verbLeft[i] as number;
    const rv = c.verbRight[i] as number;
    const lvLemma = lv < 0 ? NONE : (c.lemma[lv] as number);
    sink.add(48, lvLemma, lv < 0 ? NONE : bucket(i - lv), 0);
    sink.add(49, rv < 0 ? NONE : (c.lemma[rv] as number), rv < 0 ? NONE : bucket(rv - i), 0);
    sink.add(50, lvLemma, pos, q);
    const subject = c.subject[i] as number;
    const complement = c.complement[i] as number;
    sink.add(51, subject, lemma, 0);
    sink.add(52, complement, lemma, 0);
    sink.add(53, subject, complement, pos);
    sink.add(54, subject, complement, cue);
    sink.add(55, c.mention[i] as number, pos, q);
    sink.add(56, c.subjectMention[i] as number, lemma, 0);
  }
  return sink.done();
}

/** The features level 2 adds: what level 1 tagged (`predicted`) around each token. */
export function stackedFeatures(ctx: TokenContext, buckets: number, predicted: ArrayLike<number>): FeatureMatrix {
  const n = ctx.tokens.length;
  const c = codes(ctx);
  const sink = new FeatureSink(n, 15, buckets);
  const stacked = stackedContext(ctx, predicted);
  for (let i = 0; i < n; i++) {
    sink.token(i);
    addStacked(sink, ctx, c, stacked, i);
  }
  return sink.done();
}

interface Stacked {
  tags: ArrayLike<number>;
  cueLeft: Int32Array;
  cueRight: Int32Array;
  /** Bit mask of the roles level 1 found in each token's sentence (1 source, 2 cue, 4 content). */
  roles: Uint8Array;
}

function stackedContext(ctx: TokenContext, tags: ArrayLike<number>): Stacked {
  const n = ctx.tokens.length;
  const isCue = (i: number): boolean => tags[i] === B_CUE || (tags[i] === I_CUE && tags[i - 1] !== I_CUE && tags[i - 1] !== B_CUE);
  const isCueStart = new Uint8Array(n);
  for (let i = 0; i < n; i++) isCueStart[i] = isCue(i) ? 1 : 0;
  const cueLeft = new Int32Array(n);
  const cueRight = new Int32Array(n);
  nearestInSentence(ctx, isCueStart, cueLeft, cueRight);
  const roles = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const role = roleOf(tags[i] ?? O);
    if (!role) continue;
    const bit = role === 'source' ? 1 : role === 'cue' ? 2 : 4;
    roles[ctx.sentenceFirst[i] as number] = (roles[ctx.sentenceFirst[i] as number] as number) | bit;
  }
  for (let i = 0; i < n; i++) roles[i] = roles[ctx.sentenceFirst[i] as number] as number;
  return { tags, cueLeft, cueRight, roles };
}

function addStacked(sink: FeatureSink, ctx: TokenContext, lex: Codes, s: Stacked, i: number): void {
  const q = lex.quote[i] as number;
  const n = ctx.tokens.length;
  const tag = (j: number): number => (j < 0 || j >= n || ctx.paragraph[j] !== ctx.paragraph[i] ? 99 : (s.tags[j] ?? O));
  const t = tag(i);
  sink.add(101, t, 0, 0);
  sink.add(102, tag(i - 1), t, 0);
  sink.add(103, t, tag(i + 1), 0);
  sink.add(104, tag(i - 1), t, tag(i + 1));
  sink.add(105, tag(i - 2), tag(i - 1), 0);
  sink.add(106, tag(i + 1), tag(i + 2), 0);
  const l = s.cueLeft[i] as number;
  const r = s.cueRight[i] as number;
  const lDist = l < 0 ? NONE : bucket(i - l);
  const rDist = r < 0 ? NONE : bucket(r - i);
  sink.add(107, lDist, rDist, t);
  sink.add(108, lDist, l < 0 ? NONE : (lex.lemma[l] as number), 0);
  sink.add(109, rDist, r < 0 ? NONE : (lex.lemma[r] as number), 0);
  sink.add(110, s.roles[i] as number, t, 0);
  sink.add(111, s.roles[i] as number, q, lex.pos[i] as number);
  sink.add(112, t, q, 0);
  sink.add(113, t, lex.norm[i] as number, 0);
  const prevSentence = (ctx.sentenceFirst[i] as number) - 1;
  const nextSentence = (ctx.sentenceLast[i] as number) + 1;
  sink.add(114, s.roles[i] as number, tag(prevSentence), tag(nextSentence));
  sink.add(115, ctx.mark[i] === QUOTE_OPEN ? 1 : ctx.mark[i] === QUOTE_CLOSE ? 2 : 0, tag(i - 1), tag(i + 1));
}

