/**
 * Ingest: read inputs, analyse what is new, write in batches (one transaction per batch, so a crash
 * never leaves half a document), then link. Unchanged documents are recognised by id and content
 * hash before any analysis, so re-ingesting a corpus costs reading and hashing only.
 *
 * Reading, analysis and writing overlap: batches go to analysis workers (workers.ts) as they are
 * read, and this thread, the one writer, writes and links them strictly in input order. At most a
 * few batches per worker are in flight; reading waits while they are, so memory does not grow
 * with the corpus. Because the writer sees the same batches in the same order whatever the number
 * of workers, the store comes out the same.
 */
import type { AnalysedDocument, Document, SourceRecord, Warning } from '../model/document.js';
import type { Store } from '../store/store.js';
import { linkPending } from '../link/update.js';
import { toDocument } from './document.js';
import { readInputs } from './inputs.js';
import { AnalysisCache } from './worker-transfer.js';
import { type Analyser, type AnalysisOutcome, WorkerPool, defaultWorkers, inThreadAnalyser } from './workers.js';

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
  /** The first failures (up to `maxListed`); `failedCount` counts them all. */
  failed: InputFailure[];
  /** The first warnings (up to `maxListed`); `warningCount` counts them all. */
  warnings: InputWarning[];
  failedCount: number;
  warningCount: number;
  /** Analysis threads used; 0 when analysis ran in the writer's thread. */
  workers: number;
  seconds: number;
  /** Of `seconds`, the time spent linking documents across the store. */
  linkSeconds: number;
}

export interface IngestOptions {
  batchSize?: number;
  stdin?: NodeJS.ReadableStream;
  /** Called after every batch and every failure with running totals. */
  onProgress?: (done: number, errors: number) => void;
  /**
   * Analysis threads: 1 analyses in this thread, N > 1 in a pool of N workers. 'auto' (default):
   * this thread for fewer than AUTO_MIN_DOCUMENTS documents, else `defaultWorkers()`.
   */
  workers?: number | 'auto';
  /** Memory for analyses kept for linking (default 128 MB). */
  cacheBytes?: number;
  /** Failures and warnings listed in the report; the rest are only counted (default 1000). */
  maxListed?: number;
}

const DEFAULT_BATCH = 64;
const DEFAULT_CACHE_BYTES = 128 * 1024 * 1024;
const DEFAULT_MAX_LISTED = 1000;
/** Starting workers (loading the model in each) costs more than analysing a few dozen documents. */
export const AUTO_MIN_DOCUMENTS = 50;

interface Item {
  doc: Document;
  record: SourceRecord;
}

interface PendingBatch {
  items: Item[];
  outcomes: Promise<AnalysisOutcome[]>;
}

export async function ingest(paths: string[], store: Store, options: IngestOptions = {}): Promise<IngestReport> {
  const run = new IngestRun(store, options);
  try {
    let batch: Item[] = [];
    for await (const input of readInputs(paths, options.stdin ? { stdin: options.stdin } : {})) {
      if (!input.ok) {
        run.fail(input.line === undefined ? { path: input.path, reason: input.reason } : { path: input.path, line: input.line, reason: input.reason });
        continue;
      }
      batch.push({ doc: toDocument(input.record), record: input.record });
      if (batch.length >= run.batchSize) {
        await run.submit(batch, false);
        batch = [];
      }
    }
    await run.submit(batch, true);
    return await run.finish();
  } finally {
    await run.close();
  }
}

class IngestRun {
  readonly batchSize: number;
  readonly report: IngestReport = {
    added: 0,
    updated: 0,
    unchanged: 0,
    failed: [],
    warnings: [],
    failedCount: 0,
    warningCount: 0,
    workers: 0,
    seconds: 0,
    linkSeconds: 0,
  };
  private readonly started = performance.now();
  private readonly cache: AnalysisCache;
  private readonly maxListed: number;
  private analyser: Analyser | null = null;
  /** Batches read before the number of workers is decided ('auto'). */
  private held: Item[][] = [];
  private heldDocuments = 0;
  private readonly pending: PendingBatch[] = [];

  constructor(
    private readonly store: Store,
    private readonly options: IngestOptions,
  ) {
    this.batchSize = options.batchSize ?? DEFAULT_BATCH;
    this.cache = new AnalysisCache(options.cacheBytes ?? DEFAULT_CACHE_BYTES);
    this.maxListed = options.maxListed ?? DEFAULT_MAX_LISTED;
  }

  fail(failure: InputFailure): void {
    this.report.failedCount++;
    if (this.report.failed.length < this.maxListed) this.report.failed.push(failure);
    this.progress();
  }

  private warn(warning: InputWarning): void {
    this.report.warningCount++;
    if (this.report.warnings.length < this.maxListed) this.report.warnings.push(warning);
  }

  private progress(): void {
    const r = this.report;
    this.options.onProgress?.(r.added + r.updated + r.unchanged, r.failedCount);
  }

