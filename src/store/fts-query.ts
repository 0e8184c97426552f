/**
 * What a user types into a search box, turned into FTS5 query syntax. Raw input is never passed to
 * MATCH: a stray `"`, `-` or `:` would be a syntax error or an operator the user did not mean.
 */
import type { Span } from '../model/document.js';

/** A term or a phrase, each of which must occur. */
export interface QueryTerm {
  text: string;
  /** `word*`: any word starting with it. */
  prefix: boolean;
}

/** Words and "quoted phrases"; a trailing `*` on a word makes it a prefix. Terms with no letter or digit are dropped. */
export function parseQuery(input: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  for (const m of input.matchAll(/"([^"]*)"?|(\S+)/g)) {
    const phrase = m[1];
    const word = m[2];
    if (phrase !== undefined) {
      if (/[\p{L}\p{N}]/u.test(phrase)) terms.push({ text: phrase.trim(), prefix: false });
    } else if (word !== undefined) {
      const prefix = word.length > 1 && word.endsWith('*');
      const text = prefix ? word.slice(0, -1) : word;
      if (/[\p{L}\p{N}]/u.test(text)) terms.push({ text, prefix });
    }
  }
  return terms;
}

/** One term as an FTS5 string (quoted, so every character is literal). */
export function ftsTerm(term: QueryTerm): string {
  return `"${term.text.replaceAll('"', '""')}"${term.prefix ? '*' : ''}`;
}

/** All terms must match (FTS5's implicit AND); null when nothing is searchable. */
export function toFtsQuery(input: string): string | null {
  const terms = parseQuery(input);
  return terms.length === 0 ? null : terms.map(ftsTerm).join(' ');
}

/**
 * Spans of the marked terms in `marked`, a copy of `original` with `open`/`close` inserted around
 * matches (FTS5 highlight()), as offsets into `original`. The walk compares with the original
 * rather than searching for markers, so a marker character inside the text cannot shift offsets.
 */
export function markedSpans(original: string, marked: string, open: string, close: string): Span[] {
  const spans: Span[] = [];
  let i = 0;
  let j = 0;
  let start = -1;
  while (i < marked.length) {
    if (start < 0 && marked.startsWith(open, i) && !original.startsWith(open, j)) {
      start = j;
      i += open.length;
    } else if (start >= 0 && marked.startsWith(close, i) && !original.startsWith(close, j)) {
      spans.push({ start, end: j });
      start = -1;
      i += close.length;
    } else {
      i++;
      j++;
    }
  }
  return spans;
}
