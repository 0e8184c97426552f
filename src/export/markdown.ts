/**
 * Markdown export: the side-by-side report of src/report/markdown.ts (the one `rashomon report`
 * prints), one event after another, separated by a rule. Document text is escaped there.
 */
import { renderMarkdown } from '../report/markdown.js';
import type { Store } from '../store/store.js';
import { type ExportOptions, documentsOf, eventsToExport } from './events.js';

export async function* markdownExport(store: Store, options: ExportOptions = {}): AsyncGenerator<string> {
  let events = 0;
  for await (const event of eventsToExport(store, options)) {
    if (events++ > 0) yield '\n---\n\n';
    yield renderMarkdown(event, [...(await documentsOf(store, event)).values()]);
  }
  if (events === 0) {
    yield options.event === undefined ? '# Rashomon report\n\nNo events in the store yet.\n' : '# Rashomon report\n\nNo such event.\n';
  }
}
