/**
 * The OpenAPI 3.1 document served at /api/openapi.json. Query parameters are generated from the same
 * zod schemas the routes validate with, so the description cannot drift from what is accepted;
 * response shapes are written out here.
 */
import { z } from 'zod';
import { EXPORT_MEDIA_TYPES } from '../export/index.js';
import {
  ENTITY_TYPES,
  documentRecord,
  documentsQuery,
  entitiesQuery,
  eventsQuery,
  exportQuery,
  searchQuery,
  timelineQuery,
} from './schemas.js';

type Json = Record<string, unknown>;

function queryParameters(schema: z.ZodObject): Json[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const type = field as z.ZodType;
    const json = z.toJSONSchema(type, { io: 'input', unrepresentable: 'any' }) as Json;
    delete json.$schema;
    const description = typeof json.description === 'string' ? json.description : undefined;
    delete json.description;
    return {
      name,
      in: 'query',
      required: !type.safeParse(undefined).success,
      ...(description ? { description } : {}),
      schema: json,
    };
  });
}

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json, description: string): Json => ({ description, content: { 'application/json': { schema } } });
const idPath = (what: string): Json => ({
  name: 'id',
  in: 'path',
  required: true,
  description: `${what} id (URL-encoded)`,
  schema: { type: 'string', minLength: 1, maxLength: 512 },
});
const errors = (...statuses: number[]): Record<string, Json> =>
  Object.fromEntries(statuses.map((s) => [String(s), json(ref('Error'), ERROR_TEXT[s] ?? 'error')]));

const ERROR_TEXT: Record<number, string> = {
  400: 'invalid parameters or body',
  401: 'a token is required for writes on this server',
  403: 'wrong token, or a cross-origin write',
  404: 'no such id',
  413: 'body larger than the limit',
  415: 'unsupported Content-Type',
};

const str = { type: 'string' };
const nullableStr = { type: ['string', 'null'] };
const int = { type: 'integer', minimum: 0 };
const strings = { type: 'array', items: str };
const spanProps = { start: int, end: int };
const capped = { const: true, description: 'present when counting stopped at a cap: total is then a lower bound' };
const page = (item: string): Json => ({
  type: 'object',
  required: ['total', 'limit', 'offset', 'items'],
  properties: { total: int, totalCapped: capped, limit: int, offset: int, items: { type: 'array', items: ref(item) } },
});
const obj = (properties: Json, required: string[] = Object.keys(properties)): Json => ({ type: 'object', required, properties });

