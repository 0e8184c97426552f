/// <reference lib="dom" />
/**
 * The analyst's workbench: a tiny router on location.hash and one view per page. Views build their
 * DOM from text nodes only (see dom.ts); a slow answer for a page the user has left is dropped.
 */
import { ApiRequestError } from './api.js';
import { h, link, replaceChildren } from './dom.js';
import { type Route, parseHash, route } from './routes.js';
import type { Rendered, View } from './views/common.js';
import { documentView } from './views/document.js';
import { documentsView } from './views/documents.js';
import { entitiesView, entityView } from './views/entities.js';
import { eventView } from './views/event.js';
import { eventsView } from './views/events.js';
import { searchView } from './views/search.js';
import { timelineView } from './views/timeline.js';

const NAV: ReadonlyArray<[string, string]> = [
  ['events', 'Events'],
  ['timeline', 'Timeline'],
  ['entities', 'Entities'],
  ['documents', 'Documents'],
  ['search', 'Search'],
];

function viewFor(r: Route): View | null {
  const [section, id, ...rest] = r.path;
  if (rest.length) return null;
  switch (section) {
    case undefined:
    case 'events':
      return id === undefined ? eventsView : eventView;
    case 'documents':
      return id === undefined ? documentsView : documentView;
    case 'entities':
      return id === undefined ? entitiesView : entityView;
    case 'timeline':
      return id === undefined ? timelineView : null;
    case 'search':
      return id === undefined ? searchView : null;
    default:
      return null;
  }
}

let generation = 0;

async function render(main: HTMLElement, nav: HTMLElement, initial = false): Promise<void> {
  const current = ++generation;
  const r = parseHash(location.hash);
  const section = r.path[0] ?? 'events';
  for (const a of nav.querySelectorAll('a')) {
    if (a.dataset['section'] === section) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  main.setAttribute('aria-busy', 'true');
  let rendered: Rendered;
  const view = viewFor(r);
  try {
    rendered = view
      ? await view(r)
      : { title: 'Not found', nodes: [h('h1', { tabindex: -1 }, 'Not found'), h('p', {}, 'There is no such page. ', link(route(['events']), 'Go to the events'))] };
  } catch (error) {
    rendered = failure(error);
  }
  if (current !== generation) return;
  replaceChildren(main, rendered.nodes);
  main.removeAttribute('aria-busy');
  document.title = `${rendered.title} — Rashomon`;
  // On first load focus stays at the top of the page (the skip link comes first); after a
  // navigation it moves to the new content, or to the span a link pointed at.
  const focus = rendered.focus ?? (initial ? null : main.querySelector<HTMLElement>('h1'));
  if (focus) {
    focus.focus({ preventScroll: true });
    focus.scrollIntoView({ block: rendered.focus ? 'center' : 'start' });
  }
}

function failure(error: unknown): Rendered {
  const notFound = error instanceof ApiRequestError && error.status === 404;
  const message = error instanceof Error ? error.message : String(error);
  return {
    title: notFound ? 'Not found' : 'Error',
    nodes: [
      h('h1', { tabindex: -1 }, notFound ? 'Not found' : 'Something went wrong'),
      h('p', { class: 'error', role: 'alert' }, message),
      h('p', {}, link(route(['events']), 'Back to the events')),
    ],
  };
}

function start(): void {
  const main = document.getElementById('main');
  const nav = document.getElementById('nav');
  const skip = document.getElementById('skip');
  if (!main || !nav) throw new Error('index.html lacks #main or #nav');
  replaceChildren(
    nav,
    h('ul', {}, NAV.map(([section, label]) => h('li', {}, h('a', { href: route([section]), 'data-section': section }, label)))),
  );
  // The skip link must not change the hash (that is the router's): it moves focus instead.
  skip?.addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
  });
  window.addEventListener('hashchange', () => void render(main, nav));
  if (!location.hash || location.hash === '#' || location.hash === '#/') history.replaceState(null, '', route(['events']));
  void render(main, nav, true);
}

start();
