/**
 * JSONL / NDJSON: one record a line, validated at the boundary. A bad line is reported with its
 * number and reason and the others go on. Files are streamed line by line, so memory follows the
 * longest line, not the file.
 */
import { z } from 'zod';
import type { SourceRecord, Warning } from '../model/document.js';
import { parseIsoDate } from './dates.js';
import { firstInvalidUtf8 } from './decode.js';
import { type InputResult, failure, ingestWarning, success } from './result.js';

/** One line may be large (a long article), but not unbounded. */
export const MAX_LINE_BYTES = 256 * 1024 * 1024;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Optional metadata: a string, or null / absent for "not given". */
const optionalString = z
  .string({ error: (issue) => `expected a string, got ${describe(issue.input)}` })
  .nullish();

export const jsonlRecordSchema = z.object({
  text: z
    .string({
      error: (issue) =>
        issue.input === undefined ? 'required (a non-empty string)' : `expected a string, got ${describe(issue.input)}`,
    })
    .refine((text) => /\S/.test(text), 'must not be empty'),
  id: optionalString,
  title: optionalString,
  date: optionalString,
  publisher: optionalString,
  source: optionalString,
  url: optionalString,
  byline: optionalString,
});

export type JsonlRecord = z.infer<typeof jsonlRecordSchema>;

const OPTIONAL_FIELDS = ['id', 'title', 'publisher', 'source', 'url', 'byline'] as const;

/** One line of JSONL, already decoded. `path` is the file; the record's path becomes `path:line`. */
export function parseJsonlLine(line: string, lineNumber: number, path: string): InputResult {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return failure(path, `invalid JSON: ${(error as Error).message}`, lineNumber);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return failure(path, `expected a JSON object, got ${describe(value)}`, lineNumber);
  }
  const parsed = jsonlRecordSchema.safeParse(value);
  if (!parsed.success) {
    const reason = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'record'}: ${issue.message}`);
    return failure(path, reason.join('; '), lineNumber);
  }
  return success(...toRecord(parsed.data, `${path}:${lineNumber}`));
}

/**
 * Half of a surrogate pair without its other half. JSON can write one (`"\ud800"`), but it is not
 * Unicode text: a store writes it as UTF-8 and reads back something else, of another length, and
 * every offset after it would be wrong.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** U+FFFD for each lone surrogate: one code unit for one, so offsets into the text stay the same. */
function wellFormed(value: string): string {
  return value.replace(LONE_SURROGATE, '\ufffd');
}

function toRecord(input: JsonlRecord, path: string): [SourceRecord, Warning[]] {
  const record: SourceRecord = { text: wellFormed(input.text), path };
  const warnings: Warning[] = [];
  const replaced = record.text === input.text ? [] : ['text'];
  for (const field of OPTIONAL_FIELDS) {
    const value = input[field];
    // Ids are kept exactly; other metadata is trimmed, and empty means absent.
    const kept = field === 'id' ? value : value?.trim();
    if (!kept) continue;
    record[field] = wellFormed(kept);
    if (record[field] !== kept) replaced.push(field);
  }
  if (replaced.length > 0) {
    warnings.push(
      ingestWarning('lone-surrogate', `${replaced.join(', ')}: lone UTF-16 surrogates (\\uD800-\\uDFFF escapes without their pair) replaced by U+FFFD`),
    );
  }
  const date = input.date?.trim();
  if (date) {
    const check = parseIsoDate(date);
    if (check.ok) record.date = check.date;
    else warnings.push(ingestWarning('bad-date', `date ignored: ${check.problem}`));
  }
  return [record, warnings];
}

/**
 * Splits a byte stream on LF. Work is linear in the input: a long line is gathered in parts and
 * joined once.
 */
export async function* splitLines(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array | Error> {
  let parts: Uint8Array[] = [];
  let size = 0;
  let tooLong = false;
  for await (const raw of chunks) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl >= 0; nl = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, nl);
      start = nl + 1;
      if (tooLong || size + piece.length > MAX_LINE_BYTES) yield new Error(`line longer than ${MAX_LINE_BYTES} bytes`);
      else yield parts.length === 0 ? piece : Buffer.concat([...parts, piece]);
      parts = [];
      size = 0;
      tooLong = false;
    }
    const rest = chunk.subarray(start);
    if (rest.length === 0 || tooLong) continue;
    size += rest.length;
    if (size > MAX_LINE_BYTES) {
      tooLong = true;
      parts = [];
    } else parts.push(rest);
  }
  if (tooLong) yield new Error(`line longer than ${MAX_LINE_BYTES} bytes`);
  else if (parts.length > 0) yield Buffer.concat(parts);
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeLine(bytes: Uint8Array, first: boolean): string | Error {
  let body = bytes;
  if (first && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) body = bytes.subarray(3);
  if (body[body.length - 1] === 13) body = body.subarray(0, body.length - 1);
  try {
    return utf8.decode(body);
  } catch {
    const offset = firstInvalidUtf8(body);
    return new Error(`invalid UTF-8 (byte 0x${(body[offset] ?? 0).toString(16).toUpperCase()} at column ${offset + 1})`);
  }
}

/** Reads JSONL from a byte stream (a file or stdin). Blank lines are skipped but counted. */
export async function* readJsonl(chunks: AsyncIterable<Uint8Array | string>, path: string): AsyncGenerator<InputResult> {
  let lineNumber = 0;
  for await (const bytes of splitLines(chunks)) {
    lineNumber++;
    const line = bytes instanceof Error ? bytes : decodeLine(bytes, lineNumber === 1);
    if (line instanceof Error) yield failure(path, line.message, lineNumber);
    else if (/\S/.test(line)) yield parseJsonlLine(line, lineNumber, path);
  }
}

/** Reads JSONL already decoded to a string (a UTF-16 file, which cannot be split on bytes). */
export function* readJsonlText(text: string, path: string): Generator<InputResult> {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/\S/.test(line)) yield parseJsonlLine(line.replace(/\r$/, ''), i + 1, path);
  }
}
