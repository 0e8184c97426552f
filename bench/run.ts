/**
 * `npm run bench`: every figure against its baseline in the same run.
 *   throughput  the pipeline per stage and in total against bare wink-nlp `readDoc` of the same texts
 *   workers     ingest into SQLite with analysis in this thread and in two worker threads
 *   latency     events list, event page, entity page and search on a generated store
 *               (bench/generate-store.ts; built once, cached under .bench/)
 *   memory      peak RSS of `rashomon ingest` fed generated JSONL (1 GB, or as much as the time
 *               limit allows, extrapolated)
 * `--quick` measures throughput alone (under a minute); `--only workers,latency` picks parts;
 * `--json` prints one object. Sizes: --docs/--repeats (throughput), --worker-docs/--worker-repeats,
 * --store-docs/--pool (latency), --memory-mb/--memory-seconds.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { articles } from './corpus.js';
import { generateStore, largestGeneratedStore, type GeneratedStore } from './generate-store.js';
import { measureLatency, type Latency, type LatencyFigures } from './latency.js';
import { measureMemory, type MemoryFigures } from './memory.js';
import { round } from './stats.js';
import { measureThroughput } from './throughput.js';
import { measureWorkers, type WorkerFigures } from './workers.js';

const PARTS = ['throughput', 'workers', 'latency', 'memory'] as const;
type Part = (typeof PARTS)[number];

const { values } = parseArgs({
  options: {
    json: { type: 'boolean' },
    quick: { type: 'boolean' },
    only: { type: 'string' },
    docs: { type: 'string' },
    repeats: { type: 'string' },
    'worker-docs': { type: 'string' },
    'worker-repeats': { type: 'string' },
    'store-docs': { type: 'string' },
    pool: { type: 'string' },
    'latency-runs': { type: 'string' },
    'memory-mb': { type: 'string' },
    'memory-seconds': { type: 'string' },
  },
});

const parts = new Set<Part>(values.quick ? ['throughput'] : ((values.only?.split(',') ?? PARTS) as Part[]));
for (const p of parts) if (!PARTS.includes(p)) throw new Error(`--only: unknown part ${p} (parts: ${PARTS.join(', ')})`);
const number = (value: string | undefined, fallback: number): number => (value === undefined ? fallback : Number(value));
const log = (line: string): void => {
  if (!values.json) process.stdout.write(`${line}\n`);
};
/** Progress goes to stderr, so `--json` output stays one object. */
const progress = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

const result: Record<string, unknown> = {};
log(`Rashomon benchmark, node ${process.version}, load average ${round(loadavg()[0] ?? 0, 2)} (2 cores: above 2, other work competes)`);

if (parts.has('throughput')) {
  const docs = number(values.docs, values.quick ? 300 : 1000);
  const repeats = number(values.repeats, values.quick ? 3 : 5);
  const throughput = measureThroughput([...articles(docs, 42)], repeats);
  result.throughput = throughput;
  log('');
  log(`throughput (in process, no store; ${docs} generated articles, median of ${repeats})   docs/s      MB/s`);
  log(`  bare wink-nlp readDoc (floor)                               ${pad(throughput.floor_docs_per_s, 10)}  ${pad(throughput.floor_mb_per_s, 8)}`);
  log(`  whole pipeline                                              ${pad(throughput.pipeline_docs_per_s, 10)}  ${pad(throughput.pipeline_mb_per_s, 8)}`);
  log(`  ratio pipeline / floor (target 0.4)                         ${pad(throughput.ratio, 10)}`);
  log('  per stage, ms per document (floor: ' + round(1000 / throughput.floor_docs_per_s, 3) + '):');
  for (const [name, ms] of Object.entries(throughput.stage_ms_per_doc)) log(`    ${name.padEnd(14)} ${ms}`);
}

