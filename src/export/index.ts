/**
 * Exports shared by `rashomon export` and `GET /api/export`: each format is an async generator of
 * text chunks, so a large store streams out without being held in memory.
 */
import type { Store } from '../store/store.js';
import { csvExport } from './csv.js';
import type { ExportOptions } from './events.js';
import { jsonlExport } from './jsonl.js';
import { markdownExport } from './markdown.js';

export type { ExportOptions } from './events.js';
export { csvCell, csvRow, eventCsvRows, CSV_HEADER } from './csv.js';

export const EXPORT_FORMATS = ['jsonl', 'csv', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  jsonl: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

export function exportChunks(store: Store, format: ExportFormat, options: ExportOptions = {}): AsyncGenerator<string> {
  switch (format) {
    case 'jsonl':
      return jsonlExport(store, options);
    case 'csv':
      return csvExport(store, options);
    case 'md':
      return markdownExport(store, options);
  }
}

/** `rashomon-events.csv`, or `rashomon-event-<id>.md` with the id reduced to safe file-name characters. */
export function exportFileName(format: ExportFormat, options: ExportOptions = {}): string {
  if (options.event === undefined) return `rashomon-events.${format}`;
  const id = options.event.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 80) || 'event';
  return `rashomon-event-${id}.${format}`;
}
