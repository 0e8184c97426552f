/**
 * Full-text search on PostgreSQL: the user's words and "phrases" (fts-query.ts) become tsqueries
 * over the english configuration, sentences match through their stored tsvector and its GIN index,
 * ranked by ts_rank with length normalisation (the nearest to FTS5's bm25). ts_headline marks the
 * matched words; from those marks come the exact match offsets and a snippet cut the way FTS5's
 * snippet() cuts one, so both engines show the same excerpt with the same markers.
 *
 * Unlike FTS5, PostgreSQL drops English stop words: a term made of stop words only ("the") cannot
 * match and is left out, and a query with nothing else gives no hits.
 */
import type { Span } from '../model/document.js';
import { StoreError } from './errors.js';
import type { QueryTerm } from './fts-query.js';
import { markedSpans, parseQuery } from './fts-query.js';
import type { Queryable } from './postgres-sql.js';
import { describePgError } from './postgres-sql.js';
import { SNIPPET_CLOSE, SNIPPET_OPEN } from './store.js';
import type { SearchHit, SearchOptions } from './store.js';

/** Around ts_headline's marks when finding match offsets; the snippet uses the public markers. */
const MATCH_OPEN = '\u0001';
const MATCH_CLOSE = '\u0002';
/** Tokens in a snippet, as the SQLite store asks FTS5's snippet() for. */
const SNIPPET_TOKENS = 24;
const ELLIPSIS = '…';

const MARK_OPTIONS = `StartSel="${MATCH_OPEN}", StopSel="${MATCH_CLOSE}", HighlightAll=true`;

/**
 * The tsquery of each term, as tsquery text ('' for a term of stop words only), in one round trip.
 * Input never reaches to_tsquery's syntax: phrases go through phraseto_tsquery, and a `word*` keeps
 * only its letters and digits before `:*` is added.
 */
export async function termQueries(db: Queryable, terms: readonly QueryTerm[]): Promise<string[]> {
  if (terms.length === 0) return [];
  const params: string[] = [];
  const expressions = terms.map((term) => {
    if (!term.prefix) {
      params.push(term.text);
      return `phraseto_tsquery('english', $${params.length})::text`;
    }
    const words = term.text.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.length === 0) return "''";
    params.push(words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' <-> '));
    return `to_tsquery('english', $${params.length})::text`;
  });
  const { rows } = await db.query<{ queries: string[] }>(`SELECT ARRAY[${expressions.join(', ')}] AS queries`, params);
  return rows[0]?.queries ?? [];
}

/** Every searchable term of `input` in one tsquery; null when none is. */
export async function combinedQuery(db: Queryable, input: string): Promise<string | null> {
  const queries = (await termQueries(db, parseQuery(input))).filter((q) => q !== '');
  return queries.length === 0 ? null : queries.map((q) => `(${q})`).join(' & ');
}

interface SearchRow {
  id: string;
  doc_id: string;
  title: string | null;
  publisher: string | null;
  date: string | null;
  idx: number;
  span_start: number;
  span_end: number;
  text: string;
  rank: number;
  marked: string;
}

export async function searchSentences(db: Queryable, input: string, options: SearchOptions): Promise<SearchHit[]> {
  let rows: SearchRow[];
  let query: string | null = null;
  try {
    query = await combinedQuery(db, input);
    if (query === null) return [];
    // Ranked and cut first, so headlines are made only for the rows returned.
    ({ rows } = await db.query<SearchRow>(
      `WITH hit AS (
         SELECT s.id, ts_rank(s.tsv, $1::tsquery, 1) AS rank FROM sentences s
         WHERE s.tsv @@ $1::tsquery ORDER BY rank DESC, s.id LIMIT $2 OFFSET $3
       )
       SELECT s.id, s.doc_id, d.title, d.publisher, d.date, s.idx, s.span_start, s.span_end, s.text, hit.rank,
         ts_headline('english', s.text, $1::tsquery, $4) AS marked
       FROM hit JOIN sentences s ON s.id = hit.id JOIN documents d ON d.id = s.doc_id
       ORDER BY hit.rank DESC, hit.id`,
      [query, options.limit, options.offset, MARK_OPTIONS],
    ));
  } catch (cause) {
    throw new StoreError('search', `query ${JSON.stringify(input)} (tsquery ${query ?? '?'}) failed: ${describePgError(cause)}`, { query: input, tsquery: query }, cause);
  }
  const phrases = parseQuery(input).filter((t) => !t.prefix);
  return rows.map((r) => {
    const matches = joinPhrases(r.text, markedSpans(r.text, r.marked, MATCH_OPEN, MATCH_CLOSE), phrases);
    return {
      docId: r.doc_id,
      title: r.title,
      publisher: r.publisher,
      date: r.date,
      sentenceIndex: r.idx,
      sentenceStart: r.span_start,
      sentenceEnd: r.span_end,
      snippet: snippetOf(r.text, matches),
      matches: matches.map((m) => ({ start: r.span_start + m.start, end: r.span_start + m.end })),
      score: r.rank,
    };
  });
}

