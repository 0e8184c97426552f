/**
 * The read side of the API: documents, search, entities, events and the timeline. Each route
 * validates its parameters, asks the store, and answers JSON; an unknown id is a 404.
 */
import { Hono } from 'hono';
import type { CompareEvent } from '../model/compare.js';
import type { EventQuery, Page, Store } from '../store/store.js';
import type { DocumentMetaCache } from './document-meta.js';
import { notFound } from './errors.js';
import {
  defined,
  documentsQuery,
  entitiesQuery,
  eventsQuery,
  idParam,
  searchQuery,
  timelineQuery,
  validate,
} from './schemas.js';
import type { EventDetailResponse, Paged, SearchResponse, TimelineEvent, TimelineResponse } from './types.js';

export interface ReadDeps {
  store: Store;
  meta: DocumentMetaCache;
}

const paged = <T>(page: Page<T>, limit: number, offset: number): Paged<T> => ({
  total: page.total,
  ...(page.totalCapped ? { totalCapped: true } : {}),
  limit,
  offset,
  items: page.items,
});

export function readRoutes({ store, meta }: ReadDeps): Hono {
  const api = new Hono();

  api.get('/documents', async (c) => {
    const q = validate(documentsQuery, c.req.query(), 'query');
    const filters = defined({ publisher: q.publisher, source: q.source, from: q.from, to: q.to, text: q.q });
    return c.json(paged(await store.listDocuments({ ...filters, limit: q.limit, offset: q.offset }), q.limit, q.offset));
  });

  api.get('/documents/:id', async (c) => {
    const id = validate(idParam, c.req.param('id'), 'document id');
    const doc = await store.getDocument(id);
    if (!doc) throw notFound(`no document with id '${id}'`);
    return c.json(doc);
  });

  api.get('/search', async (c) => {
    const q = validate(searchQuery, c.req.query(), 'query');
    const hits = await store.search(q.q, { limit: q.limit, offset: q.offset });
    return c.json({ query: q.q, limit: q.limit, offset: q.offset, hits } satisfies SearchResponse);
  });

  api.get('/entities', async (c) => {
    const q = validate(entitiesQuery, c.req.query(), 'query');
    const page = await store.listEntities({ ...defined({ type: q.type, text: q.q }), limit: q.limit, offset: q.offset });
    return c.json(paged(page, q.limit, q.offset));
  });

  api.get('/entities/:id', async (c) => {
    const id = validate(idParam, c.req.param('id'), 'entity id');
    const entity = await store.getEntity(id);
    if (!entity) throw notFound(`no entity with id '${id}'`);
    return c.json(entity);
  });

  api.get('/events', async (c) => {
    const q = validate(eventsQuery, c.req.query(), 'query');
    const page = await store.listEvents({ ...eventFilters(q), limit: q.limit, offset: q.offset });
    return c.json(paged(page, q.limit, q.offset));
  });

  api.get('/events/:id', async (c) => {
    const id = validate(idParam, c.req.param('id'), 'event id');
    const event = await store.getEvent(id);
    if (!event) throw notFound(`no event with id '${id}'`);
    const [documents, mains] = await Promise.all([meta.get(event.documents), store.mainEvents(event.documents)]);
    const body: EventDetailResponse = {
      documents: event.documents.flatMap((d) => {
        const found = documents.get(d);
        return found ? [{ ...found, main_event: mains.get(d) ?? null }] : [];
      }),
      events: [event],
    };
    return c.json(body);
  });

  api.get('/timeline', async (c) => {
    const q = validate(timelineQuery, c.req.query(), 'query');
    const page = await store.listEvents({ ...eventFilters(q), limit: q.limit, offset: 0 });
    const events = (await Promise.all(page.items.map((e) => store.getEvent(e.id)))).filter((e): e is CompareEvent => e !== null);
    const documents = await meta.get(events.flatMap((e) => e.documents));
    const body: TimelineResponse = {
      total: page.total,
      ...(page.totalCapped ? { totalCapped: true } : {}),
      events: events.map((e) => timelineEvent(e, documents)),
    };
    return c.json(body);
  });

  return api;
}

function eventFilters(q: {
  entity?: string | undefined;
  type?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  has_conflict?: boolean | undefined;
  q?: string | undefined;
}): Omit<EventQuery, 'limit' | 'offset'> {
  return defined({ entity: q.entity, type: q.type, from: q.from, to: q.to, hasConflict: q.has_conflict, text: q.q });
}

function timelineEvent(event: CompareEvent, documents: Map<string, { id: string; title: string | null; date: string | null }>): TimelineEvent {
  return {
    id: event.id,
    label: event.label,
    type: event.type,
    date: event.date,
    conflictCount: event.points.filter((p) => p.status === 'conflict').length,
    sources: event.accounts.map((account) => ({
      source: account.source,
      documents: account.documents.flatMap((id) => {
        const d = documents.get(id);
        return d ? [{ id: d.id, title: d.title, date: d.date }] : [];
      }),
    })),
  };
}
