/// <reference lib="dom" />
/** Full-text search over sentences, best first; the matched words marked, each hit opening its sentence. */
import type { SearchResponse } from '../../api/types.js';
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../store/store.js';
import { getJson } from '../api.js';
import { type Child, h, link } from '../dom.js';
import { documentRoute, route } from '../routes.js';
import { type View, empty, filterForm, heading, meta, offsetOf } from './common.js';

const LIMIT = 20;

/** The snippet as text nodes and <mark>s: the markers are split on, never parsed as markup. */
export function snippetNodes(snippet: string): Child[] {
  const out: Child[] = [];
  let rest = snippet;
  for (;;) {
    const open = rest.indexOf(SNIPPET_OPEN);
    const close = open < 0 ? -1 : rest.indexOf(SNIPPET_CLOSE, open + 1);
    if (open < 0 || close < 0) {
      out.push(rest.split(SNIPPET_OPEN).join('').split(SNIPPET_CLOSE).join(''));
      return out;
    }
    out.push(rest.slice(0, open), h('mark', {}, rest.slice(open + 1, close)));
    rest = rest.slice(close + 1);
  }
}

export const searchView: View = async (r) => {
  const q = (r.params.get('q') ?? '').trim();
  const offset = offsetOf(r);
  const form = filterForm(['search'], [{ name: 'q', label: 'Find sentences with', type: 'search', placeholder: '"phone call" Naryshkin' }], q ? { q } : {}, 'Search');
  if (!q) return { title: 'Search', nodes: [heading('Search'), form, empty('Type words to find; "quoted phrases" stay together, word* matches a prefix.')] };
  const result = await getJson<SearchResponse>('search', { q, limit: LIMIT, offset });
  const nodes = [
    heading('Search'),
    form,
    result.hits.length === 0
      ? empty(`No sentence matches “${q}”.`)
      : h(
          'ol',
          { class: 'hits', start: offset + 1 },
          result.hits.map((hit) =>
            h(
              'li',
              {},
              h('p', { class: 'snippet' }, link(documentRoute(hit.docId, { start: hit.sentenceStart, end: hit.sentenceEnd }), snippetNodes(hit.snippet))),
              h('p', { class: 'meta' }, meta(hit.title ?? hit.docId, hit.date, hit.publisher)),
            ),
          ),
        ),
    h(
      'nav',
      { class: 'pager', 'aria-label': 'pages' },
      offset > 0 ? link(route(['search'], { q, offset: Math.max(0, offset - LIMIT) }), '← Previous') : null,
      result.hits.length === LIMIT ? link(route(['search'], { q, offset: offset + LIMIT }), 'More →') : null,
    ),
  ];
  return { title: `Search: ${q}`, nodes };
};
