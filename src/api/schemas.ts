/**
 * Every query parameter and request body the API accepts, as zod schemas: validated once at the
 * edge, and the same schemas describe the parameters in the OpenAPI document.
 */
import { z } from 'zod';
import { EXPORT_FORMATS } from '../export/index.js';
import { badRequest, describeIssues } from './errors.js';

export const MAX_PAGE = 200;
const MAX_QUERY = 500;
const MAX_ID = 512;

/** A real calendar day: 2023-02-30 is refused, not rolled over. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a calendar date');

const text = (description: string) => z.string().min(1).max(MAX_QUERY).describe(description);
const limit = z.coerce.number().int().min(1).max(MAX_PAGE).default(50).describe(`page size, 1 to ${MAX_PAGE}`);
const offset = z.coerce.number().int().min(0).max(1_000_000_000).default(0).describe('rows to skip');
const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .describe('true or false');

export const idParam = z.string().min(1).max(MAX_ID);

function checkRange<T extends { from?: string | undefined; to?: string | undefined }>(q: T, ctx: z.RefinementCtx): void {
  if (q.from !== undefined && q.to !== undefined && q.from > q.to) {
    ctx.addIssue({ code: 'custom', path: ['from'], message: `from (${q.from}) is after to (${q.to})` });
  }
}

export const documentsQuery = z
  .strictObject({
    publisher: text('exact publisher').optional(),
    source: text('exact account source').optional(),
    from: isoDate.describe('publication date on or after, YYYY-MM-DD').optional(),
    to: isoDate.describe('publication date on or before, YYYY-MM-DD').optional(),
    q: text('words that must all occur in the document ("quoted phrase", prefix*)').optional(),
    limit,
    offset,
  })
  .superRefine(checkRange);

export const eventsQuery = z
  .strictObject({
    entity: idParam.describe('global entity id that must be a participant').optional(),
    type: text('event type, e.g. call, meeting').optional(),
    from: isoDate.describe("the event's dates overlap from..to").optional(),
    to: isoDate.describe("the event's dates overlap from..to").optional(),
    has_conflict: flag.optional(),
    q: text('words in the label or a participant name').optional(),
    limit,
    offset,
  })
  .superRefine(checkRange);

export const ENTITY_TYPES = ['person', 'organization', 'place', 'group'] as const;

export const entitiesQuery = z.strictObject({
  type: z.enum(ENTITY_TYPES).optional(),
  q: text('words in the name or an alias').optional(),
  limit,
  offset,
});

export const searchQuery = z.strictObject({
  q: text('words to find in sentences ("quoted phrase", prefix*)'),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(20).describe(`hits, 1 to ${MAX_PAGE}`),
  offset,
});

export const TIMELINE_MAX = 200;

export const timelineQuery = z
  .strictObject({
    entity: idParam.describe('global entity id that must be a participant').optional(),
    type: text('event type').optional(),
    from: isoDate.describe("the event's dates overlap from..to").optional(),
    to: isoDate.describe("the event's dates overlap from..to").optional(),
    has_conflict: flag.optional(),
    q: text('words in the label or a participant name').optional(),
    limit: z.coerce.number().int().min(1).max(TIMELINE_MAX).default(100).describe(`events, 1 to ${TIMELINE_MAX}`),
  })
  .superRefine(checkRange);

export const exportQuery = z.strictObject({
  format: z.enum(EXPORT_FORMATS).describe('jsonl: one event per line; csv: one row per point and evidence; md: report'),
  event: idParam.describe('only this event').optional(),
});

const optionalMeta = (max: number) => z.string().max(max).optional();

/** The JSON body of POST /api/documents: one record, as a JSONL line would give it. */
export const documentRecord = z.strictObject({
  text: z.string().refine((t) => /\S/.test(t), 'must not be empty'),
  id: z.string().min(1).max(MAX_ID).optional(),
  title: optionalMeta(1000),
  date: isoDate.optional(),
  publisher: optionalMeta(300),
  source: optionalMeta(300),
  url: z
    .string()
    .max(2048)
    .refine((u) => URL.canParse(u), 'not a URL')
    .optional(),
});

export type DocumentRecordInput = z.infer<typeof documentRecord>;

/** Parses `value` or throws a 400 naming every problem. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw badRequest(`invalid ${what}: ${describeIssues(result.error)}`, result.error);
  return result.data;
}

/** Copies only the keys whose value is defined (the store's queries use exactOptionalPropertyTypes). */
export function defined<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
