/**
 * Cross-document events and entities as table rows, engine-neutral: both stores write the same
 * columns and read them back into the same summaries, and merge an entity's names the same way.
 */
import type { CompareEvent, Participant } from '../model/compare.js';
import type { DateValue, EntityType } from '../model/findings.js';
import type { EntityRecord, EntitySummary, EventSummary } from './store.js';

export interface EventRow {
  id: string;
  type: string;
  label: string;
  date_start: string | null;
  date_end: string | null;
  place: string | null;
  participants: string;
  sources: string;
  document_count: number;
  source_count: number;
  point_count: number;
  conflict_count: number;
  /** The event's DateValue as JSON, null when undated (migration 3): what lists show, without `data`. */
  date_value: string | null;
  data: string;
}

export interface EntityRow {
  id: string;
  name: string;
  type: EntityType;
  aliases: string;
  roles: string;
  affiliations: string;
  document_count: number;
  mention_count: number;
}

/** Documents an entity page reads statements from, statements it lists, related entities it names. */
export const STATEMENT_DOCS = 200;
export const STATEMENTS = 200;
export const RELATED = 12;

export function eventRow(e: CompareEvent): EventRow {
  const sources = [...new Set(e.accounts.map((a) => a.source))].sort();
  return {
    id: e.id,
    type: e.type,
    label: e.label,
    date_start: e.date?.start ?? null,
    date_end: e.date?.end ?? null,
    place: e.place,
    participants: JSON.stringify(e.participants),
    sources: JSON.stringify(sources),
    document_count: e.documents.length,
    source_count: sources.length,
    point_count: e.points.length,
    conflict_count: e.points.filter((p) => p.status === 'conflict').length,
    date_value: e.date === null ? null : JSON.stringify(e.date),
    data: JSON.stringify(e),
  };
}

/** What a list of events reads of each: not the whole `data` (megabytes for an event of hundreds of documents). */
export type EventSummaryRow = Omit<EventRow, 'date_start' | 'date_end' | 'data'>;

export const EVENT_SUMMARY_COLUMNS =
  'e.id, e.type, e.label, e.place, e.participants, e.sources, e.document_count, e.source_count, e.point_count, e.conflict_count, e.date_value';

/** Rows counted at most for a list's total: past it, the total says "at least" (Page.totalCapped). */
export const COUNT_CAP = 10_000;

/** Rows a capped count looks at: COUNT_CAP, or as far as the page asked for reaches. */
export function countCap(paging: { limit: number; offset: number }): number {
  return Math.max(COUNT_CAP, paging.offset + paging.limit);
}

/** A page's total from a count of at most `cap + 1` rows: `cap` and capped when more were found. */
export function cappedTotal(counted: number, cap: number): { total: number; totalCapped?: true } {
  return counted > cap ? { total: cap, totalCapped: true } : { total: counted };
}

export function eventSummary(row: EventSummaryRow): EventSummary {
  return {
    id: row.id,
    label: row.label,
    type: row.type,
    date: row.date_value === null ? null : (JSON.parse(row.date_value) as DateValue),
    place: row.place,
    participants: JSON.parse(row.participants) as Participant[],
    documentCount: row.document_count,
    sourceCount: row.source_count,
    sources: JSON.parse(row.sources) as string[],
    conflictCount: row.conflict_count,
    pointCount: row.point_count,
  };
}

export function entitySummary(row: EntityRow): EntitySummary {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    aliases: JSON.parse(row.aliases) as string[],
    roles: JSON.parse(row.roles) as string[],
    affiliations: JSON.parse(row.affiliations) as string[],
    documentCount: row.document_count,
    mentionCount: row.mention_count,
  };
}

const union = (a: readonly string[], b: readonly string[]): string[] => [...new Set([...a, ...b])];

/**
 * An entity seen again: aliases and affiliations merged and sorted, roles in the order seen, and
 * the longest name, the most complete ("William Burns" over "Burns"); ties keep the stored one.
 */
export function mergeEntity(
  old: { name: string; aliases: readonly string[]; roles: readonly string[]; affiliations: readonly string[] } | undefined,
  e: EntityRecord,
): EntityRecord {
  return {
    id: e.id,
    name: old && old.name.length >= e.name.length ? old.name : e.name,
    type: e.type,
    aliases: union(old?.aliases ?? [], e.aliases).sort(),
    roles: union(old?.roles ?? [], e.roles).slice(0, 20),
    affiliations: union(old?.affiliations ?? [], e.affiliations).sort().slice(0, 20),
  };
}
