/**
 * Between an analysed document and table rows, engine-neutral. Findings go in as their span plus
 * the rest as JSON; coming back, the JSON is validated (stored JSON is a boundary) and typed.
 */
import { z } from 'zod';
import type { AnalysedDocument, Document, Warning } from '../model/document.js';
import type {
  AttributionFinding,
  EntityFinding,
  EventFinding,
  Mention,
  Sentence,
  TimeExpression,
} from '../model/findings.js';
import { StoreError } from './errors.js';
import type { DocumentSummary, StoredDocument, StoredFindingKind } from './store.js';

export interface DocumentRow {
  id: string;
  content_hash: string;
  title: string | null;
  date: string | null;
  publisher: string | null;
  source: string | null;
  url: string | null;
  byline: string | null;
  lang: string | null;
  path: string | null;
  text: string;
  text_length: number;
  body_start: number;
  analysed: 0 | 1;
  sentence_count: number;
  ingested_at: string;
  updated_at: string;
}

export type SummaryRow = Omit<DocumentRow, 'text' | 'body_start'>;

export interface SentenceRow {
  doc_id: string;
  idx: number;
  span_start: number;
  span_end: number;
  paragraph: number;
  first_token: number;
  last_token: number;
  text: string;
}

export interface FindingRow {
  doc_id: string;
  kind: StoredFindingKind;
  idx: number;
  span_start: number;
  span_end: number;
  data: string;
}

export interface WarningRow {
  doc_id: string;
  idx: number;
  code: string;
  stage: string;
  message: string;
  span_start: number | null;
  span_end: number | null;
}

export interface DocumentRows {
  document: DocumentRow;
  sentences: SentenceRow[];
  findings: FindingRow[];
  warnings: WarningRow[];
}

type StoredFinding = TimeExpression | Mention | EntityFinding | AttributionFinding | EventFinding;

/** Rows for one analysed document; throws a StoreError naming the document for any span out of its text. */
export function encodeDocument(a: AnalysedDocument, timestamps: { ingestedAt: string; updatedAt: string }): DocumentRows {
  const { doc } = a;
  const check = spanChecker(doc);
  check(doc.bodyStart, doc.bodyStart, 'the body start');
  const sentences = a.sentences.map((s, idx): SentenceRow => {
    check(s.start, s.end, `sentence ${idx}`);
    return {
      doc_id: doc.id,
      idx,
      span_start: s.start,
      span_end: s.end,
      paragraph: s.paragraph,
      first_token: s.firstToken,
      last_token: s.lastToken,
      text: doc.text.slice(s.start, s.end),
    };
  });
  const lists: Array<[StoredFindingKind, readonly StoredFinding[]]> = [
    ['time', a.times],
    ['mention', a.mentions],
    ['entity', a.entities],
    ['attribution', a.attributions],
    ['event', a.events],
  ];
  const findings: FindingRow[] = [];
  for (const [kind, list] of lists) {
    list.forEach((finding, idx) => {
      const { kind: own, start, end, ...rest } = finding;
      if (own !== kind) throw new StoreError('putDocuments', `a '${own}' finding is in the ${kind} list`, { docId: doc.id, kind, idx });
      check(start, end, `${kind} ${idx}`);
      findings.push({ doc_id: doc.id, kind, idx, span_start: start, span_end: end, data: JSON.stringify(rest) });
    });
  }
  const warnings = a.warnings.map((w, idx): WarningRow => {
    if (w.start !== undefined || w.end !== undefined) check(w.start ?? -1, w.end ?? -1, `warning ${idx} (${w.code})`);
    return {
      doc_id: doc.id,
      idx,
      code: w.code,
      stage: w.stage,
      message: w.message,
      span_start: w.start ?? null,
      span_end: w.end ?? null,
    };
  });
  return {
    document: {
      id: doc.id,
      content_hash: doc.contentHash,
      title: doc.title,
      date: doc.date,
      publisher: doc.publisher,
      source: doc.source,
      url: doc.url,
      byline: doc.byline,
      lang: doc.lang,
      path: doc.path,
      text: doc.text,
      text_length: doc.text.length,
      body_start: doc.bodyStart,
      analysed: a.analysed ? 1 : 0,
      sentence_count: sentences.length,
      ingested_at: timestamps.ingestedAt,
      updated_at: timestamps.updatedAt,
    },
    sentences,
    findings,
    warnings,
  };
}

/** No span, no finding: and a span must lie inside its document's text. */
function spanChecker(doc: Document): (start: number, end: number, what: string) => void {
  const length = doc.text.length;
  return (start, end, what) => {
    if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= length) return;
    throw new StoreError('putDocuments', `${what} of document ${doc.id} has span [${start}, ${end}) outside its text of length ${length}`, {
      docId: doc.id,
      what,
      start,
      end,
    });
  };
}