if (parts.has('workers')) {
  const docs = number(values['worker-docs'], 500);
  const repeats = number(values['worker-repeats'], 3);
  progress(`workers: ingesting ${docs} generated articles ${repeats} times with 1 and 2 workers ...`);
  const workers: WorkerFigures = await measureWorkers([...articles(docs, 43)], repeats, progress);
  result.workers = workers;
  log('');
  log(`ingest into SQLite (read JSONL, analyse, write, link), ${docs} articles, median of ${repeats}`);
  log(`  analysis in the writer's thread   ${pad(workers.one_docs_per_s, 8)} docs/s   linking ${Math.round(workers.one_link_share * 100)}% of the time`);
  log(`  two analysis workers              ${pad(workers.two_docs_per_s, 8)} docs/s   linking ${Math.round(workers.two_link_share * 100)}% of the time`);
  log(`  speed-up (target 1.7)             ${pad(workers.speedup, 8)}`);
  log(`  not counting linking: ${workers.one_unlinked_docs_per_s} -> ${workers.two_unlinked_docs_per_s} docs/s, speed-up ${workers.unlinked_speedup}`);
  log(`  analysis alone (no store): ${workers.analysis_one_docs_per_s} -> ${workers.analysis_two_docs_per_s} docs/s, speed-up ${workers.analysis_speedup}`);
  log(`  re-ingest, all unchanged          ${pad(workers.reingest_unchanged_docs_per_s, 8)} docs/s   (load average at the end ${workers.load_average})`);
}

if (parts.has('latency')) {
  const docs = number(values['store-docs'], 1_000_000);
  let built: GeneratedStore;
  try {
    built = await generateStore({ docs, pool: number(values.pool, 2000), log: progress });
  } catch (error) {
    // Most often the disk cannot hold it: measure on the biggest store built before, and say so.
    const fallback = largestGeneratedStore();
    if (!fallback) throw error;
    progress(`latency: ${(error as Error).message}\nlatency: measuring on ${fallback.path} (${fallback.documents} documents) instead`);
    result.latency_note = `asked for ${docs} documents: ${(error as Error).message} Measured on ${fallback.documents} documents.`;
    built = fallback;
  }
  const latency: LatencyFigures = await measureLatency(built, number(values['latency-runs'], 60));
  result.latency = latency;
  const pick = (l: Latency): { p50: number; p95: number } => ({ p50: l.p50, p95: l.p95 });
  result.latency_ms = { events_list: pick(latency.events_list), event: pick(latency.event), entity: pick(latency.entity), search: pick(latency.search) };
  log('');
  log(`query latency, ${latency.store.documents} documents (${latency.store.events} events, ${latency.store.entities} entities, ${round(latency.store.bytes / 1e9, 1)} GB), ${latency.runs} runs each`);
  log(`  ${'query'.padEnd(44)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)}`);
  const row = (name: string, l: Latency): void => log(`  ${name.padEnd(44)} ${pad(l.p50, 8)} ${pad(l.p95, 8)} ${pad(l.max, 8)}`);
  if (result.latency_note) log(`  (${String(result.latency_note)})`);
  row('events list (50, newest first)', latency.events_list);
  row('events list, conflicts in a date range', latency.events_list_filtered);
  row('event page (target p95 < 50)', latency.event);
  row('entity page, 200 most mentioned (target < 50)', latency.entity);
  row('search, 20 hits (target p95 < 100)', latency.search);
}

if (parts.has('memory')) {
  const targetMb = number(values['memory-mb'], 1024);
  progress(`memory: rashomon ingest fed generated JSONL, up to ${targetMb} MB of text ...`);
  const memory: MemoryFigures = await measureMemory({ targetMb, maxSeconds: number(values['memory-seconds'], 600), log: progress });
  result.memory = memory;
  result.peak_rss_mb = memory.peak_rss_mb_at_target;
  log('');
  log(`memory of rashomon ingest (2 workers), ${memory.text_mb} MB of text (${memory.documents} documents) in ${memory.seconds} s`);
  log(`  peak RSS ${memory.peak_rss_mb} MB; curve (text MB, peak RSS MB): ${memory.curve.map(([t, r]) => `${t}:${r}`).join(' ')}`);
  log(
    memory.extrapolated
      ? `  for ${memory.target_mb} MB of text, extrapolated from the curve: ${memory.peak_rss_mb_at_target} MB (target < 1024)`
      : `  for ${memory.target_mb} MB of text, measured: ${memory.peak_rss_mb_at_target} MB (target < 1024)`,
  );
}

if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);

function pad(value: number, width: number): string {
  return String(value).padStart(width);
}
