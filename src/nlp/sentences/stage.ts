/**
 * Sentences and tokens from wink-nlp, with offsets into the document text.
 *
 * The body is cut into paragraphs at blank lines before parsing: a headline or a byline without
 * final punctuation must not run into the next paragraph's first sentence. wink gives token values,
 * not offsets, so each token is found in the text from a moving cursor.
 */
import type { AnalysedDocument, Token } from '../../model/document.js';
import type { Sentence } from '../../model/findings.js';
import type { Stage } from '../../model/stage.js';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { WinkNLP } from '../wink.js';

const PARAGRAPH_BREAK = /\n[ \t\r\f\v\u00a0]*\n\s*/g;
/** wink's lexer slows down sharply on huge unbroken blocks; a paragraph is parsed in pieces this big. */
const MAX_BLOCK = 20_000;

/**
 * wink with only what this stage reads: sentence boundaries and POS (lemmas follow from POS). Its
 * default pipe also runs negation, sentiment and named-entity passes, which cost a third of a parse
 * and which no stage uses; tokens, tags, lemmas and sentences are the same without them.
 */
let parser: WinkNLP | null = null;
function sentenceParser(): WinkNLP {
  parser ??= winkNLP(model, ['sbd', 'pos']);
  return parser;
}

export const sentencesStage: Stage = {
  name: 'sentences',
  run(a) {
    const { text, bodyStart } = a.doc;
    let paragraph = 0;
    for (const block of paragraphs(text, bodyStart)) {
      parseBlock(a, block.start, block.end, paragraph++);
    }
  },
};

export function* paragraphs(text: string, from: number): Generator<{ start: number; end: number }> {
  PARAGRAPH_BREAK.lastIndex = from;
  let start = from;
  for (;;) {
    const m = PARAGRAPH_BREAK.exec(text);
    const end = m ? m.index : text.length;
    yield* trimmedPieces(text, start, end);
    if (!m) return;
    start = m.index + m[0].length;
  }
}

function* trimmedPieces(text: string, start: number, end: number): Generator<{ start: number; end: number }> {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  while (end - start > MAX_BLOCK) {
    const cut = cutPoint(text, start, start + MAX_BLOCK);
    yield { start, end: cut };
    start = cut;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
  }
  if (end > start) yield { start, end };
}

/** Prefer to cut after a sentence end or at a space, so no token is split. */
function cutPoint(text: string, start: number, limit: number): number {
  const window = text.slice(start, limit);
  const sentenceEnd = Math.max(window.lastIndexOf('. '), window.lastIndexOf('\n'));
  if (sentenceEnd > window.length / 2) return start + sentenceEnd + 1;
  const space = window.lastIndexOf(' ');
  return space > 0 ? start + space + 1 : limit;
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0xfeff;
}

function parseBlock(a: AnalysedDocument, blockStart: number, blockEnd: number, paragraph: number): void {
  const nlp = sentenceParser();
  const its = nlp.its;
  const blockText = a.doc.text.slice(blockStart, blockEnd);
  const parsed = nlp.readDoc(blockText);
  const tokens = parsed.tokens();
  const values = tokens.out() as string[];
  const pos = tokens.out(its.pos) as string[];
  const lemmas = tokens.out(its.lemma as never) as unknown as string[];
  // Map wink's token index (within this block) to our document token index, or -1 if unplaced.
  const placed = new Int32Array(values.length).fill(-1);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? '';
    const at = value.length === 0 ? -1 : blockText.indexOf(value, cursor);
    // A token wink rewrote (rare) is not found near the cursor: skip it rather than jump ahead.
    if (at < 0 || at - cursor > 64 + value.length) continue;
    const start = blockStart + at;
    const token: Token = {
      start,
      end: start + value.length,
      text: value,
      norm: value.toLowerCase(),
      lemma: lemmas[i] ?? value.toLowerCase(),
      pos: pos[i] ?? 'X',
      sentence: -1,
    };
    placed[i] = a.tokens.length;
    a.tokens.push(token);
    cursor = at + value.length;
  }
  const spans = parsed.sentences().out(its.span as never) as unknown as Array<[number, number]>;
  for (const [first, last] of spans) {
    let lo = -1;
    let hi = -1;
    for (let i = first; i <= last; i++) {
      const t = placed[i] ?? -1;
      if (t < 0) continue;
      if (lo < 0) lo = t;
      hi = t;
    }
    if (lo < 0) continue;
    const sentenceIndex = a.sentences.length;
    for (let t = lo; t <= hi; t++) (a.tokens[t] as Token).sentence = sentenceIndex;
    const sentence: Sentence = {
      kind: 'sentence',
      start: (a.tokens[lo] as Token).start,
      end: (a.tokens[hi] as Token).end,
      firstToken: lo,
      lastToken: hi + 1,
      paragraph,
    };
    a.sentences.push(sentence);
  }
}
