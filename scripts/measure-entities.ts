/**
 * Speed of the entities stage against the bare wink-nlp parse of the same texts (our floor), and a
 * dump of what it found for reading. Research data is read in place, never copied.
 *
 *   npx vite-node scripts/measure-entities.ts [articles.jsonl] [--limit 100] [--dump]
 */
import { readFileSync } from 'node:fs';
import { toDocument } from '../src/ingest/document.js';
import type { AnalysedDocument } from '../src/model/document.js';
import { emptyAnalysis } from '../src/nlp/pipeline.js';
import { sentencesStage } from '../src/nlp/sentences/stage.js';
import { entitiesStage } from '../src/nlp/entities/stage.js';
import { wink } from '../src/nlp/wink.js';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--')) ?? '../shared/data/basil-dev/articles.jsonl';
const limitAt = args.indexOf('--limit');
const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : 100;
const seed = readFileSync(new URL('../examples/naryshkin-burns-2023-07-13.txt', import.meta.url), 'utf8');
const texts = [
  seed,
  ...readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .slice(0, limit)
    .map((l) => (JSON.parse(l) as { text: string }).text),
];

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const nlp = wink();
const parsed: AnalysedDocument[] = texts.map((text) => {
  const a = emptyAnalysis(toDocument({ text }));
  sentencesStage.run(a, {});
  return a;
});
entitiesStage.run(parsed[0] as AnalysedDocument, {}); // load the lexicon outside the timing
// CPU time of this process (not wall time: other processes on the machine would skew it), both
// sides measured in alternating blocks, each round.
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const rounds = 7;
const winkTimes: number[] = [];
const entityTimes: number[] = [];
const ratios: number[] = [];
for (let r = 0; r < rounds; r++) {
  let t0 = cpuMs();
  for (const text of texts) nlp.readDoc(text);
  const w = cpuMs() - t0;
  t0 = cpuMs();
  for (const a of parsed) {
    a.mentions = [];
    a.entities = [];
    entitiesStage.run(a, {});
  }
  const e = cpuMs() - t0;
  winkTimes.push(w / texts.length);
  entityTimes.push(e / texts.length);
  ratios.push(e / w);
}
console.log(`${texts.length} docs, ${rounds} rounds, medians of CPU time`);
console.log(`wink readDoc   ${median(winkTimes).toFixed(2)} ms/doc`);
console.log(`entities stage ${median(entityTimes).toFixed(2)} ms/doc  (${median(ratios).toFixed(2)}x wink)`);
if (args.includes('--dump')) {
  for (const a of parsed.slice(1)) {
    console.log('----');
    for (const en of a.entities) {
      const forms = a.mentions.filter((m) => m.entity === en.key && m.form !== 'name').map((m) => m.text);
      console.log(`${en.type.padEnd(12)} ${en.name} ${en.roles.length ? '— ' + en.roles.join('; ') : ''} ${en.affiliations.length ? '[' + en.affiliations.join(', ') + ']' : ''} ${en.aliases.length ? '{' + en.aliases.join(', ') + '}' : ''} ${forms.length ? '<' + forms.join(', ') + '>' : ''}`);
    }
  }
}