const schemas: Record<string, Json> = {
  Error: obj({ error: obj({ code: { type: 'string', enum: ['bad_request', 'unauthorized', 'forbidden', 'not_found', 'method_not_allowed', 'payload_too_large', 'unsupported_media_type', 'internal'] }, message: str }) }),
  Span: obj(spanProps),
  DateValue: obj({ start: { ...str, format: 'date' }, end: { ...str, format: 'date' }, precision: { type: 'string', enum: ['day', 'month', 'year'] } }),
  Health: obj({ status: { const: 'ok' }, version: str, documents: int, writeToken: { type: 'boolean' } }),
  DocumentSummary: obj({
    id: str, contentHash: str, title: nullableStr, date: nullableStr, publisher: nullableStr, source: nullableStr, url: nullableStr,
    byline: nullableStr, lang: nullableStr, path: nullableStr, analysed: { type: 'boolean' }, textLength: int, sentenceCount: int,
    ingestedAt: str, updatedAt: str,
  }),
  DocumentPage: page('DocumentSummary'),
  StoredDocument: {
    type: 'object',
    description: 'A document with its text and every finding; every finding has start/end UTF-16 offsets into doc.text.',
    required: ['doc', 'analysed', 'sentences', 'times', 'mentions', 'entities', 'attributions', 'events', 'warnings'],
    properties: {
      doc: obj({ id: str, text: str, bodyStart: int, title: nullableStr, date: nullableStr, publisher: nullableStr, source: nullableStr, url: nullableStr }, ['id', 'text']),
      analysed: { type: 'boolean' },
      sentences: { type: 'array', items: obj({ kind: { const: 'sentence' }, ...spanProps, paragraph: int }) },
      times: { type: 'array', items: obj({ kind: { const: 'time' }, ...spanProps, text: str, value: ref('DateValue') }) },
      mentions: { type: 'array', items: obj({ kind: { const: 'mention' }, ...spanProps, text: str, type: { enum: ENTITY_TYPES }, entity: str }) },
      entities: { type: 'array', items: obj({ kind: { const: 'entity' }, ...spanProps, key: str, name: str, type: { enum: ENTITY_TYPES }, aliases: strings, roles: strings, affiliations: strings, mentions: { type: 'array', items: ref('Span') } }) },
      attributions: { type: 'array', items: obj({ kind: { const: 'attribution' }, ...spanProps, source: { oneOf: [ref('Segment'), { type: 'null' }] }, cue: ref('Segment'), content: ref('Segment'), speaker: nullableStr }) },
      events: { type: 'array', items: obj({ kind: { const: 'event' }, ...spanProps, key: str, type: str, label: str }) },
      warnings: { type: 'array', items: obj({ code: str, stage: str, message: str }) },
    },
  },
  Segment: obj({ spans: { type: 'array', items: { type: 'array', items: int, minItems: 2, maxItems: 2 } }, text: str }),
  SearchHit: obj({ docId: str, title: nullableStr, publisher: nullableStr, date: nullableStr, sentenceIndex: int, sentenceStart: int, sentenceEnd: int, snippet: { ...str, description: 'matched terms between U+27E6 and U+27E7' }, matches: { type: 'array', items: ref('Span') }, score: { type: 'number' } }),
  SearchResponse: obj({ query: str, limit: int, offset: int, hits: { type: 'array', items: ref('SearchHit') } }),
  Participant: obj({ id: str, name: str, type: { enum: ENTITY_TYPES } }),
  EntitySummary: obj({ id: str, name: str, type: { enum: ENTITY_TYPES }, aliases: strings, roles: strings, affiliations: strings, documentCount: int, mentionCount: int }),
  EntityPage: page('EntitySummary'),
  EntityDetail: {
    allOf: [
      ref('EntitySummary'),
      obj({
        statements: { type: 'array', items: obj({ document: str, documentTitle: nullableStr, date: nullableStr, ...spanProps, text: str, cue: str, relation: { enum: ['by', 'about'] } }) },
        related: { type: 'array', items: obj({ id: str, name: str, type: { enum: ENTITY_TYPES }, documents: int }) },
        events: { type: 'array', items: obj({ id: str, label: str, date: { oneOf: [ref('DateValue'), { type: 'null' }] } }) },
      }),
    ],
  },
  EventSummary: obj({ id: str, label: str, type: str, date: { oneOf: [ref('DateValue'), { type: 'null' }] }, place: nullableStr, participants: { type: 'array', items: ref('Participant') }, documentCount: int, sourceCount: int, sources: strings, conflictCount: int, pointCount: int }),
  EventPage: page('EventSummary'),
  Evidence: obj({ source: str, document: str, ...spanProps, text: str }),
  Point: obj({ id: str, summary: str, status: { enum: ['shared', 'only', 'conflict'] }, sources: strings, evidence: { type: 'array', items: ref('Evidence') }, reason: nullableStr }),
  Account: obj({ source: str, documents: strings, claims: { type: 'array', items: obj({ id: str, document: str, ...spanProps, text: str, speaker: nullableStr }) } }),
  CompareEvent: obj({ id: str, label: str, type: str, date: { oneOf: [ref('DateValue'), { type: 'null' }] }, place: nullableStr, participants: { type: 'array', items: ref('Participant') }, documents: strings, accounts: { type: 'array', items: ref('Account') }, points: { type: 'array', items: ref('Point') } }),
  CompareDocument: obj({ id: str, title: nullableStr, date: nullableStr, publisher: nullableStr, source: nullableStr, main_event: nullableStr }),
  CompareResult: obj({ documents: { type: 'array', items: ref('CompareDocument') }, events: { type: 'array', items: ref('CompareEvent') } }),
  TimelineResponse: obj(
    {
      total: int,
      totalCapped: capped,
      events: { type: 'array', items: obj({ id: str, label: str, type: str, date: { oneOf: [ref('DateValue'), { type: 'null' }] }, conflictCount: int, sources: { type: 'array', items: obj({ source: str, documents: { type: 'array', items: obj({ id: str, title: nullableStr, date: nullableStr }) } }) } }) },
    },
    ['total', 'events'],
  ),
  IngestResponse: obj({
    documents: { type: 'array', items: obj({ id: str, status: { enum: ['added', 'updated', 'unchanged'] }, title: nullableStr, path: nullableStr }) },
    failed: { type: 'array', items: obj({ path: str, line: int, reason: str }, ['path', 'reason']) },
  }),
  DocumentRecord: withoutMeta(z.toJSONSchema(documentRecord, { io: 'input' }) as Json),
};

