/**
 * Ingest: read inputs, analyse what is new, write in batches (one transaction per batch, so a crash
 * never leaves half a document). Unchanged documents are recognised by id and content hash before
 * any analysis, so re-ingesting a corpus costs reading and hashing only.
 */
import type { AnalysedDocument, Document, SourceRecord, Warning } from '../model/document.js';
import { analyse } from '../nlp/pipeline.js';
import type { Store } from '../store/store.js';
import { linkPending } from '../link/update.js';
import { toDocument } from './document.js';
import { readInputs } from './inputs.js';

export interface InputFailure {
  path: string;
  line?: number;
  reason: string;
}

export interface InputWarning {
  path: string;
  code: string;
  message: string;
}

export interface IngestReport {
  added: number;
  updated: number;
  unchanged: number;
  failed: InputFailure[];
  warnings: InputWarning[];
  seconds: number;
}

export interface IngestOptions {
  batchSize?: number;
  stdin?: NodeJS.ReadableStream;
  /** Called after every batch and every failure with running totals. */
  onProgress?: (done: number, errors: number) => void;
  /** Analyses a batch; the default runs the pipeline in this thread. */
  analyseBatch?: (docs: Document[]) => Promise<AnalysedDocument[]>;
}

const DEFAULT_BATCH = 64;

export async function ingest(paths: string[], store: Store, options: IngestOptions = {}): Promise<IngestReport> {
  const started = performance.now();
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const analyseBatch = options.analyseBatch ?? ((docs: Document[]) => Promise.resolve(docs.map((d) => analyse(d))));
  const report: IngestReport = { added: 0, updated: 0, unchanged: 0, failed: [], warnings: [], seconds: 0 };
  let batch: Array<{ doc: Document; record: SourceRecord }> = [];
  const done = (): number => report.added + report.updated + report.unchanged;

  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    // The same document twice in one batch is written once.
    const byId = new Map<string, { doc: Document; record: SourceRecord }>();
    for (const item of current) {
      if (byId.has(item.doc.id) && byId.get(item.doc.id)?.doc.contentHash === item.doc.contentHash) report.unchanged++;
      else byId.set(item.doc.id, item);
    }
    const items = [...byId.values()];
    const same = await store.findUnchanged(items.map(({ doc }) => ({ id: doc.id, contentHash: doc.contentHash })));
    const fresh = items.filter(({ doc }) => !same.has(doc.id));
    report.unchanged += items.length - fresh.length;
    const analysed = await analyseBatch(fresh.map(({ doc }) => doc));
    analysed.forEach((a, i) => {
      const record = fresh[i]?.record;
      if (record?.warnings) a.warnings.unshift(...record.warnings);
      for (const w of a.warnings) if (isReportable(w)) report.warnings.push(toInputWarning(a.doc, w));
    });
    for (const result of await store.putDocuments(analysed)) {
      if (result.status === 'added') report.added++;
      else if (result.status === 'updated') report.updated++;
      else report.unchanged++;
    }
    // Also finishes the linking of documents an interrupted run wrote but did not link.
    await linkPending(store, { cache: new Map(analysed.map((a) => [a.doc.id, a])) });
    options.onProgress?.(done(), report.failed.length);
  };

  for await (const input of readInputs(paths, options.stdin ? { stdin: options.stdin } : {})) {
    if (!input.ok) {
      const failure: InputFailure = { path: input.path, reason: input.reason };
      if (input.line !== undefined) failure.line = input.line;
      report.failed.push(failure);
      options.onProgress?.(done(), report.failed.length);
      continue;
    }
    batch.push({ doc: toDocument(input.record), record: input.record });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  await linkPending(store);
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

/** Reader and language warnings are the user's business; a stage's internal doubts are stored, not shouted. */
function isReportable(w: Warning): boolean {
  return w.stage === 'ingest' || w.stage === 'language';
}

function toInputWarning(doc: Document, w: Warning): InputWarning {
  return { path: doc.path ?? doc.id, code: w.code, message: w.message };
}
