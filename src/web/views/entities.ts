/// <reference lib="dom" />
/** Entities: the list, and one entity with its roles, aliases, and what it said and what was said about it, over time. */
import type { Paged } from '../../api/types.js';
import type { EntityDetail, EntityStatement, EntitySummary } from '../../store/store.js';
import { getJson } from '../api.js';
import { h, link } from '../dom.js';
import { dateText, plural } from '../format.js';
import { documentRoute, route } from '../routes.js';
import { type View, empty, filterForm, filtersOf, heading, meta, offsetOf, pager } from './common.js';

const LIMIT = 50;

export const entitiesView: View = async (r) => {
  const filters = filtersOf(r, ['q', 'type']);
  const offset = offsetOf(r);
  const page = await getJson<Paged<EntitySummary>>('entities', { ...filters, limit: LIMIT, offset });
  const nodes = [
    heading('Entities'),
    filterForm(
      ['entities'],
      [
        { name: 'q', label: 'Name or alias', type: 'search' },
        {
          name: 'type',
          label: 'Type',
          type: 'select',
          options: [['', 'any'], ['person', 'person'], ['organization', 'organization'], ['place', 'place'], ['group', 'group']],
        },
      ],
      filters,
    ),
    page.total === 0
      ? empty(Object.keys(filters).length ? 'No entity matches.' : 'No entities yet: they appear once documents have been linked.')
      : h(
          'table',
          { class: 'listing entities' },
          h('caption', { class: 'visually-hidden' }, 'Entities'),
          h('thead', {}, h('tr', {}, ['Name', 'Type', 'Roles', 'Documents', 'Mentions'].map((t) => h('th', { scope: 'col' }, t)))),
          h(
            'tbody',
            {},
            page.items.map((e) =>
              h(
                'tr',
                {},
                h('td', { 'data-label': 'Name' }, link(route(['entities', e.id]), e.name)),
                h('td', { 'data-label': 'Type' }, e.type),
                h('td', { 'data-label': 'Roles' }, e.roles.join('; ') || '—'),
                h('td', { 'data-label': 'Documents' }, String(e.documentCount)),
                h('td', { 'data-label': 'Mentions' }, String(e.mentionCount)),
              ),
            ),
          ),
        ),
    pager(page.total, LIMIT, offset, (o) => route(['entities'], { ...filters, offset: o })),
  ];
  return { title: 'Entities', nodes };
};

export const entityView: View = async (r) => {
  const id = r.path[1] ?? '';
  const e = await getJson<EntityDetail>(`entities/${encodeURIComponent(id)}`);
  const by = e.statements.filter((s) => s.relation === 'by');
  const about = e.statements.filter((s) => s.relation === 'about');
  const nodes = [
    h('p', { class: 'breadcrumb' }, link(route(['entities']), 'Entities'), ' / ', e.type),
    heading(e.name),
    h('p', { class: 'meta' }, meta(e.type, plural(e.documentCount, 'document'), plural(e.mentionCount, 'mention'))),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Roles'),
      h('dd', {}, e.roles.join('; ') || '—'),
      h('dt', {}, 'Affiliations'),
      h('dd', {}, e.affiliations.join('; ') || '—'),
      h('dt', {}, 'Also called'),
      h('dd', {}, e.aliases.join('; ') || '—'),
    ),
    h('p', {}, link(route(['events'], { entity: e.id }), `Events with ${e.name}`), ' · ', link(route(['timeline'], { entity: e.id }), 'on the timeline')),
    statementsSection('by', `Statements by ${e.name}`, by),
    statementsSection('about', `Statements about ${e.name}`, about),
    e.events.length
      ? h(
          'section',
          { 'aria-labelledby': 'ev-h' },
          h('h2', { id: 'ev-h' }, 'Events'),
          h('ul', {}, e.events.map((ev) => h('li', {}, link(route(['events', ev.id]), ev.label), ` — ${dateText(ev.date)}`))),
        )
      : null,
    e.related.length
      ? h(
          'section',
          { 'aria-labelledby': 'rel-h' },
          h('h2', { id: 'rel-h' }, 'Often in the same documents'),
          h('ul', { class: 'related' }, e.related.map((x) => h('li', {}, link(route(['entities', x.id]), x.name), ` (${x.type}, ${plural(x.documents, 'document')})`))),
        )
      : null,
  ];
  return { title: e.name, nodes };
};

/** Oldest first, undated last: statements "over time". */
function byDate(a: EntityStatement, b: EntityStatement): number {
  if (a.date === b.date) return a.document < b.document ? -1 : a.document > b.document ? 1 : a.start - b.start;
  if (a.date === null) return 1;
  if (b.date === null) return -1;
  return a.date < b.date ? -1 : 1;
}

function statementsSection(kind: string, title: string, statements: readonly EntityStatement[]): HTMLElement {
  return h(
    'section',
    { 'aria-labelledby': `st-${kind}`, class: `statements ${kind}` },
    h('h2', { id: `st-${kind}` }, `${title} (${statements.length})`),
    statements.length
      ? h(
          'ol',
          { class: 'statements-list' },
          [...statements].sort(byDate).map((s) =>
            h(
              'li',
              {},
              h('time', s.date ? { datetime: s.date } : {}, s.date ?? 'undated'),
              ' ',
              h('span', { class: 'cue' }, s.cue),
              ': ',
              link(documentRoute(s.document, s), s.text),
              h('span', { class: 'where' }, ` — ${s.documentTitle ?? s.document}`),
            ),
          ),
        )
      : empty('None found.'),
  );
}