function withoutMeta(schema: Json): Json {
  delete schema.$schema;
  return schema;
}

export function openApiDocument(version: string): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Rashomon API',
      version,
      description:
        'Where accounts of the same event diverge: documents, findings with spans, entities, events compared side by side. ' +
        'Errors are {"error": {"code", "message"}}. Offsets are UTF-16 code units into the document text.',
    },
    components: {
      schemas,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'required for writes when the server was started with a token' } },
    },
    paths: {
      '/api/health': { get: { summary: 'Liveness and document count', responses: { 200: json(ref('Health'), 'ok') } } },
      '/api/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1 document' } } } },
      '/api/documents': {
        get: {
          summary: 'List documents, newest first',
          parameters: queryParameters(documentsQuery),
          responses: { 200: json(ref('DocumentPage'), 'a page of documents'), ...errors(400) },
        },
        post: {
          summary: 'Add a document (JSON record) or a file (text, HTML, JSONL, RSS/Atom); runs the pipeline',
          security: [{ bearer: [] }, {}],
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: ref('DocumentRecord') },
              'multipart/form-data': {
                schema: obj({ file: { type: 'string', contentMediaType: 'application/octet-stream' }, source: str, publisher: str, title: str, date: { ...str, format: 'date' } }, ['file']),
              },
            },
          },
          responses: {
            200: json(ref('IngestResponse'), 'nothing new: every document was already stored'),
            201: json(ref('IngestResponse'), 'at least one document added'),
            ...errors(400, 401, 403, 413, 415),
          },
        },
      },
      '/api/documents/{id}': {
        get: {
          summary: 'One document: text and every finding with its span',
          parameters: [idPath('document')],
          responses: { 200: json(ref('StoredDocument'), 'the document'), ...errors(400, 404) },
        },
      },
      '/api/search': {
        get: {
          summary: 'Ranked sentences matching every term, with snippets',
          parameters: queryParameters(searchQuery),
          responses: { 200: json(ref('SearchResponse'), 'hits, best first'), ...errors(400) },
        },
      },
      '/api/entities': {
        get: {
          summary: 'Entities across documents, most mentioned first',
          parameters: queryParameters(entitiesQuery),
          responses: { 200: json(ref('EntityPage'), 'a page of entities'), ...errors(400) },
        },
      },
      '/api/entities/{id}': {
        get: {
          summary: 'One entity: aliases, roles, statements by and about it, related entities, events',
          parameters: [idPath('entity')],
          responses: { 200: json(ref('EntityDetail'), 'the entity'), ...errors(400, 404) },
        },
      },
      '/api/events': {
        get: {
          summary: 'Events across documents, newest first',
          parameters: queryParameters(eventsQuery),
          responses: { 200: json(ref('EventPage'), 'a page of events'), ...errors(400) },
        },
      },
      '/api/events/{id}': {
        get: {
          summary: 'One event in the compare shape: accounts side by side, points, and the documents it names',
          parameters: [idPath('event')],
          responses: { 200: json(ref('CompareResult'), 'documents and the one event'), ...errors(400, 404) },
        },
      },
      '/api/timeline': {
        get: {
          summary: 'Events with, per account source, the dates of the documents in which it spoke',
          parameters: queryParameters(timelineQuery),
          responses: { 200: json(ref('TimelineResponse'), 'events for the time axis'), ...errors(400) },
        },
      },
      '/api/export': {
        get: {
          summary: 'Download events as JSONL (documents when there are no events), CSV or a Markdown report',
          parameters: queryParameters(exportQuery),
          responses: {
            200: {
              description: 'the export, with Content-Disposition: attachment',
              content: Object.fromEntries(Object.values(EXPORT_MEDIA_TYPES).map((t) => [t.split(';')[0], { schema: str }])),
            },
            ...errors(400, 404),
          },
        },
      },
    },
  };
}
