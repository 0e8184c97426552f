/**
 * What every reader yields: a record, or a failure that names the file (and line) and says why.
 * Failures are data: one broken input is reported and the rest of the run goes on.
 */
import type { SourceRecord, Warning } from '../model/document.js';

export type InputResult =
  | { ok: true; record: SourceRecord }
  | { ok: false; path: string; line?: number; reason: string };

export function failure(path: string, reason: string, line?: number): InputResult {
  return line === undefined ? { ok: false, path, reason } : { ok: false, path, line, reason };
}

/** Builds a result, attaching warnings only when there are some (the field is optional, never `undefined`). */
export function success(record: SourceRecord, warnings: readonly Warning[] = []): InputResult {
  const all = [...(record.warnings ?? []), ...warnings];
  if (all.length === 0) return { ok: true, record };
  return { ok: true, record: { ...record, warnings: all } };
}

export function ingestWarning(code: string, message: string, span?: { start: number; end: number }): Warning {
  return span ? { code, stage: 'ingest', message, start: span.start, end: span.end } : { code, stage: 'ingest', message };
}
