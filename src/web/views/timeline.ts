/// <reference lib="dom" />
/**
 * The timeline: events on a time axis, and under each event one lane per account source with a
 * marker at the date of every document in which that source spoke about it: what happened against
 * when it was said. Drawn as SVG by the app; every label is a text node, every marker a link.
 */
import type { TimelineEvent, TimelineResponse } from '../../api/types.js';
import { getJson } from '../api.js';
import { h, link, svg } from '../dom.js';
import { dateText, plural } from '../format.js';
import { documentRoute, route } from '../routes.js';
import { type View, empty, filterForm, filtersOf, heading } from './common.js';

const FILTERS = ['q', 'type', 'from', 'to', 'has_conflict', 'entity'] as const;
const DAY = 86_400_000;
const WIDTH = 1100;
const LABELS = 280;
const RIGHT = 24;
const AXIS = 34;
const EVENT_ROW = 28;
const LANE = 20;
const SHAPES = ['circle', 'square', 'triangle', 'diamond'] as const;

const time = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);
const clip = (s: string, n: number): string => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

export const timelineView: View = async (r) => {
  const filters = filtersOf(r, FILTERS);
  const data = await getJson<TimelineResponse>('timeline', { ...filters, limit: 100 });
  const form = filterForm(
    ['timeline'],
    [
      { name: 'q', label: 'Search events', type: 'search' },
      { name: 'type', label: 'Type' },
      { name: 'from', label: 'From', type: 'date' },
      { name: 'to', label: 'To', type: 'date' },
      { name: 'has_conflict', label: 'Only events with a conflict', type: 'checkbox' },
    ],
    filters,
  );
  const drawn = data.events.length ? chart(data.events) : null;
  const nodes = [
    heading('Timeline'),
    h('p', { class: 'lede' }, 'Each bar is an event; under it, one lane per source, with a mark on the date of each document in which that source spoke about it.'),
    form,
    data.events.length === 0
      ? empty(Object.keys(filters).length ? 'No event matches these filters.' : 'No events yet.')
      : [
          data.total > data.events.length ? h('p', { class: 'meta' }, `Showing the ${data.events.length} most recent of ${data.totalCapped ? `${data.total.toLocaleString('en-US')}+` : data.total} events.`) : null,
          drawn ?? empty('None of these events or their documents has a date to place on the axis.'),
          timelineTable(data.events),
        ],
  ];
  return { title: 'Timeline', nodes };
};

