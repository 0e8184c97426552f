/**
 * Analysis off the writer's thread: a pool of worker threads (worker.ts), each loading the pipeline
 * once and analysing the batches it is posted, or the same interface in this thread.
 *
 * Each worker is kept up to `depth` batches ahead, so it goes on working while the writer's thread
 * is busy writing and linking (and not reading worker messages). Results come back per batch, one
 * outcome per document in the batch's order; the caller decides the order batches are written in.
 * A stage that throws fails its document only (the worker catches it). A worker that dies (out of
 * memory on a giant document, a native crash) is replaced and its batches are retried document by
 * document in fresh workers, so only the document that kills a worker again fails.
 *
 * Workers run compiled JavaScript: from the built package (dist/src/ingest/worker.js) they sit
 * next to this file; when this file runs from TypeScript sources (vitest), the built worker in
 * dist/ is used, so tests of parallel ingest need `npm run build` first (`npm test` does it).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AnalysedDocument, Document } from '../model/document.js';
import { analyse } from '../nlp/pipeline.js';
import { packagePath } from '../paths.js';
import { decodeAnalysis } from './worker-transfer.js';

export interface AnalyseRequest {
  job: number;
  docs: Document[];
}

export type WireOutcome = { ok: true; bytes: Uint8Array } | { ok: false; reason: string; stack: string | null };

export interface AnalyseReply {
  job: number;
  outcomes: WireOutcome[];
}

/**
 * One document's analysis, or why there is none. From a worker, `analysis` comes without its tokens
 * (the store does not keep them) and `bytes` holds the whole of it for later use.
 */
export type AnalysisOutcome =
  | { ok: true; analysis: AnalysedDocument; bytes: Uint8Array | null }
  | { ok: false; reason: string };

export interface Analyser {
  /** Worker threads used (0: analysis runs in the caller's thread). */
  readonly threads: number;
  analyse(docs: readonly Document[]): Promise<AnalysisOutcome[]>;
  close(): Promise<void>;
}

export interface PoolOptions {
  /** Batches posted ahead to each worker (default 2). */
  depth?: number;
  /**
   * Heap limit of one worker, MB (default 1024): a runaway document kills its worker, not the
   * process. Lower limits cost 5-10% of analysis time in extra garbage collection.
   */
  maxHeapMb?: number;
  /** The worker script (default: workerEntry()). */
  entry?: URL;
}

/** Workers when the user does not say: one core for small inputs, else up to two. */
export function defaultWorkers(): number {
  return Math.min(2, availableParallelism());
}

