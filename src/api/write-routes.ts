/**
 * POST /api/documents: a record or a file in, through the pipeline, into the store. Guarded by the
 * token (when the server has one), a same-origin check and a body size limit, in that order, so a
 * refused request is refused before its body is read.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { every } from 'hono/combine';
import { toDocument } from '../ingest/document.js';
import type { AnalysedDocument, SourceRecord } from '../model/document.js';
import { analyse } from '../nlp/pipeline.js';
import type { PutResult, Store } from '../store/store.js';
import { badRequest, payloadTooLarge } from './errors.js';
import { requireToken, sameOriginWrites } from './security.js';
import type { IngestResponse } from './types.js';
import { readUpload } from './upload.js';

/** Analyses and stores records; results in input order. Replaceable, e.g. to re-link events after a write. */
export type IngestDocuments = (records: readonly SourceRecord[], store: Store) => Promise<PutResult[]>;

/** The default: like `rashomon ingest`, documents already stored with the same content are not analysed again. */
export const ingestWithPipeline: IngestDocuments = async (records, store) => {
  const docs = records.map((record) => ({ record, doc: toDocument(record) }));
  const same = await store.findUnchanged(docs.map(({ doc }) => ({ id: doc.id, contentHash: doc.contentHash })));
  const fresh: AnalysedDocument[] = [];
  for (const { record, doc } of docs) {
    if (same.has(doc.id)) continue;
    const a = analyse(doc);
    if (record.warnings) a.warnings.unshift(...record.warnings);
    fresh.push(a);
  }
  const written = new Map((await store.putDocuments(fresh)).map((r) => [r.id, r]));
  return docs.map(({ doc }) => written.get(doc.id) ?? { id: doc.id, status: 'unchanged' });
};

export interface WriteDeps {
  store: Store;
  token: string | undefined;
  maxBodyBytes: number;
  ingestDocuments: IngestDocuments;
  /** Called after a write that changed something. */
  onWrite: () => void;
}

export function writeRoutes(deps: WriteDeps): Hono {
  const api = new Hono();
  const guards: MiddlewareHandler[] = [];
  if (deps.token !== undefined) guards.push(requireToken(deps.token));
  guards.push(
    sameOriginWrites(),
    bodyLimit({
      maxSize: deps.maxBodyBytes,
      onError: () => {
        throw payloadTooLarge(deps.maxBodyBytes);
      },
    }),
  );

  api.post('/documents', every(...guards), async (c) => {
    const { records, failed } = await readUpload(c);
    if (records.length === 0) {
      const reasons = failed.map((f) => `${f.path}${f.line === undefined ? '' : `:${f.line}`}: ${f.reason}`);
      throw badRequest(`no document could be read: ${reasons.slice(0, 5).join('; ') || 'empty input'}`);
    }
    const results = await deps.ingestDocuments(records, deps.store);
    if (results.some((r) => r.status !== 'unchanged')) deps.onWrite();
    const body: IngestResponse = {
      documents: results.map((r, i) => ({
        id: r.id,
        status: r.status,
        title: records[i]?.title ?? null,
        path: records[i]?.path ?? null,
      })),
      failed,
    };
    return c.json(body, results.some((r) => r.status === 'added') ? 201 : 200);
  });

  return api;
}