function chart(events: readonly TimelineEvent[]): HTMLElement | null {
  const dates: number[] = [];
  for (const e of events) {
    if (e.date) dates.push(time(e.date.start), time(e.date.end));
    for (const s of e.sources) for (const d of s.documents) if (d.date) dates.push(time(d.date));
  }
  const valid = dates.filter((d) => !Number.isNaN(d));
  if (valid.length === 0) return null;
  let min = Math.min(...valid);
  let max = Math.max(...valid) + DAY;
  const pad = Math.max(DAY * 3, (max - min) * 0.04);
  min -= pad;
  max += pad;
  const x = (t: number): number => LABELS + ((t - min) / (max - min)) * (WIDTH - LABELS - RIGHT);
  const height = AXIS + events.reduce((n, e) => n + EVENT_ROW + e.sources.length * LANE + 8, 0);
  const root = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${height}`,
    width: WIDTH,
    height,
    class: 'timeline-chart',
    role: 'img',
    'aria-labelledby': 'timeline-title',
  });
  root.append(svg('title', { id: 'timeline-title' }, `Timeline of ${plural(events.length, 'event')} and when each source spoke about them`));
  for (const tick of ticks(min, max)) {
    const tx = x(tick.at);
    root.append(svg('line', { x1: tx, x2: tx, y1: AXIS - 6, y2: height, class: 'tick' }));
    // A label too close to the right edge would be cut off.
    if (tx < WIDTH - RIGHT - 64) root.append(svg('text', { x: tx + 3, y: AXIS - 12, class: 'tick-label' }, tick.label));
  }
  let top = AXIS;
  for (const e of events) {
    const row = svg('g', { class: `event-row${e.conflictCount ? ' has-conflict' : ''}` });
    row.append(svg('rect', { x: 0, y: top, width: WIDTH, height: EVENT_ROW + e.sources.length * LANE + 4, class: 'row-bg' }));
    const label = svg('a', { href: route(['events', e.id]), class: 'event-link' }, svg('title', {}, `${e.label} (${dateText(e.date)})`), svg('text', { x: 6, y: top + 18, class: 'event-label' }, clip(e.label, 30)));
    row.append(label);
    if (e.conflictCount) row.append(svg('text', { x: LABELS - 8, y: top + 18, class: 'conflict-mark', 'text-anchor': 'end' }, `≠ ${e.conflictCount}`));
    if (e.date) {
      const x1 = x(time(e.date.start));
      const x2 = Math.max(x1 + 6, x(time(e.date.end) + DAY));
      row.append(svg('rect', { x: x1, y: top + 7, width: x2 - x1, height: 14, rx: 3, class: 'event-bar' }, svg('title', {}, `${e.label}: ${dateText(e.date)}`)));
    } else {
      row.append(svg('text', { x: LABELS + 4, y: top + 18, class: 'undated' }, 'event date unknown'));
    }
    e.sources.forEach((s, i) => {
      const y = top + EVENT_ROW + i * LANE + LANE / 2;
      const shape = SHAPES[i % SHAPES.length] ?? 'circle';
      row.append(
        svg('line', { x1: LABELS, x2: WIDTH - RIGHT, y1: y, y2: y, class: 'lane' }),
        svg('text', { x: 22, y: y + 4, class: 'lane-label' }, `${symbol(shape)} ${clip(s.source, 30)}`),
      );
      for (const d of s.documents) {
        if (!d.date) continue;
        const cx = x(time(d.date) + DAY / 2);
        row.append(
          svg(
            'a',
            { href: documentRoute(d.id), class: `marker source-${i % SHAPES.length}` },
            svg('title', {}, `${s.source}: ${d.title ?? d.id}, ${d.date}`),
            marker(shape, cx, y),
          ),
        );
      }
    });
    root.append(row);
    top += EVENT_ROW + e.sources.length * LANE + 8;
  }
  return h('div', { class: 'timeline-wrap', tabindex: 0, 'aria-label': 'timeline chart, scrolls sideways' }, root);
}

function symbol(shape: (typeof SHAPES)[number]): string {
  return { circle: '●', square: '■', triangle: '▲', diamond: '◆' }[shape];
}

function marker(shape: (typeof SHAPES)[number], cx: number, cy: number): SVGElement {
  const r = 6;
  switch (shape) {
    case 'circle':
      return svg('circle', { cx, cy, r });
    case 'square':
      return svg('rect', { x: cx - r, y: cy - r, width: 2 * r, height: 2 * r });
    case 'triangle':
      return svg('path', { d: `M${cx},${cy - r - 1}L${cx + r + 1},${cy + r}L${cx - r - 1},${cy + r}Z` });
    case 'diamond':
      return svg('path', { d: `M${cx},${cy - r - 1}L${cx + r + 1},${cy}L${cx},${cy + r + 1}L${cx - r - 1},${cy}Z` });
  }
}

interface Tick {
  at: number;
  label: string;
}

/** Weeks, months, years or decades, whichever gives a readable number of ticks. */
export function ticks(min: number, max: number): Tick[] {
  const days = (max - min) / DAY;
  const out: Tick[] = [];
  const start = new Date(min);
  if (days <= 60) {
    for (let t = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()); t <= max; t += 7 * DAY) {
      if (t >= min) out.push({ at: t, label: new Date(t).toISOString().slice(0, 10) });
    }
  } else if (days <= 800) {
    const step = days <= 400 ? 1 : 3;
    for (let y = start.getUTCFullYear(), m = start.getUTCMonth(); ; m += step) {
      const t = Date.UTC(y, m, 1);
      if (t > max) break;
      if (t >= min) out.push({ at: t, label: new Date(t).toISOString().slice(0, 7) });
    }
  } else {
    const step = days <= 3650 ? 1 : days <= 18250 ? 5 : 10;
    for (let y = Math.ceil(start.getUTCFullYear() / step) * step; ; y += step) {
      const t = Date.UTC(y, 0, 1);
      if (t > max) break;
      if (t >= min) out.push({ at: t, label: String(y) });
    }
  }
  return out;
}

function timelineTable(events: readonly TimelineEvent[]): HTMLElement {
  return h(
    'details',
    { class: 'timeline-table' },
    h('summary', {}, 'The timeline as a table'),
    h(
      'table',
      { class: 'listing' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Event'), h('th', { scope: 'col' }, 'Date'), h('th', { scope: 'col' }, 'When each source spoke'))),
      h(
        'tbody',
        {},
        events.map((e) =>
          h(
            'tr',
            {},
            h('td', { 'data-label': 'Event' }, link(route(['events', e.id]), e.label)),
            h('td', { 'data-label': 'Date' }, dateText(e.date)),
            h(
              'td',
              { 'data-label': 'Sources' },
              h(
                'ul',
                {},
                e.sources.map((s) =>
                  h('li', {}, h('strong', {}, s.source), ': ', s.documents.map((d, i) => [i ? ', ' : '', link(documentRoute(d.id), d.date ?? 'undated')])),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
