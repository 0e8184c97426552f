/**
 * JSONL export: one event in the `compare` shape a line. A store with no events yet exports its
 * documents instead (as `rashomon show --json` prints them), so the export is never silently empty.
 */
import type { Store } from '../store/store.js';
import { type ExportOptions, eventsToExport, hasEvents } from './events.js';

const PAGE = 100;

export async function* jsonlExport(store: Store, options: ExportOptions = {}): AsyncGenerator<string> {
  if (options.event !== undefined || (await hasEvents(store))) {
    for await (const event of eventsToExport(store, options)) yield `${JSON.stringify(event)}\n`;
    return;
  }
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listDocuments({ limit: PAGE, offset });
    for (const summary of page.items) {
      const doc = await store.getDocument(summary.id);
      if (doc) yield `${JSON.stringify(doc)}\n`;
    }
    if (page.items.length < PAGE || offset + PAGE >= page.total) return;
  }
}
