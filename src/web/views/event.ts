/// <reference lib="dom" />
/**
 * One event, its accounts side by side: a column per account source, a row per point, so what each
 * side said about the same point reads across. Columns and rows (conflicts first) are laid out as in
 * the reports (src/report/layout.ts). Status shows as colour, a symbol and a word; every evidence
 * sentence links to its place in the document.
 */
import type { EventDetailResponse } from '../../api/types.js';
import type { CompareDocument, CompareEvent, Evidence, Point } from '../../model/compare.js';
import { type PointRow, layoutEvent } from '../../report/layout.js';
import { exportUrl, getJson } from '../api.js';
import { h, link } from '../dom.js';
import { STATUS_TEXT, dateText, plural } from '../format.js';
import { documentRoute, route } from '../routes.js';
import { type View, heading, meta, statusBadge } from './common.js';

export const eventView: View = async (r) => {
  const id = r.path[1] ?? '';
  const result = await getJson<EventDetailResponse>(`events/${encodeURIComponent(id)}`);
  const event = result.events[0];
  if (!event) throw new Error(`the server returned no event for ${id}`);
  const documents = new Map(result.documents.map((d) => [d.id, d]));
  const { columns: sources, rows, counts } = layoutEvent(event);
  const nodes = [
    h('p', { class: 'breadcrumb' }, link(route(['events']), 'Events'), ' / ', event.type),
    heading(event.label),
    h('p', { class: 'meta' }, meta(event.type, dateText(event.date), event.place, plural(event.documents.length, 'document'))),
    event.participants.length
      ? h('p', { class: 'participants' }, 'Participants: ', event.participants.map((p, i) => [i ? ', ' : '', link(route(['entities', p.id]), p.name)]))
      : null,
    h(
      'p',
      { class: 'summary' },
      `${plural(sources.length, 'account')} compared on ${plural(event.points.length, 'point')}: `,
      statusBadge('shared', `${counts.shared} shared`),
      ' ',
      statusBadge('only', `${counts.only} told by one side`),
      ' ',
      statusBadge('conflict', `${counts.conflict} in conflict`),
    ),
    h(
      'p',
      { class: 'downloads' },
      'Download: ',
      h('a', { href: exportUrl('md', event.id), download: '' }, 'Markdown report'),
      ' · ',
      h('a', { href: exportUrl('csv', event.id), download: '' }, 'CSV'),
      ' · ',
      h('a', { href: exportUrl('jsonl', event.id), download: '' }, 'JSON'),
    ),
    rows.length ? compareTable(event, sources, rows, documents) : h('p', { class: 'empty' }, 'No points were compared for this event.'),
    accountsSection(event, documents),
  ];
  return { title: event.label, nodes };
};

function statusText(point: Point): string {
  if (point.status === 'only') return `Only ${point.sources.join(', ')}`;
  return STATUS_TEXT[point.status];
}

function compareTable(event: CompareEvent, sources: readonly string[], rows: readonly PointRow[], documents: Map<string, CompareDocument>): HTMLElement {
  return h(
    'div',
    { class: 'compare-wrap' },
    h(
      'table',
      { class: 'compare', 'data-columns': sources.length },
      h('caption', {}, `What each account says about “${event.label}”, point by point`),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col', class: 'point-col' }, 'Point'),
          sources.map((s) => h('th', { scope: 'col', class: 'source-col' }, s)),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map(({ point: p, cells }) =>
          h(
            'tr',
            { class: `point status-${p.status}`, id: `point-${p.id}` },
            h(
              'th',
              { scope: 'row', class: 'point-head' },
              statusBadge(p.status, statusText(p)),
              h('span', { class: 'point-summary' }, p.summary),
              p.reason ? h('p', { class: 'reason' }, h('strong', {}, 'Why: '), p.reason) : null,
            ),
            sources.map((s, i) => evidenceCell(s, p, cells[i] ?? [], documents)),
          ),
        ),
      ),
    ),
  );
}

function evidenceCell(source: string, point: Point, evidence: readonly Evidence[], documents: Map<string, CompareDocument>): HTMLElement {
  const cell = h('td', { 'data-source': source, class: evidence.length ? 'has-evidence' : 'no-evidence' });
  cell.append(h('span', { class: 'cell-source', 'aria-hidden': 'true' }, source));
  if (evidence.length === 0) {
    cell.append(h('span', { class: 'absent' }, point.sources.includes(source) ? 'says so (no sentence kept)' : 'not mentioned'));
    return cell;
  }
  for (const e of evidence) cell.append(evidenceQuote(e, documents.get(e.document)));
  return cell;
}

function evidenceQuote(e: Evidence, doc: CompareDocument | undefined): HTMLElement {
  const where = doc ? meta(doc.title ?? doc.id, doc.date, doc.publisher) : e.document;
  return h(
    'blockquote',
    { class: 'evidence' },
    h('p', {}, link(documentRoute(e.document, e), e.text)),
    h('footer', {}, where),
  );
}

function accountsSection(event: CompareEvent, documents: Map<string, CompareDocument>): HTMLElement {
  return h(
    'section',
    { class: 'accounts', 'aria-labelledby': 'accounts-h' },
    h('h2', { id: 'accounts-h' }, 'Accounts and their documents'),
    h(
      'ul',
      {},
      event.accounts.map((a) =>
        h(
          'li',
          {},
          h('strong', {}, a.source),
          ` — ${plural(a.claims.length, 'claim')} in ${plural(a.documents.length, 'document')}: `,
          a.documents.map((id, i) => {
            const d = documents.get(id);
            return [i ? '; ' : '', link(documentRoute(id), d ? meta(d.title ?? d.id, d.date) : id)];
          }),
        ),
      ),
    ),
  );
}