export function decodeDocument(rows: {
  document: DocumentRow;
  sentences: SentenceRow[];
  findings: FindingRow[];
  warnings: WarningRow[];
}): StoredDocument {
  const d = rows.document;
  const stored: StoredDocument = {
    doc: {
      id: d.id,
      contentHash: d.content_hash,
      title: d.title,
      date: d.date,
      publisher: d.publisher,
      source: d.source,
      url: d.url,
      byline: d.byline,
      lang: d.lang,
      path: d.path,
      text: d.text,
      bodyStart: d.body_start,
    },
    analysed: d.analysed === 1,
    sentences: rows.sentences.map(decodeSentence),
    times: [],
    mentions: [],
    entities: [],
    attributions: [],
    events: [],
    warnings: rows.warnings.map(decodeWarning),
    ingestedAt: d.ingested_at,
    updatedAt: d.updated_at,
  };
  // Rows come ordered by (kind, idx), so each list keeps the pipeline's order.
  for (const row of rows.findings) {
    const span = { start: row.span_start, end: row.span_end };
    switch (row.kind) {
      case 'time':
        stored.times.push({ kind: 'time', ...span, ...read(timeData, row) } satisfies TimeExpression);
        break;
      case 'mention':
        stored.mentions.push({ kind: 'mention', ...span, ...read(mentionData, row) } satisfies Mention);
        break;
      case 'entity':
        stored.entities.push({ kind: 'entity', ...span, ...read(entityData, row) } satisfies EntityFinding);
        break;
      case 'attribution':
        stored.attributions.push({ kind: 'attribution', ...span, ...read(attributionData, row) } satisfies AttributionFinding);
        break;
      case 'event':
        stored.events.push({ kind: 'event', ...span, ...read(eventData, row) } satisfies EventFinding);
        break;
      default:
        throw new StoreError('getDocument', `unknown finding kind '${String(row.kind)}'`, { docId: row.doc_id, idx: row.idx });
    }
  }
  return stored;
}

function read<T>(schema: z.ZodType<T>, row: FindingRow): T {
  const where = { docId: row.doc_id, kind: row.kind, idx: row.idx };
  let json: unknown;
  try {
    json = JSON.parse(row.data);
  } catch (cause) {
    throw new StoreError('getDocument', `${row.kind} ${row.idx} of document ${row.doc_id} is not valid JSON`, where, cause);
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const reason = z.prettifyError(result.error);
    throw new StoreError('getDocument', `${row.kind} ${row.idx} of document ${row.doc_id} is not a stored ${row.kind}: ${reason}`, where, result.error);
  }
  return result.data;
}

function decodeSentence(r: SentenceRow): Sentence {
  return {
    kind: 'sentence',
    start: r.span_start,
    end: r.span_end,
    firstToken: r.first_token,
    lastToken: r.last_token,
    paragraph: r.paragraph,
  };
}

function decodeWarning(r: WarningRow): Warning {
  const w: Warning = { code: r.code, stage: r.stage, message: r.message };
  if (r.span_start !== null) w.start = r.span_start;
  if (r.span_end !== null) w.end = r.span_end;
  return w;
}

export function decodeSummary(r: SummaryRow): DocumentSummary {
  return {
    id: r.id,
    contentHash: r.content_hash,
    title: r.title,
    date: r.date,
    publisher: r.publisher,
    source: r.source,
    url: r.url,
    byline: r.byline,
    lang: r.lang,
    path: r.path,
    analysed: r.analysed === 1,
    textLength: r.text_length,
    sentenceCount: r.sentence_count,
    ingestedAt: r.ingested_at,
    updatedAt: r.updated_at,
  };
}

// The stored JSON of each finding kind: the finding without kind and span. The `satisfies` checks
// above fail to compile when the model gains a field these schemas do not read back.
const offsets = z.object({ start: z.number().int(), end: z.number().int() });
const dateValue = z.object({ start: z.string(), end: z.string(), precision: z.enum(['day', 'month', 'year']) });
const entityType = z.enum(['person', 'organization', 'place', 'group']);
const segment = z.object({ spans: z.array(z.tuple([z.number().int(), z.number().int()])), text: z.string() });

const timeData = z.object({ text: z.string(), value: dateValue, explicitYear: z.boolean() });
const mentionData = z.object({
  text: z.string(),
  type: entityType,
  entity: z.string(),
  form: z.enum(['name', 'pronoun', 'description']),
});
const entityData = z.object({
  key: z.string(),
  name: z.string(),
  type: entityType,
  aliases: z.array(z.string()),
  roles: z.array(z.string()),
  affiliations: z.array(z.string()),
  mentions: z.array(offsets),
});
const attributionData = z.object({
  source: segment.nullable(),
  cue: segment,
  content: segment,
  speaker: z.string().nullable(),
  via: z.string().nullable(),
  mode: z.enum(['direct', 'indirect', 'mixed']),
  stance: z.enum(['neutral', 'distancing', 'endorsing']),
  negated: z.boolean(),
});
const eventData = z.object({
  key: z.string(),
  type: z.string(),
  label: z.string(),
  trigger: z.array(offsets),
  participants: z.array(z.string()),
  place: z.string().nullable(),
  date: dateValue.nullable(),
  mentions: z.array(offsets),
});
