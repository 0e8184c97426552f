/// <reference lib="dom" />
/** The events list: what happened, when, who took part, how many sides told it, and whether they clash. */
import type { Paged } from '../../api/types.js';
import type { EventSummary } from '../../store/store.js';
import { getJson } from '../api.js';
import { h, link } from '../dom.js';
import { dateText, plural } from '../format.js';
import { route } from '../routes.js';
import { type View, conflictBadge, empty, filterForm, filtersOf, heading, offsetOf, pager } from './common.js';

const FILTERS = ['q', 'type', 'from', 'to', 'has_conflict', 'entity'] as const;
const LIMIT = 50;

export const eventsView: View = async (r) => {
  const filters = filtersOf(r, FILTERS);
  const offset = offsetOf(r);
  const page = await getJson<Paged<EventSummary>>('events', { ...filters, limit: LIMIT, offset });
  const types = [...new Set(page.items.map((e) => e.type))].sort();
  const entityName = filters['entity']
    ? (page.items.flatMap((e) => e.participants).find((p) => p.id === filters['entity'])?.name ?? String(filters['entity']))
    : null;
  const form = filterForm(
    ['events'],
    [
      { name: 'q', label: 'Search labels and participants', type: 'search' },
      { name: 'type', label: 'Type', list: types, placeholder: 'call, meeting …' },
      { name: 'from', label: 'From', type: 'date' },
      { name: 'to', label: 'To', type: 'date' },
      { name: 'has_conflict', label: 'Only events with a conflict', type: 'checkbox' },
    ],
    filters,
  );
  const nodes = [
    heading('Events'),
    h('p', { class: 'lede' }, 'Each event gathers the accounts that tell it. Open one to see the accounts side by side.'),
    form,
    entityName
      ? h('p', { class: 'chip' }, `Participant: ${entityName} `, link(route(['events'], { ...filters, entity: undefined }), 'remove'))
      : null,
    page.total === 0
      ? empty(
          Object.keys(filters).length
            ? 'No event matches these filters.'
            : 'No events yet. Events appear once documents about the same occurrence have been ingested and linked. ',
          Object.keys(filters).length ? null : link(route(['documents']), 'Browse the documents'),
        )
      : eventsTable(page.items),
    pager(page.total, LIMIT, offset, (o) => route(['events'], { ...filters, offset: o }), page.totalCapped === true),
  ];
  return { title: 'Events', nodes };
};

function eventsTable(events: readonly EventSummary[]): HTMLElement {
  return h(
    'table',
    { class: 'listing events' },
    h('caption', { class: 'visually-hidden' }, 'Events'),
    h(
      'thead',
      {},
      h('tr', {}, h('th', { scope: 'col' }, 'Event'), h('th', { scope: 'col' }, 'Date'), h('th', { scope: 'col' }, 'Participants'), h('th', { scope: 'col' }, 'Sources'), h('th', { scope: 'col' }, 'Conflicts')),
    ),
    h(
      'tbody',
      {},
      events.map((e) =>
        h(
          'tr',
          { class: e.conflictCount > 0 ? 'has-conflict' : '' },
          h('td', { 'data-label': 'Event' }, link(route(['events', e.id]), e.label), h('span', { class: 'type' }, e.type)),
          h('td', { 'data-label': 'Date' }, dateText(e.date)),
          h(
            'td',
            { 'data-label': 'Participants' },
            e.participants.length ? e.participants.map((p, i) => [i ? ', ' : '', link(route(['entities', p.id]), p.name)]) : '—',
          ),
          h('td', { 'data-label': 'Sources', title: e.sources.join(', ') }, plural(e.sourceCount, 'source'), h('span', { class: 'sources' }, e.sources.join(', '))),
          h('td', { 'data-label': 'Conflicts' }, conflictBadge(e.conflictCount)),
        ),
      ),
    ),
  );
}
