/// <reference lib="dom" />
/** Pieces every view uses: the view contract, headings, pagers, status badges, filter forms. */
import type { PointStatus } from '../../model/compare.js';
import { type Child, h, link } from '../dom.js';
import { STATUS_SYMBOL, STATUS_TEXT } from '../format.js';
import { type Params, type Route, route } from '../routes.js';

export interface Rendered {
  title: string;
  nodes: Child[];
  /** Element to focus and scroll to after rendering (default: the h1). */
  focus?: HTMLElement;
}

export type View = (route: Route) => Promise<Rendered>;

export function heading(text: string, ...extra: Child[]): HTMLHeadingElement {
  return h('h1', { tabindex: -1 }, text, ...extra);
}

export function statusBadge(status: PointStatus, detail?: string): HTMLElement {
  return h(
    'span',
    { class: `badge status-${status}` },
    h('span', { class: 'symbol', 'aria-hidden': 'true' }, STATUS_SYMBOL[status]),
    ' ',
    detail ?? STATUS_TEXT[status],
  );
}

export function conflictBadge(count: number): HTMLElement {
  if (count === 0) return h('span', { class: 'badge status-none' }, 'no conflict');
  return statusBadge('conflict', `${count} conflict${count === 1 ? '' : 's'}`);
}

/** `capped`: the API stopped counting at `total` ("10,000+"), so more pages may follow it. */
export function pager(total: number, limit: number, offset: number, at: (offset: number) => string, capped = false): HTMLElement | null {
  if (total <= limit && offset === 0 && !capped) return null;
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(total, offset + limit);
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'pages' },
    offset > 0 ? link(at(Math.max(0, offset - limit)), '← Previous') : h('span', { class: 'disabled' }, '← Previous'),
    h('span', {}, `${first}–${last} of ${capped ? `${total.toLocaleString('en-US')}+` : total}`),
    offset + limit < total || capped ? link(at(offset + limit), 'Next →') : h('span', { class: 'disabled' }, 'Next →'),
  );
}

export const offsetOf = (r: Route): number => {
  const n = Number(r.params.get('offset') ?? 0);
  return Number.isInteger(n) && n >= 0 ? n : 0;
};

/** The route's params that are filters, as given (the API validates them). */
export function filtersOf(r: Route, names: readonly string[]): Params {
  const out: Params = {};
  for (const name of names) {
    const v = r.params.get(name);
    if (v !== null && v !== '') out[name] = v;
  }
  return out;
}

export interface Field {
  name: string;
  label: string;
  type?: 'text' | 'date' | 'checkbox' | 'search' | 'select';
  options?: ReadonlyArray<[string, string]>;
  list?: string[];
  placeholder?: string;
}

/** A GET-style filter form: submitting it navigates to the same route with the filters in the hash. */
export function filterForm(path: readonly string[], fields: readonly Field[], current: Params, submitText = 'Apply'): HTMLFormElement {
  const form = h('form', { class: 'filters', role: 'search' });
  for (const f of fields) {
    const id = `f-${path.join('-')}-${f.name}`;
    const value = current[f.name];
    let control: HTMLElement;
    if (f.type === 'checkbox') {
      control = h('input', { id, name: f.name, type: 'checkbox', checked: value === '1' || value === 'true' || value === true });
      form.append(h('div', { class: 'field checkbox' }, control, h('label', { for: id }, f.label)));
      continue;
    }
    if (f.type === 'select') {
      control = h(
        'select',
        { id, name: f.name },
        (f.options ?? []).map(([v, text]) => h('option', { value: v, selected: String(value ?? '') === v }, text)),
      );
    } else {
      const listId = f.list ? `${id}-list` : undefined;
      control = h('input', {
        id,
        name: f.name,
        type: f.type ?? 'text',
        value: value === undefined || value === null ? '' : String(value),
        placeholder: f.placeholder,
        list: listId,
      });
      if (f.list && listId) form.append(h('datalist', { id: listId }, f.list.map((v) => h('option', { value: v }))));
    }
    form.append(h('div', { class: 'field' }, h('label', { for: id }, f.label), control));
  }
  form.append(h('div', { class: 'field actions' }, h('button', { type: 'submit' }, submitText), link(route(path), 'Clear')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params: Params = {};
    for (const f of fields) {
      const el = form.elements.namedItem(f.name);
      if (el instanceof HTMLInputElement && el.type === 'checkbox') params[f.name] = el.checked ? '1' : undefined;
      else if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement) params[f.name] = el.value.trim();
    }
    // Keep filters the form does not show (an entity chosen elsewhere).
    for (const [k, v] of Object.entries(current)) if (!fields.some((f) => f.name === k) && k !== 'offset') params[k] = v;
    location.hash = route(path, params);
  });
  return form;
}

export function empty(...children: Child[]): HTMLElement {
  return h('p', { class: 'empty' }, ...children);
}

export function meta(...parts: Array<string | null | undefined | false>): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' · ');
}