/** The compiled worker script: next to this module when built, else in dist/. */
export function workerEntry(): URL {
  const here = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  const built = packagePath('dist', 'src', 'ingest', 'worker.js');
  if (existsSync(built)) return pathToFileURL(built);
  throw new Error('parallel ingest needs the compiled worker (dist/src/ingest/worker.js): run `npm run build`, or ingest with --workers 1');
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Analysis in the caller's thread, one document after another. */
export function inThreadAnalyser(): Analyser {
  return {
    threads: 0,
    analyse(docs) {
      return Promise.resolve(
        docs.map((doc): AnalysisOutcome => {
          try {
            return { ok: true, analysis: analyse(doc), bytes: null };
          } catch (error) {
            return { ok: false, reason: reasonOf(error) };
          }
        }),
      );
    },
    close: () => Promise.resolve(),
  };
}

interface Job {
  id: number;
  docs: Document[];
  /** A retry of one document after its batch's worker died: a second death fails the document. */
  retry: boolean;
  done: (outcomes: AnalysisOutcome[]) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  jobs: Map<number, Job>;
  lastError: Error | null;
}

/** Workers that die before they are ready this many times in a row mean they cannot start at all. */
const MAX_START_FAILURES = 3;

export class WorkerPool implements Analyser {
  readonly threads: number;
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private readonly depth: number;
  private readonly maxHeapMb: number;
  private readonly entry: URL;
  private nextJob = 0;
  private startFailures = 0;
  private closing = false;
  private broken: Error | null = null;
  /** Reject of every analyse() still waiting, for when the pool breaks. */
  private readonly waiting = new Map<number, (error: Error) => void>();

  constructor(size: number, options: PoolOptions = {}) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`a worker pool needs at least one worker, got ${size}`);
    this.threads = size;
    this.depth = options.depth ?? 2;
    this.maxHeapMb = options.maxHeapMb ?? 1024;
    this.entry = options.entry ?? workerEntry();
    for (let i = 0; i < size; i++) this.spawn();
  }

  analyse(docs: readonly Document[]): Promise<AnalysisOutcome[]> {
    if (this.broken) return Promise.reject(this.broken);
    if (this.closing) return Promise.reject(new Error('the analysis pool is closed'));
    if (docs.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      const id = this.nextJob++;
      this.waiting.set(id, reject);
      this.queue.push({
        id,
        docs: [...docs],
        retry: false,
        done: (outcomes) => {
          this.waiting.delete(id);
          resolve(outcomes);
        },
      });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.slots].map((slot) => slot.worker.terminate()));
    this.slots.clear();
  }

  private spawn(): void {
    const worker = new Worker(this.entry, {
      resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb },
      // Node options pass on to workers, but `--input-type` (of `node -e`) would stop one loading its file.
      execArgv: process.execArgv.filter((arg) => !arg.startsWith('--input-type')),
    });
    const slot: Slot = { worker, ready: false, jobs: new Map(), lastError: null };
    this.slots.add(slot);
    worker.on('message', (message: AnalyseReply | { ready: true }) => {
      if ('ready' in message) {
        slot.ready = true;
        this.startFailures = 0;
        this.pump();
        return;
      }
      const job = slot.jobs.get(message.job);
      if (!job) return;
      slot.jobs.delete(message.job);
      job.done(message.outcomes.map(fromWire));
      this.pump();
    });
    worker.on('error', (error) => {
      slot.lastError = error;
    });
    worker.on('exit', (code) => this.died(slot, code));
  }

  /**
   * Posts queued batches to the least busy ready workers, up to `depth` each. A retry goes alone to
   * an idle worker, so that if the worker dies again, the document it holds is the one to blame.
   */
  private pump(): void {
    while (this.queue.length > 0) {
      const job = this.queue[0] as Job;
      let best: Slot | null = null;
      for (const slot of this.slots) {
        const busy = slot.jobs.size;
        const free = job.retry ? busy === 0 : busy < this.depth && !holdsRetry(slot);
        if (slot.ready && free && (!best || busy < best.jobs.size)) best = slot;
      }
      if (!best) return;
      this.queue.shift();
      best.jobs.set(job.id, job);
      const request: AnalyseRequest = { job: job.id, docs: job.docs };
      best.worker.postMessage(request);
    }
  }

  private died(slot: Slot, code: number): void {
    this.slots.delete(slot);
    if (this.closing) return;
    const why = slot.lastError ? reasonOf(slot.lastError) : `exit code ${code}`;
    if (!slot.ready && ++this.startFailures >= MAX_START_FAILURES) {
      this.break(new Error(`analysis workers could not start (${why})`, { cause: slot.lastError ?? undefined }));
      return;
    }
    // Jobs it had, in order: retried document by document, ahead of anything queued.
    const retries: Job[] = [];
    for (const job of [...slot.jobs.values()].sort((a, b) => a.id - b.id)) {
      if (job.retry) {
        job.done([{ ok: false, reason: `analysis worker died on this document (${why})` }]);
        continue;
      }
      retries.push(...this.singles(job));
    }
    this.queue.unshift(...retries);
    this.spawn();
    this.pump();
  }

  /** Splits a job into one retry job per document; the job is done when all of them are. */
  private singles(job: Job): Job[] {
    const outcomes = new Array<AnalysisOutcome>(job.docs.length);
    let left = job.docs.length;
    return job.docs.map((doc, i) => ({
      id: this.nextJob++,
      docs: [doc],
      retry: true,
      done: ([outcome]) => {
        outcomes[i] = outcome ?? { ok: false, reason: 'no analysis came back' };
        if (--left === 0) job.done(outcomes);
      },
    }));
  }

  private break(error: Error): void {
    this.broken = error;
    this.queue.length = 0;
    for (const reject of this.waiting.values()) reject(error);
    this.waiting.clear();
    void this.close();
  }
}

function holdsRetry(slot: Slot): boolean {
  for (const job of slot.jobs.values()) if (job.retry) return true;
  return false;
}

function fromWire(outcome: WireOutcome): AnalysisOutcome {
  if (!outcome.ok) return { ok: false, reason: outcome.reason };
  return { ok: true, analysis: decodeAnalysis(outcome.bytes, { tokens: false }), bytes: outcome.bytes };
}
