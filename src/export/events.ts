/**
 * Events to export, read page by page so memory stays bounded whatever the store holds: one named
 * event, or every event newest first.
 */
import type { CompareDocument, CompareEvent } from '../model/compare.js';
import type { Store } from '../store/store.js';

export interface ExportOptions {
  /** Only this event. */
  event?: string;
}

const PAGE = 100;

export async function* eventsToExport(store: Store, options: ExportOptions = {}): AsyncGenerator<CompareEvent> {
  if (options.event !== undefined) {
    const event = await store.getEvent(options.event);
    if (event) yield event;
    return;
  }
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listEvents({ limit: PAGE, offset });
    for (const summary of page.items) {
      const event = await store.getEvent(summary.id);
      if (event) yield event;
    }
    // A capped total is a lower bound: only a short page says the end is reached then.
    if (page.items.length < PAGE || (offset + PAGE >= page.total && !page.totalCapped)) return;
  }
}

/** Title, date and publisher of the documents an event names (unknown ids left out). */
export async function documentsOf(store: Store, event: CompareEvent): Promise<Map<string, CompareDocument>> {
  const found = new Map<string, CompareDocument>();
  const mains = await store.mainEvents(event.documents);
  for (const id of event.documents) {
    const stored = await store.getDocument(id);
    if (!stored) continue;
    const d = stored.doc;
    found.set(id, { id, title: d.title, date: d.date, publisher: d.publisher, source: d.source, main_event: mains.get(id) ?? null });
  }
  return found;
}

/** Is there at least one event (with the option's filter)? */
export async function hasEvents(store: Store, options: ExportOptions = {}): Promise<boolean> {
  if (options.event !== undefined) return (await store.getEvent(options.event)) !== null;
  return (await store.listEvents({ limit: 1, offset: 0 })).total > 0;
}
