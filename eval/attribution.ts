/**
 * Scores the attribution stage against PolNeAR with the definitions of issue 3 (see
 * attribution-score.ts). Every document runs through the real pipeline, text used as is.
 *
 *   node <build>/eval/attribution.js [--split dev|train|<dir>] [--json] [--limit N] [--rounds 5]
 *
 * Exits 0 with "skipped: data absent" when the data folder is missing.
 */
import { parseArgs } from 'node:util';
import { toDocument } from '../src/ingest/document.js';
import { attributionStage } from '../src/nlp/attribution/stage.js';
import { entitiesStage } from '../src/nlp/entities/stage.js';
import { wink } from '../src/nlp/wink.js';
import type { AnalysedDocument } from '../src/model/document.js';
import { analyse } from '../src/nlp/pipeline.js';
import { emptyTally, prf, scoreDocument, type Counts, type Tally } from './attribution-score.js';
import { loadSplit, ROLES, splitDir, splitExists } from './polnear.js';

const { values: opts } = parseArgs({
  options: {
    split: { type: 'string', default: 'dev' },
    json: { type: 'boolean', default: false },
    limit: { type: 'string' },
    rounds: { type: 'string', default: '5' },
  },
});

/** The bars of issue 3, on dev. */
const BARS = {
  exact: { source: 0.65, cue: 0.7, content: 0.55 },
  overlap: { source: 0.75, cue: 0.75, content: 0.75 },
  attribution: 0.6,
};

function main(): void {
  const dir = splitDir(opts.split);
  if (!splitExists(dir)) {
    process.stdout.write(`skipped: data absent (${dir})\n`);
    return;
  }
  let docs = loadSplit(dir);
  if (opts.limit) docs = docs.slice(0, Number(opts.limit));
  const tally = emptyTally();
  for (const doc of docs) {
    const a = analyse(toDocument({ text: doc.text, path: doc.name }));
    const predicted = a.attributions.map((f) => ({ source: f.source?.spans ?? null, cue: f.cue.spans, content: f.content.spans }));
    scoreDocument(doc.text, doc.attributions, predicted, tally);
  }
  const timing = timeStages(docs.map((d) => d.text), Number(opts.rounds));
  if (opts.json) process.stdout.write(`${JSON.stringify({ split: opts.split, dir, ...summary(tally), timing })}\n`);
  else process.stdout.write(table(opts.split, docs.length, tally) + timingLine(timing));
}

interface Timing {
  rounds: number;
  winkMsPerDocument: number;
  entitiesMsPerDocument: number;
  attributionMsPerDocument: number;
}

/**
 * The two stages of issue 3 against the bare wink parse of the same texts (DEVELOPERS.md: "the bare
 * NLP library's own parse of the same text is our floor"), in the same run, after the scoring pass
 * has warmed everything up. Each round times every document; the median round is reported.
 */
function timeStages(texts: readonly string[], rounds: number): Timing {
  const analyses = texts.map((text) => analyse(toDocument({ text }), { skip: new Set(['entities', 'attribution']) }));
  const per: Array<{ wink: number; entities: number; attribution: number }> = [];
  for (let r = 0; r < rounds; r++) {
    const ms = { wink: 0, entities: 0, attribution: 0 };
    texts.forEach((text, i) => {
      const a = analyses[i] as AnalysedDocument;
      a.mentions = [];
      a.entities = [];
      a.attributions = [];
      a.warnings = [];
      ms.wink += timed(() => wink().readDoc(text));
      ms.entities += timed(() => entitiesStage.run(a, {}));
      ms.attribution += timed(() => attributionStage.run(a, {}));
    });
    per.push(ms);
  }
  const n = Math.max(1, texts.length);
  const median = (key: 'wink' | 'entities' | 'attribution'): number =>
    ([...per].sort((x, y) => x[key] - y[key])[Math.floor(per.length / 2)]?.[key] ?? 0) / n;
  return { rounds, winkMsPerDocument: median('wink'), entitiesMsPerDocument: median('entities'), attributionMsPerDocument: median('attribution') };
}

function timed(run: () => unknown): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

function timingLine(t: Timing): string {
  const ratio = (x: number): string => `${(x / t.winkMsPerDocument).toFixed(2)}x`;
  return (
    `\nms per document: bare wink parse ${t.winkMsPerDocument.toFixed(1)}, entities stage ${t.entitiesMsPerDocument.toFixed(1)} ` +
    `(${ratio(t.entitiesMsPerDocument)}), attribution stage ${t.attributionMsPerDocument.toFixed(1)} (${ratio(t.attributionMsPerDocument)}), ` +
    `both ${ratio(t.entitiesMsPerDocument + t.attributionMsPerDocument)} (bar 1.5x)\n`
  );
}

function summary(t: Tally): Record<string, unknown> {
  const roles = (kind: 'exact' | 'overlap'): Record<string, unknown> =>
    Object.fromEntries(ROLES.map((r) => [r, { ...t[kind][r], ...prf(t[kind][r]) }]));
  return { exact: roles('exact'), overlap: roles('overlap'), attribution: { ...t.attribution, ...prf(t.attribution) } };
}

function table(split: string, docs: number, t: Tally): string {
  const row = (name: string, c: Counts, bar: number): string => {
    const { precision, recall, f1 } = prf(c);
    const mark = f1 >= bar ? 'pass' : 'below';
    return `| ${name.padEnd(20)} | ${fmt(precision)} | ${fmt(recall)} | ${fmt(f1)} | ${bar.toFixed(2)} ${mark.padEnd(5)} | ${String(c.matched).padStart(6)} | ${String(c.predicted).padStart(6)} | ${String(c.gold).padStart(6)} |`;
  };
  const lines = [
    `PolNeAR ${split}: ${docs} documents (first annotator per document)`,
    '',
    '| measure              | P     | R     | F1    | bar        | match  | pred   | gold   |',
    '|----------------------|-------|-------|-------|------------|--------|--------|--------|',
    ...ROLES.map((r) => row(`exact ${r}`, t.exact[r], BARS.exact[r])),
    ...ROLES.map((r) => row(`overlap ${r}`, t.overlap[r], BARS.overlap[r])),
    row('attribution', t.attribution, BARS.attribution),
  ];
  return `${lines.join('\n')}\n`;
}

function fmt(x: number): string {
  return x.toFixed(3);
}

main();
