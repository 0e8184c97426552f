/**
 * CSV export: a header, then one row per piece of evidence of every point (a point's fields repeat
 * on each of its evidence rows; a point without evidence gets one row with the evidence cells empty).
 * RFC 4180 quoting, CRLF line ends, and cells a spreadsheet would run as a formula defused.
 */
import type { CompareEvent } from '../model/compare.js';
import type { Store } from '../store/store.js';
import { type ExportOptions, eventsToExport } from './events.js';

export const CSV_HEADER = [
  'event_id',
  'event_label',
  'event_date',
  'point_id',
  'status',
  'sources',
  'summary',
  'reason',
  'evidence_source',
  'evidence_document',
  'evidence_start',
  'evidence_end',
  'evidence_text',
] as const;

/**
 * One cell. Text starting with = + - @ (or a tab or carriage return, which some spreadsheets skip
 * before looking) is prefixed with ' so it is shown, never evaluated (OWASP "CSV injection").
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const defused = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(defused) ? `"${defused.replace(/"/g, '""')}"` : defused;
}

export function csvRow(cells: ReadonlyArray<string | number | null | undefined>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

function dateOf(event: CompareEvent): string {
  if (!event.date) return '';
  return event.date.start === event.date.end ? event.date.start : `${event.date.start}..${event.date.end}`;
}

export function eventCsvRows(event: CompareEvent): string[] {
  const rows: string[] = [];
  for (const point of event.points) {
    const head = [event.id, event.label, dateOf(event), point.id, point.status, point.sources.join('; '), point.summary, point.reason];
    if (point.evidence.length === 0) rows.push(csvRow([...head, null, null, null, null, null]));
    for (const e of point.evidence) rows.push(csvRow([...head, e.source, e.document, e.start, e.end, e.text]));
  }
  return rows;
}

export async function* csvExport(store: Store, options: ExportOptions = {}): AsyncGenerator<string> {
  yield csvRow(CSV_HEADER);
  for await (const event of eventsToExport(store, options)) {
    const rows = eventCsvRows(event);
    if (rows.length) yield rows.join('');
  }
}
