/**
 * Claim units: the pieces of a document that can each be one claim. Sentences, with editorial markup
 * taken out (a paraphrase header the sentence splitter cut in two is mended first), cut at gaps and
 * paraphrase headers, then cut into clauses (clauses.ts).
 */
import type { AnalysedDocument, Span, Token } from '../../model/document.js';
import type { Sentence } from '../../model/findings.js';
import { clauseSpans } from './clauses.js';
import { editorialMarkup, onlyMarkup, trimSpan, type Markup } from './editorial.js';

export interface Unit extends Span {
  /** Document id. */
  doc: string;
  text: string;
  /** Index of the sentence the unit starts in. */
  sentence: number;
  paragraph: number;
  /** The unit's tokens, markup left out. */
  tokens: Token[];
}

const cache = new WeakMap<AnalysedDocument, Unit[]>();

/** The claim units of a document, in text order. */
export function claimUnits(a: AnalysedDocument): Unit[] {
  let units = cache.get(a);
  if (!units) {
    units = buildUnits(a);
    cache.set(a, units);
  }
  return units;
}

interface Piece extends Span {
  sentence: number;
  paragraph: number;
}

function buildUnits(a: AnalysedDocument): Unit[] {
  const text = a.doc.text;
  const markup = editorialMarkup(text);
  const inMarkup = (t: Token): boolean => markup.some((m) => m.start <= t.start && t.end <= m.end);
  const units: Unit[] = [];
  for (const piece of cutAtBoundaries(mended(a.sentences, markup), markup)) {
    const span = trimSpan(text, piece, markup);
    if (span.end <= span.start || onlyMarkup(text, span, markup)) continue;
    const tokens = tokensIn(a.tokens, span).filter((t) => !inMarkup(t));
    if (!tokens.some((t) => /[\p{L}\p{N}]/u.test(t.text))) continue;
    for (const clause of clauseSpans(tokens, span)) {
      const c = trimSpan(text, clause, markup);
      if (c.end <= c.start) continue;
      units.push({
        doc: a.doc.id,
        start: c.start,
        end: c.end,
        text: text.slice(c.start, c.end),
        sentence: piece.sentence,
        paragraph: piece.paragraph,
        tokens: tokens.filter((t) => t.start >= c.start && t.end <= c.end),
      });
    }
  }
  return units;
}

/** Index of the first token that ends after `offset` (binary search; tokens are in text order). */
export function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as Token).end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The tokens lying within a span. */
export function tokensIn(tokens: readonly Token[], span: Span): Token[] {
  const out: Token[] = [];
  for (let i = tokenIndexAt(tokens, span.start); i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.start >= span.end) break;
    if (t.start >= span.start && t.end <= span.end) out.push(t);
  }
  return out;
}

/** Sentences joined where the splitter broke inside markup ("[Paraphrase (apostrophe." + "ua): ..."). */
function mended(sentences: readonly Sentence[], markup: readonly Markup[]): Piece[] {
  const out: Piece[] = [];
  sentences.forEach((s, index) => {
    const last = out[out.length - 1];
    const broken = last && last.paragraph === s.paragraph && markup.some((m) => m.start < last.end && m.end > s.start);
    if (broken) last.end = s.end;
    else out.push({ start: s.start, end: s.end, sentence: index, paragraph: s.paragraph });
  });
  return out;
}

/** A gap or a paraphrase header inside a piece separates what came from different places. */
function cutAtBoundaries(pieces: readonly Piece[], markup: readonly Markup[]): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    let start = p.start;
    for (const m of markup) {
      if (!m.boundary || m.start <= start || m.end >= p.end) continue;
      out.push({ ...p, start, end: m.start });
      start = m.end;
    }
    out.push({ ...p, start });
  }
  return out;
}