/**
 * The sentence cut to SNIPPET_TOKENS tokens the way FTS5's snippet() cuts it (fts5SnippetFunction):
 * each match is a candidate start, scored 1000 for every distinct term in the window and 1 for a
 * repeat, then centred on its matches; the start of the sentence, or of a clause after '.' or ':',
 * before a match is a candidate too, with a bonus. '…' where text was cut, each match between the
 * markers.
 */
export function snippetOf(text: string, matches: readonly Span[]): string {
  const tokens = [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const size = tokens.length;
  const instances = matches
    .map((m) => {
      const at = tokens.findIndex((t) => t.end > m.start);
      const tokensIn = tokens.filter((t) => t.start < m.end && t.end > m.start).length;
      return { at, length: Math.max(1, tokensIn), term: text.slice(m.start, m.end).toLowerCase() };
    })
    .filter((i) => i.at >= 0)
    .sort((x, y) => x.at - y.at);
  const score = (from: number) => {
    const seen = new Set<string>();
    let points = 0;
    let first = -1;
    let last = 0;
    for (const i of instances) {
      if (i.at < from || i.at >= from + SNIPPET_TOKENS) continue;
      points += seen.has(i.term) ? 1 : 1000;
      seen.add(i.term);
      if (first < 0) first = i.at;
      last = i.at + i.length;
    }
    let centred = first - Math.trunc((SNIPPET_TOKENS - (last - first)) / 2);
    if (centred + SNIPPET_TOKENS > size) centred = size - SNIPPET_TOKENS;
    return { points, centred: Math.max(0, centred) };
  };
  const clauses = tokens.map((_, i) => i).filter((i) => i === 0 || /[.:][ \t\r\n]+$/.test(text.slice(tokens[i - 1]?.end ?? 0, tokens[i]?.start)));
  let best = 0;
  let first = 0;
  for (const i of instances) {
    const here = score(i.at);
    if (here.points > best) [best, first] = [here.points, here.centred];
    if (size <= SNIPPET_TOKENS) continue;
    const clause = clauses.filter((c) => c <= i.at).at(-1);
    if (clause !== undefined && clause < i.at) {
      const points = score(clause).points + (clause === 0 ? 120 : 100);
      if (points > best) [best, first] = [points, clause];
    }
  }
  const last = first + SNIPPET_TOKENS - 1;
  const start = first === 0 ? 0 : (tokens[first]?.start ?? 0);
  const end = last >= size - 1 ? text.length : (tokens[last]?.end ?? text.length);
  let out = start > 0 ? ELLIPSIS : '';
  let at = start;
  for (const m of matches) {
    const s = Math.max(m.start, start);
    const e = Math.min(m.end, end);
    if (s >= e) continue;
    out += `${text.slice(at, s)}${SNIPPET_OPEN}${text.slice(s, e)}${SNIPPET_CLOSE}`;
    at = e;
  }
  return out + text.slice(at, end) + (end < text.length ? ELLIPSIS : '');
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * ts_headline marks the words of a phrase one by one; FTS5 marks a matched phrase as one span. A
 * mark on a word like the phrase's first, followed n - 1 words on by a mark on a word like its last,
 * is one match (the words between may be stop words PostgreSQL leaves unmarked). "Like" is a shared
 * start, since the marked words are stemmed matches rather than the typed ones.
 */
export function joinPhrases(text: string, spans: readonly Span[], phrases: readonly QueryTerm[]): Span[] {
  const patterns = phrases
    .map((p) => (p.text.match(WORD) ?? []).map((w) => w.toLowerCase()))
    .filter((words) => words.length > 1)
    .sort((a, b) => b.length - a.length);
  if (patterns.length === 0) return [...spans];
  const words = [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const wordAt = new Map(words.map((w, i) => [w.start, i]));
  const endsAt = new Map(spans.map((s, i) => [s.end, i]));
  const joined: Span[] = [];
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i] as Span;
    const first = wordAt.get(span.start);
    let end: number | undefined;
    for (const pattern of first === undefined ? [] : patterns) {
      const last = words[(first as number) + pattern.length - 1];
      const j = last === undefined ? undefined : endsAt.get(last.end);
      if (j === undefined || j <= i || !last) continue;
      if (alike(text.slice(span.start, span.end), pattern[0] ?? '') && alike(text.slice(last.start, last.end), pattern.at(-1) ?? '')) {
        end = j;
        break;
      }
    }
    if (end === undefined) {
      joined.push(span);
    } else {
      joined.push({ start: span.start, end: (spans[end] as Span).end });
      i = end;
    }
  }
  return joined;
}

function alike(marked: string, typed: string): boolean {
  const a = marked.toLowerCase();
  const n = Math.min(4, a.length, typed.length);
  return n > 0 && a.slice(0, n) === typed.slice(0, n);
}
