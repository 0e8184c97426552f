/**
 * Ingest into a fresh SQLite store with analysis in this thread (--workers 1) and in two worker
 * threads, the same JSONL corpus, alternating and repeated (medians). Ingest includes linking,
 * which runs in the writer's thread; its share is reported, since it bounds what workers can give.
 * Also the re-ingest of the same corpus (all unchanged: reading and hashing only).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { toDocument } from '../src/ingest/document.js';
import { ingest, type IngestReport } from '../src/ingest/run.js';
import { WorkerPool, inThreadAnalyser, type Analyser } from '../src/ingest/workers.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import type { GeneratedArticle } from './corpus.js';
import { median, round } from './stats.js';

export interface WorkerFigures {
  documents: number;
  repeats: number;
  one_docs_per_s: number;
  two_docs_per_s: number;
  speedup: number;
  /** Of the ingest's time, the share spent linking (writer's thread), with 1 and 2 workers. */
  one_link_share: number;
  two_link_share: number;
  /** Documents per second counting only the time not spent linking, and their ratio. */
  one_unlinked_docs_per_s: number;
  two_unlinked_docs_per_s: number;
  unlinked_speedup: number;
  mb_per_s_two: number;
  /** Analysis alone (no store, no linking): this thread against a pool of two workers. */
  analysis_one_docs_per_s: number;
  analysis_two_docs_per_s: number;
  analysis_speedup: number;
  reingest_unchanged_docs_per_s: number;
  /** 1-minute load average of the machine when the measure ended (2 cores: above 2 means contention). */
  load_average: number;
}

async function once(file: string, dir: string, workers: number, run: number): Promise<IngestReport> {
  const path = join(dir, `w${workers}-${run}.db`);
  const store = openSqliteStore(path);
  try {
    return await ingest([file], store, { workers });
  } finally {
    await store.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  }
}

export async function measureWorkers(corpus: readonly GeneratedArticle[], repeats: number, log: (line: string) => void = () => {}): Promise<WorkerFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'rashomon-bench-workers-'));
  try {
    const file = join(dir, 'corpus.jsonl');
    writeFileSync(file, `${corpus.map((a) => JSON.stringify(a)).join('\n')}\n`);
    const bytes = corpus.reduce((n, a) => n + Buffer.byteLength(a.text), 0);
    const runs: Record<1 | 2, IngestReport[]> = { 1: [], 2: [] };
    for (let r = 0; r < repeats; r++) {
      for (const workers of [1, 2] as const) {
        const report = await once(file, dir, workers, r);
        if (report.added !== corpus.length) throw new Error(`ingest with ${workers} worker(s) added ${report.added} of ${corpus.length}`);
        runs[workers].push(report);
        log(`  run ${r + 1}/${repeats}, ${workers} worker(s): ${report.seconds.toFixed(1)} s, of which linking ${report.linkSeconds.toFixed(1)} s`);
      }
    }
    const seconds = (w: 1 | 2): number => median(runs[w].map((x) => x.seconds));
    const unlinked = (w: 1 | 2): number => median(runs[w].map((x) => x.seconds - x.linkSeconds));
    const share = (w: 1 | 2): number => median(runs[w].map((x) => x.linkSeconds / x.seconds));
    const reingest = await reingestRate(file, dir);
    const analysis = await analysisRates(corpus, repeats);
    return {
      documents: corpus.length,
      repeats,
      one_docs_per_s: round(corpus.length / seconds(1)),
      two_docs_per_s: round(corpus.length / seconds(2)),
      speedup: round(seconds(1) / seconds(2), 2),
      one_link_share: round(share(1), 2),
      two_link_share: round(share(2), 2),
      one_unlinked_docs_per_s: round(corpus.length / unlinked(1)),
      two_unlinked_docs_per_s: round(corpus.length / unlinked(2)),
      unlinked_speedup: round(unlinked(1) / unlinked(2), 2),
      mb_per_s_two: round(bytes / 1e6 / seconds(2), 2),
      analysis_one_docs_per_s: round(corpus.length / analysis.one),
      analysis_two_docs_per_s: round(corpus.length / analysis.two),
      analysis_speedup: round(analysis.one / analysis.two, 2),
      reingest_unchanged_docs_per_s: reingest,
      load_average: round(loadavg()[0] ?? 0, 2),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Seconds to analyse the corpus in batches of 64, in this thread and with two workers (medians). */
async function analysisRates(corpus: readonly GeneratedArticle[], repeats: number): Promise<{ one: number; two: number }> {
  const docs = corpus.map((a) => toDocument({ id: a.id, text: a.text, date: a.date, publisher: a.publisher, title: a.title }));
  const time = async (analyser: Analyser): Promise<number> => {
    const started = performance.now();
    const batches = [];
    for (let i = 0; i < docs.length; i += 64) batches.push(analyser.analyse(docs.slice(i, i + 64)));
    await Promise.all(batches);
    return (performance.now() - started) / 1000;
  };
  const one: number[] = [];
  const two: number[] = [];
  const pool = new WorkerPool(2);
  try {
    await pool.analyse(docs.slice(0, 4));
    for (let r = 0; r < repeats; r++) {
      one.push(await time(inThreadAnalyser()));
      two.push(await time(pool));
    }
  } finally {
    await pool.close();
  }
  return { one: median(one), two: median(two) };
}

async function reingestRate(file: string, dir: string): Promise<number> {
  const store = openSqliteStore(join(dir, 'again.db'));
  try {
    await ingest([file], store, { workers: 2 });
    const again = await ingest([file], store, { workers: 2 });
    return round(again.unchanged / again.seconds);
  } finally {
    await store.close();
  }
}
