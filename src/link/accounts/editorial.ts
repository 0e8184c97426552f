/**
 * Editorial markup inside a text: what an editor added, not what a source said. Assembled texts mark
 * a paraphrase with `[Paraphrase (where): ...]`, a gap with `[...]`, and leave notes like `[sic]`,
 * `[Another rendering:]` or `[Opening sentence not retrieved.]`. These characters stay in the text
 * (offsets refer to it as given) but are never part of a claim, and a claim never runs across a gap
 * or a paraphrase header: what stands on either side came from different places.
 */
import type { Span } from '../../model/document.js';

export interface Markup extends Span {
  /** A gap, a note or a paraphrase header: a claim boundary. A lone bracket is not. */
  boundary: boolean;
}

/** Header of a marked paraphrase: `[Paraphrase (Moscow Times/Anadolu): `. */
const PARAPHRASE_HEADER = /\[(?:paraphrase|summary|translation|another rendering)\b[^\]:]{0,160}:\s*/giy;
/** A bracket holding only an editor's note: `[...]`, `[sic]`, `[Another rendering:]`, `[Opening sentence not retrieved.]`. */
const NOTE = /^(?:\.{3}|…|sic|[^\]]{0,60}:|[^\].]{0,60}\b(?:not retrieved|omitted|missing|illegible|inaudible|unclear|truncated|cut|edited)\b[^\]]{0,20})$/i;
const MAX_NOTE_WORDS = 7;

/** Every markup range of `text`, in order. Pure: the same text gives the same ranges. */
export function editorialMarkup(text: string): Markup[] {
  const out: Markup[] = [];
  let i = text.indexOf('[');
  while (i >= 0) {
    PARAPHRASE_HEADER.lastIndex = i;
    const header = PARAPHRASE_HEADER.exec(text);
    if (header) {
      out.push({ start: i, end: i + header[0].length, boundary: true });
      const close = closingBracket(text, i + header[0].length);
      if (close >= 0) out.push({ start: close, end: close + 1, boundary: false });
      i = text.indexOf('[', i + header[0].length);
      continue;
    }
    const close = closingBracket(text, i + 1);
    if (close < 0) break;
    const inner = text.slice(i + 1, close).trim();
    if (isNote(inner)) {
      out.push({ start: i, end: close + 1, boundary: true });
    } else {
      // An editor's bracket around real content: the brackets go, the words stay.
      out.push({ start: i, end: i + 1, boundary: false }, { start: close, end: close + 1, boundary: false });
    }
    i = text.indexOf('[', i + 1);
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

function isNote(inner: string): boolean {
  if (inner.split(/\s+/).filter(Boolean).length > MAX_NOTE_WORDS) return false;
  return NOTE.test(inner);
}

/** The `]` closing a bracket opened before `from`, within one paragraph-sized window; -1 when none. */
function closingBracket(text: string, from: number): number {
  const close = text.indexOf(']', from);
  if (close < 0 || close - from > 2000) return -1;
  const reopen = text.indexOf('[', from);
  return reopen >= 0 && reopen < close ? -1 : close;
}

/** True when `[start, end)` holds nothing but markup and space. */
export function onlyMarkup(text: string, span: Span, markup: readonly Markup[]): boolean {
  for (let i = span.start; i < span.end; i++) {
    if (/\s/.test(text[i] ?? '')) continue;
    if (!markup.some((m) => m.start <= i && i < m.end)) return false;
  }
  return true;
}

/** Shrink a span so it neither starts nor ends with markup, space or stray punctuation. */
export function trimSpan(text: string, span: Span, markup: readonly Markup[]): Span {
  let { start, end } = span;
  const inMarkup = (i: number): boolean => markup.some((m) => m.start <= i && i < m.end);
  const junkStart = (i: number): boolean => inMarkup(i) || /[\s,;:)\]–—-]/.test(text[i] ?? '');
  const junkEnd = (i: number): boolean => inMarkup(i) || /[\s,;:(\[–—-]/.test(text[i] ?? '');
  while (start < end && junkStart(start)) start++;
  while (end > start && junkEnd(end - 1)) end--;
  return { start, end };
}
