/// <reference lib="dom" />
/** The documents list, newest first, filtered by publisher, source, dates and words. */
import type { Paged } from '../../api/types.js';
import type { DocumentSummary } from '../../store/store.js';
import { getJson } from '../api.js';
import { h, link } from '../dom.js';
import { documentRoute, route } from '../routes.js';
import { type View, empty, filterForm, filtersOf, heading, offsetOf, pager } from './common.js';

const FILTERS = ['q', 'publisher', 'source', 'from', 'to'] as const;
const LIMIT = 50;

export const documentsView: View = async (r) => {
  const filters = filtersOf(r, FILTERS);
  const offset = offsetOf(r);
  const page = await getJson<Paged<DocumentSummary>>('documents', { ...filters, limit: LIMIT, offset });
  const nodes = [
    heading('Documents'),
    filterForm(
      ['documents'],
      [
        { name: 'q', label: 'Words', type: 'search' },
        { name: 'publisher', label: 'Publisher' },
        { name: 'source', label: 'Account of' },
        { name: 'from', label: 'From', type: 'date' },
        { name: 'to', label: 'To', type: 'date' },
      ],
      filters,
    ),
    page.total === 0
      ? empty(Object.keys(filters).length ? 'No document matches these filters.' : 'No documents yet: ingest some with rashomon ingest.')
      : h(
          'table',
          { class: 'listing documents' },
          h('caption', { class: 'visually-hidden' }, 'Documents'),
          h(
            'thead',
            {},
            h('tr', {}, ['Title', 'Date', 'Publisher', 'Account of', 'Sentences'].map((t) => h('th', { scope: 'col' }, t))),
          ),
          h(
            'tbody',
            {},
            page.items.map((d) =>
              h(
                'tr',
                {},
                h('td', { 'data-label': 'Title' }, link(documentRoute(d.id), d.title ?? d.path ?? d.id)),
                h('td', { 'data-label': 'Date' }, d.date ?? '—'),
                h('td', { 'data-label': 'Publisher' }, d.publisher ?? '—'),
                h('td', { 'data-label': 'Account of' }, d.source ?? '—'),
                h('td', { 'data-label': 'Sentences' }, d.analysed ? String(d.sentenceCount) : 'not analysed'),
              ),
            ),
          ),
        ),
    pager(page.total, LIMIT, offset, (o) => route(['documents'], { ...filters, offset: o })),
  ];
  return { title: 'Documents', nodes };
};
