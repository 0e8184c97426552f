/**
 * The body of POST /api/documents, turned into source records: a JSON record (the fields of a JSONL
 * line), or an uploaded file read by the same readers as `rashomon ingest` (sniffed by content: text,
 * HTML, JSONL, RSS/Atom). Anything else is a 415.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import type { Context } from 'hono';
import { z } from 'zod';
import { readFileInputs } from '../ingest/inputs.js';
import type { SourceRecord } from '../model/document.js';
import { badRequest, unsupportedMediaType } from './errors.js';
import { documentRecord, isoDate, validate } from './schemas.js';

export interface UploadFailure {
  path: string;
  line?: number;
  reason: string;
}

export interface UploadedRecords {
  records: SourceRecord[];
  failed: UploadFailure[];
}

/** Extensions that steer the readers when content alone does not decide; others are dropped. */
const KNOWN_EXTENSIONS = new Set(['.txt', '.text', '.md', '.html', '.htm', '.xhtml', '.jsonl', '.ndjson', '.rss', '.atom', '.xml']);

const uploadFields = z.strictObject({
  file: z.instanceof(File, { message: 'expected an uploaded file in the field "file"' }),
  /** Fill in what the file does not say (a readout's `source`, say); a value in the file wins. */
  source: z.string().min(1).max(300).optional(),
  publisher: z.string().min(1).max(300).optional(),
  title: z.string().min(1).max(1000).optional(),
  date: isoDate.optional(),
});

export async function readUpload(c: Context): Promise<UploadedRecords> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json') return { records: [await jsonRecord(c)], failed: [] };
  if (type === 'multipart/form-data') return fileRecords(c);
  throw unsupportedMediaType(
    `expected Content-Type application/json (a record) or multipart/form-data (a file), got ${type || 'none'}`,
  );
}

async function jsonRecord(c: Context): Promise<SourceRecord> {
  let value: unknown;
  try {
    value = JSON.parse(await c.req.text());
  } catch (cause) {
    throw badRequest(`body is not valid JSON: ${(cause as Error).message}`, cause);
  }
  const input = validate(documentRecord, value, 'document record');
  const record: SourceRecord = { text: input.text };
  for (const key of ['id', 'title', 'date', 'publisher', 'source', 'url'] as const) {
    const v = input[key];
    if (v !== undefined && (key === 'id' || v.trim() !== '')) record[key] = key === 'id' ? v : v.trim();
  }
  return record;
}

async function fileRecords(c: Context): Promise<UploadedRecords> {
  let body: Record<string, unknown>;
  try {
    body = await c.req.parseBody();
  } catch (cause) {
    throw badRequest(`malformed multipart body: ${(cause as Error).message}`, cause);
  }
  const fields = validate(uploadFields, body, 'upload');
  const name = safeName(fields.file.name);
  const dir = await mkdtemp(join(tmpdir(), 'rashomon-upload-'));
  try {
    const ext = extname(name).toLowerCase();
    const path = join(dir, `upload${KNOWN_EXTENSIONS.has(ext) ? ext : ''}`);
    await writeFile(path, Buffer.from(await fields.file.arrayBuffer()));
    const shown = `upload:${name}`;
    const records: SourceRecord[] = [];
    const failed: UploadFailure[] = [];
    for await (const result of readFileInputs(path)) {
      if (!result.ok) {
        failed.push(result.line === undefined ? { path: shown, reason: result.reason } : { path: shown, line: result.line, reason: result.reason });
        continue;
      }
      const record: SourceRecord = { ...result.record, path: (result.record.path ?? path).replace(path, shown) };
      for (const key of ['source', 'publisher', 'title', 'date'] as const) {
        const v = fields[key];
        if (v !== undefined && record[key] === undefined) record[key] = v;
      }
      records.push(record);
    }
    return { records, failed };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The uploaded file's own name, without any directory part or control characters. */
function safeName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200);
  return base === '' || base === '.' || base === '..' ? 'file' : base;
}