  /** Queues a batch for analysis; waits while too many are in flight. `last` ends the input. */
  async submit(items: Item[], last: boolean): Promise<void> {
    if (!this.analyser) {
      if (items.length > 0) this.held.push(items);
      this.heldDocuments += items.length;
      const auto = (this.options.workers ?? 'auto') === 'auto';
      if (auto && !last && this.heldDocuments < AUTO_MIN_DOCUMENTS) return;
      this.analyser = this.startAnalyser();
      this.report.workers = this.analyser.threads;
      const held = this.held;
      this.held = [];
      for (const batch of held) await this.enqueue(batch);
      return;
    }
    if (items.length > 0) await this.enqueue(items);
  }

  private startAnalyser(): Analyser {
    const asked = this.options.workers ?? 'auto';
    const workers = asked === 'auto' ? (this.heldDocuments < AUTO_MIN_DOCUMENTS ? 1 : defaultWorkers()) : asked;
    return workers > 1 ? new WorkerPool(workers) : inThreadAnalyser();
  }

  private async enqueue(items: Item[]): Promise<void> {
    const fresh = await this.freshItems(items);
    const analyser = this.analyser as Analyser;
    const outcomes = analyser.analyse(fresh.map((item) => item.doc));
    // Awaited in order by writeNext; if the run stops first, a failed pool must not crash the process.
    outcomes.catch(() => undefined);
    this.pending.push({ items: fresh, outcomes });
    // Each worker is kept `depth` (2) batches ahead, plus the one the writer waits for.
    const inFlight = analyser.threads === 0 ? 0 : analyser.threads * 2 + 1;
    while (this.pending.length > inFlight) await this.writeNext();
  }

  /** Drops what needs no analysis: repeats within the batch and documents stored with this content. */
  private async freshItems(items: Item[]): Promise<Item[]> {
    const byId = new Map<string, Item>();
    for (const item of items) {
      if (byId.get(item.doc.id)?.doc.contentHash === item.doc.contentHash) this.report.unchanged++;
      else byId.set(item.doc.id, item);
    }
    const unique = [...byId.values()];
    const same = await this.store.findUnchanged(unique.map(({ doc }) => ({ id: doc.id, contentHash: doc.contentHash })));
    this.report.unchanged += same.size;
    return unique.filter(({ doc }) => !same.has(doc.id));
  }

  /** Writes and links the oldest batch in flight once its analyses are back. */
  private async writeNext(): Promise<void> {
    const batch = this.pending.shift();
    if (!batch) return;
    const outcomes = await batch.outcomes;
    const analysed: AnalysedDocument[] = [];
    batch.items.forEach(({ doc, record }, i) => {
      const outcome = outcomes[i] ?? { ok: false, reason: 'no analysis came back' };
      if (!outcome.ok) {
        this.fail({ path: doc.path ?? doc.id, reason: `analysis failed: ${outcome.reason}` });
        return;
      }
      const a = outcome.analysis;
      if (record.warnings) a.warnings.unshift(...record.warnings);
      for (const w of a.warnings) if (isReportable(w)) this.warn(toInputWarning(a.doc, w));
      if (outcome.bytes) this.cache.putBytes(a.doc.id, outcome.bytes);
      else this.cache.putAnalysis(a);
      analysed.push(a);
    });
    await this.put(analysed);
    const linkStarted = performance.now();
    // Also finishes the linking of documents an interrupted run wrote but did not link.
    await linkPending(this.store, { cache: this.cache });
    this.report.linkSeconds += (performance.now() - linkStarted) / 1000;
    this.progress();
  }

  /**
   * One transaction for the batch. If it fails, each document is tried alone so one bad document
   * is reported and the rest are kept; when every one fails, the store is at fault and it throws.
   */
  private async put(analysed: AnalysedDocument[]): Promise<void> {
    if (analysed.length === 0) return;
    try {
      this.count(await this.store.putDocuments(analysed));
      return;
    } catch (error) {
      if (analysed.length === 1) throw error;
      const failures: Array<{ a: AnalysedDocument; error: unknown }> = [];
      for (const a of analysed) {
        try {
          this.count(await this.store.putDocuments([a]));
        } catch (one) {
          failures.push({ a, error: one });
        }
      }
      if (failures.length === analysed.length) throw error;
      for (const { a, error: one } of failures) {
        this.fail({ path: a.doc.path ?? a.doc.id, reason: `could not be stored: ${(one as Error).message}` });
      }
    }
  }

  private count(results: ReadonlyArray<{ status: string }>): void {
    for (const result of results) {
      if (result.status === 'added') this.report.added++;
      else if (result.status === 'updated') this.report.updated++;
      else this.report.unchanged++;
    }
  }

  async finish(): Promise<IngestReport> {
    while (this.pending.length > 0) await this.writeNext();
    const linkStarted = performance.now();
    await linkPending(this.store, { cache: this.cache });
    this.report.linkSeconds += (performance.now() - linkStarted) / 1000;
    this.report.seconds = (performance.now() - this.started) / 1000;
    return this.report;
  }

  async close(): Promise<void> {
    await this.analyser?.close();
  }
}

/** Reader and language warnings are the user's business; a stage's internal doubts are stored, not shouted. */
function isReportable(w: Warning): boolean {
  return w.stage === 'ingest' || w.stage === 'language';
}

function toInputWarning(doc: Document, w: Warning): InputWarning {
  return { path: doc.path ?? doc.id, code: w.code, message: w.message };
}
