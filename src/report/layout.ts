/**
 * What every rendering of one event shares: the documents it names, the accounts as columns, and
 * the points as rows with each account's evidence in its column. Pure functions of the contract
 * (model/compare.ts), so the CLI, the API and the web app render the same report.
 */
import type { CompareEvent, Evidence, Point, PointStatus } from '../model/compare.js';
import type { DateValue } from '../model/findings.js';

/** What a report shows of a document: the `documents` entries of the compare contract fit. */
export interface ReportDocument {
  id: string;
  title: string | null;
  date: string | null;
  publisher: string | null;
  source: string | null;
}

export interface PointRow {
  point: Point;
  /** Evidence by column (account source), in column order; empty where the account is silent. */
  cells: Evidence[][];
}

export interface EventLayout {
  /** Account sources, most claims first, then by name. */
  columns: string[];
  rows: PointRow[];
  counts: Record<PointStatus, number>;
}

export const STATUS_LABEL: Readonly<Record<PointStatus, string>> = {
  conflict: 'Conflict',
  shared: 'Shared',
  only: 'Only one side',
};

export function layoutEvent(event: CompareEvent): EventLayout {
  const columns = [...event.accounts]
    .sort((x, y) => y.claims.length - x.claims.length || x.source.localeCompare(y.source))
    .map((a) => a.source);
  for (const p of event.points) for (const s of p.sources) if (!columns.includes(s)) columns.push(s);
  const rank: Record<PointStatus, number> = { conflict: 0, shared: 1, only: 2 };
  const rows = [...event.points]
    .sort((x, y) => rank[x.status] - rank[y.status] || firstAt(x) - firstAt(y) || x.id.localeCompare(y.id))
    .map((point) => ({ point, cells: columns.map((c) => point.evidence.filter((e) => e.source === c)) }));
  const counts: Record<PointStatus, number> = { conflict: 0, shared: 0, only: 0 };
  for (const p of event.points) counts[p.status]++;
  return { columns, rows, counts };
}

function firstAt(p: Point): number {
  return Math.min(...p.evidence.map((e) => e.start));
}

export function formatDate(value: DateValue | null): string {
  if (!value) return 'undated';
  if (value.start === value.end) return value.start;
  if (value.precision === 'month' && value.start.slice(0, 7) === value.end.slice(0, 7)) return value.start.slice(0, 7);
  if (value.precision === 'year' && value.start.slice(0, 4) === value.end.slice(0, 4)) return value.start.slice(0, 4);
  return `${value.start} – ${value.end}`;
}

/** "Title (publisher, date)" or the id when the document has no title. */
export function documentLabel(id: string, documents: readonly ReportDocument[]): string {
  const d = documents.find((x) => x.id === id);
  if (!d) return id;
  const meta = [d.publisher, d.date].filter(Boolean).join(', ');
  return `${d.title ?? id}${meta ? ` (${meta})` : ''}`;
}

/** Evidence text on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
