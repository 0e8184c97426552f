/**
 * `npm run bench`: throughput of the pipeline against bare wink-nlp on the same generated texts,
 * and a whole ingest into SQLite. `--quick` measures throughput alone; `--json` prints one object.
 */
import { parseArgs } from 'node:util';
import { articles } from './corpus.js';
import { measureIngest } from './ingest.js';
import { measureThroughput } from './throughput.js';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean' },
    quick: { type: 'boolean' },
    docs: { type: 'string' },
    repeats: { type: 'string' },
  },
});

const docs = Number(values.docs ?? (values.quick ? 300 : 1000));
const repeats = Number(values.repeats ?? (values.quick ? 3 : 5));
const corpus = [...articles(docs, 42)];
const log = (line: string): void => {
  if (!values.json) process.stdout.write(`${line}\n`);
};

log(`Rashomon benchmark: ${docs} generated articles, ${repeats} repeats, node ${process.version}`);
const throughput = measureThroughput(corpus, repeats);
log('');
log('throughput (in process, no store)      docs/s      MB/s');
log(`  bare wink-nlp readDoc (floor)   ${String(throughput.floor_docs_per_s).padStart(12)}  ${String(throughput.floor_mb_per_s).padStart(8)}`);
log(`  whole pipeline                  ${String(throughput.pipeline_docs_per_s).padStart(12)}  ${String(throughput.pipeline_mb_per_s).padStart(8)}`);
log(`  ratio pipeline / floor          ${String(throughput.ratio).padStart(12)}`);
log('  per stage, ms per document:');
for (const [name, ms] of Object.entries(throughput.stage_ms_per_doc)) log(`    ${name.padEnd(14)} ${ms}`);

const result: Record<string, unknown> = { throughput };
if (!values.quick) {
  const ingest = await measureIngest(corpus);
  result.ingest = ingest;
  log('');
  log('ingest into SQLite (read JSONL, analyse, write)');
  log(`  ${ingest.documents} documents: ${ingest.docs_per_s} docs/s, ${ingest.mb_per_s} MB/s`);
  log(`  re-ingest (all unchanged): ${ingest.reingest_unchanged_docs_per_s} docs/s`);
}
if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
