/**
 * Plain text: the document text is the whole decoded file, so every offset refers to the file.
 * An optional `date YYYY-MM-DD` header (leading spaces allowed, body on the same line or the next)
 * gives the publication date and is skipped by `bodyStart`.
 */
import type { SourceRecord, Warning } from '../model/document.js';
import { checkDay } from './dates.js';
import { type InputResult, ingestWarning, success } from './result.js';

/**
 * `date` then a date-shaped token. Only date-shaped tokens count, so prose that starts with the
 * word "Date" is not mistaken for a header.
 */
const DATE_HEADER = /^[ \t]*date:?[ \t]+(\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\S*)\s*/i;
const STRICT_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A headline is short; longer first lines are prose. */
const MAX_TITLE_LENGTH = 200;

export interface DateHeader {
  /** The valid date, when there is one. */
  date?: string;
  /** Offset just after the header and the whitespace that follows it. */
  bodyStart: number;
  warning?: Warning;
}

export function readDateHeader(text: string, now = new Date()): DateHeader | null {
  const m = DATE_HEADER.exec(text);
  const token = m?.[1];
  if (!m || !token) return null;
  const start = m[0].indexOf(token);
  const span = { start, end: start + token.length };
  const bodyStart = m[0].length;
  const day = STRICT_DAY.exec(token);
  const check = day
    ? checkDay(Number(day[1]), Number(day[2]), Number(day[3]), now)
    : { ok: false as const, problem: `"${token}" is not in YYYY-MM-DD form` };
  if (check.ok) return { date: check.date, bodyStart };
  const warning = ingestWarning('bad-date-header', `date header ignored: ${check.problem}`, span);
  return { bodyStart, warning };
}

/**
 * The title is the body's first paragraph when it is a single short line that does not end like a
 * sentence (`.`, `…`, `,`, `;`, `:`) and more text follows; otherwise there is no title. Headlines
 * may end with `?` or `!`.
 */
export function titleOf(body: string): string | undefined {
  const start = body.search(/\S/);
  if (start < 0) return undefined;
  const newline = body.indexOf('\n', start);
  const line = body.slice(start, newline < 0 ? body.length : newline).trim();
  if (newline < 0 || line.length >= MAX_TITLE_LENGTH) return undefined;
  if (/[.…,;:]["'”’)]*$/.test(line) || !/\p{L}/u.test(line)) return undefined;
  // The headline is a paragraph of its own: a blank line, then more text.
  const after = /^[ \t\r]*\n\s*\S/.exec(body.slice(newline + 1, newline + 1 + 4096));
  return after ? line : undefined;
}

export function readText(text: string, path: string, warnings: readonly Warning[] = []): InputResult {
  const header = readDateHeader(text);
  const record: SourceRecord = { text, path };
  const bodyStart = header?.bodyStart ?? 0;
  if (header) record.bodyStart = bodyStart;
  if (header?.date) record.date = header.date;
  const title = titleOf(text.slice(bodyStart));
  if (title) record.title = title;
  return success(record, header?.warning ? [...warnings, header.warning] : warnings);
}
