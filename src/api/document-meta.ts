/**
 * Metadata (title, date, publisher, source) of documents named by events, for the event page and
 * the timeline: the listing rows of the store (no text, no findings; an event may name hundreds of
 * documents), kept in a small LRU, cleared on every write through the API and aged out after a
 * minute (another process may ingest into the same store).
 */
import type { CompareDocument } from '../model/compare.js';
import type { DocumentSummary, Store } from '../store/store.js';

export type DocumentMetaLookup = (ids: readonly string[]) => Promise<Map<string, CompareDocument>>;

interface Entry {
  meta: CompareDocument;
  at: number;
}

export class DocumentMetaCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly store: Store,
    private readonly capacity = 5000,
    private readonly maxAgeMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  clear(): void {
    this.entries.clear();
  }

  /** Metadata of the ids that exist, in a map by id; unknown ids are left out. */
  async get(ids: readonly string[]): Promise<Map<string, CompareDocument>> {
    const found = new Map<string, CompareDocument>();
    const missing: string[] = [];
    const now = this.now();
    for (const id of new Set(ids)) {
      const entry = this.entries.get(id);
      if (entry && now - entry.at < this.maxAgeMs) {
        // Re-insert: a Map iterates in insertion order, so the oldest used entry is first.
        this.entries.delete(id);
        this.entries.set(id, entry);
        found.set(id, entry.meta);
      } else {
        missing.push(id);
      }
    }
    const read = missing.length > 0 ? await this.store.documentSummaries(missing) : new Map<string, DocumentSummary>();
    for (const d of read.values()) {
      const meta: CompareDocument = {
        id: d.id,
        title: d.title,
        date: d.date,
        publisher: d.publisher,
        source: d.source,
        main_event: null,
      };
      found.set(d.id, meta);
      this.entries.set(d.id, { meta, at: now });
    }
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    return found;
  }
}
