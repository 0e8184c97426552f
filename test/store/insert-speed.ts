/**
 * Insert speed of the SQLite store (a measurement script, not a test):
 *   node_modules/.bin/vite-node test/store/insert-speed.ts [documents] [batch]
 * A few small articles are analysed once, then stored many times under distinct ids and hashes,
 * so the figure is the store's alone. Prints the median of 3 runs, each on a fresh file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toDocument } from '../../src/ingest/document.js';
import type { AnalysedDocument } from '../../src/model/document.js';
import { analyse } from '../../src/nlp/pipeline.js';
import { openSqliteStore } from '../../src/store/sqlite.js';

const total = Number(process.argv[2] ?? 20_000);
const batch = Number(process.argv[3] ?? 64);

const templates = [
  'Officials met in Geneva on Tuesday to discuss the ceasefire. The talks lasted four hours, a spokesman said.\n\n' +
    '"We made progress on the prisoner exchange," the envoy told reporters. No date was set for the next round.',
  'The central bank raised its key rate by half a point. Analysts had expected a smaller move.\n\n' +
    'The governor said inflation remained too high. Markets fell after the announcement, then recovered.',
  'Flooding closed the main highway north of the city. Rescue teams evacuated two villages overnight.\n\n' +
    'The regional governor declared a state of emergency on Sunday. More rain is forecast for the week.',
].map((text) => withFindings(analyse(toDocument({ text, publisher: 'Wire', date: '2024-03-01' }))));

/** Until the entity and time stages land: a time and two mentions per sentence, like a real article. */
function withFindings(a: AnalysedDocument): AnalysedDocument {
  for (const s of a.sentences) {
    const word = { start: s.start, end: s.start + 4 };
    a.times.push({ kind: 'time', ...word, text: a.doc.text.slice(word.start, word.end), explicitYear: false,
      value: { start: '2024-03-01', end: '2024-03-01', precision: 'day' } });
    for (const form of ['name', 'pronoun'] as const) {
      a.mentions.push({ kind: 'mention', ...word, text: a.doc.text.slice(word.start, word.end), type: 'person', entity: 'e1', form });
    }
  }
  return a;
}

function corpus(n: number): AnalysedDocument[] {
  return Array.from({ length: n }, (_, i) => {
    const a = templates[i % templates.length] as AnalysedDocument;
    return { ...a, doc: { ...a.doc, id: `doc-${i}`, contentHash: `hash-${i}` } };
  });
}

async function run(docs: AnalysedDocument[]): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'rashomon-speed-'));
  const store = openSqliteStore(join(dir, 'speed.db'));
  const started = performance.now();
  for (let i = 0; i < docs.length; i += batch) await store.putDocuments(docs.slice(i, i + batch));
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return docs.length / seconds;
}

const docs = corpus(total);
const sentences = docs.reduce((n, a) => n + a.sentences.length, 0);
const findings = docs.reduce((n, a) => n + a.times.length + a.mentions.length, 0);
const rates = [await run(docs), await run(docs), await run(docs)].sort((a, b) => a - b);
const median = rates[1] ?? 0;
console.log(
  `${total} documents (${(sentences / total).toFixed(1)} sentences, ${(findings / total).toFixed(1)} findings each), batches of ${batch}: ` +
    `median ${Math.round(median)} documents/s (runs: ${rates.map(Math.round).join(', ')})`,
);
