/**
 * The whole comparison of a set of analysed documents (the `compare` contract, model/compare.ts):
 * events grouped across the documents, and for each event its accounts side by side and its points.
 * Deterministic and independent of input order: documents, events, accounts, claims and points are
 * sorted by id or position, and every id is derived from content. An event's accounts and points
 * depend on its own documents only (who is who is resolved among them, not among every document
 * compared), so an event comes out the same whatever else is compared or linked with it.
 */
import type { CompareDocument, CompareEvent, CompareResult } from '../model/compare.js';
import type { AnalysedDocument, Span } from '../model/document.js';
import type { EventFinding } from '../model/findings.js';
import { compareAccounts, type EventDocument } from './accounts/index.js';
import type { GroupedEvent, GroupEvents } from './accounts/grouping.js';
import { groupEvents } from './events.js';
import { entityIndex, type EntityIndex } from './accounts/speakers.js';

export interface CompareOptions {
  /** How documents are grouped into events. Default: cross-document event grouping. */
  group?: GroupEvents;
}

export function compare(docs: readonly AnalysedDocument[], options: CompareOptions = {}): CompareResult {
  const sorted = [...docs].sort((x, y) => x.doc.id.localeCompare(y.doc.id));
  const group = options.group ?? ((d: readonly AnalysedDocument[]) => groupEvents(d));
  const { events, mainEvent } = group(sorted);
  const byId = new Map(sorted.map((a) => [a.doc.id, a]));
  const documents: CompareDocument[] = sorted.map((a) => ({
    id: a.doc.id,
    title: a.doc.title,
    date: a.doc.date,
    publisher: a.doc.publisher,
    source: a.doc.source,
    main_event: mainEvent.get(a.doc.id) ?? null,
  }));
  const out = [...events]
    .sort((x, y) => x.id.localeCompare(y.id))
    .map((g) => compareEvent(g, byId, mainEvent));
  return { documents, events: out };
}

/**
 * One event of a grouping: `byId` must hold the analysis (tokens included) of each of its
 * documents, `mainEvent` the main event of each of them. `entities` is who is who among exactly
 * its documents, when the caller has it at hand (documents with several events share one).
 */
export function compareEvent(
  g: GroupedEvent,
  byId: ReadonlyMap<string, AnalysedDocument>,
  mainEvent: ReadonlyMap<string, string | null>,
  entities: EntityIndex = entityIndex([...new Set(g.documents)].sort().flatMap((id) => byId.get(id) ?? [])),
): CompareEvent {
  const documentIds = [...new Set(g.documents)].sort();
  const documents: EventDocument[] = documentIds.flatMap((id) => {
    const analysis = byId.get(id);
    if (!analysis) return [];
    const keys = new Set(g.members.filter((m) => m.doc === id).map((m) => m.key));
    const own = analysis.events.filter((e) => keys.has(e.key));
    const other = analysis.events.filter((e) => !keys.has(e.key));
    return [{
      analysis,
      main: mainEvent.get(id) === g.id,
      mentions: analysis.events.length === 0 ? null : own.flatMap(spansOf),
      triggers: analysis.events.length === 0 ? null : own.flatMap((e) => e.trigger),
      otherMentions: other.flatMap(spansOf),
    }];
  });
  const participants = [...g.participants].sort((x, y) => x.id.localeCompare(y.id));
  const { accounts, points } = compareAccounts({ id: g.id, type: g.type, label: g.label, participants, documents, entities });
  return {
    id: g.id,
    label: g.label,
    type: g.type,
    date: g.date,
    place: g.place,
    participants,
    documents: documentIds,
    accounts,
    points,
  };
}

function spansOf(e: EventFinding): Span[] {
  return [...e.trigger, ...e.mentions];
}
