/**
 * Scores accounts and points on readouts-dev (issue 4): the documents of the set are fed together
 * into ONE `compare` run, exactly as `rashomon compare docs.jsonl` would, and the points are scored
 * against gold.jsonl (definitions in accounts-score.ts).
 *
 *   node <build>/eval/accounts.js [--dir DIR] [--json] [--verbose] [--gold-events]
 *
 * Events come from cross-document grouping (src/link/events.ts), as in `rashomon compare`; with
 * --gold-events the gold events stand in for it, to score the accounts stage alone. Exits 0 with "skipped: data absent" when the data
 * folder is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { toDocument } from '../src/ingest/document.js';
import { readInputs } from '../src/ingest/inputs.js';
import { groupBySet } from '../src/link/accounts/grouping.js';
import { groupEvents } from '../src/link/events.js';
import { compare } from '../src/link/compare.js';
import type { AnalysedDocument } from '../src/model/document.js';
import { analyse } from '../src/nlp/pipeline.js';
import { packagePath } from '../src/paths.js';
import { bcubed, scorePoints, type GoldPoint, type GroupingScore } from './accounts-score.js';

const { values: opts } = parseArgs({
  options: {
    dir: { type: 'string' },
    json: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    'gold-events': { type: 'boolean', default: false },
  },
});

/** The bars of issue 4 on readouts-dev. */
const BARS = { grouping: 1.0, pointRecall: 0.75, statusAccuracy: 0.65, sharedRecall: 0.6, conflictPrecision: 0.5, maxPointsPerGold: 2.5 };
const SIDES: Record<string, string> = { US: 'United States', RU: 'Russia' };

async function main(): Promise<void> {
  const dir = opts.dir ?? packagePath('..', 'shared', 'data', 'readouts-dev');
  const docsPath = join(dir, 'docs.jsonl');
  const goldPath = join(dir, 'gold.jsonl');
  if (!existsSync(docsPath) || !existsSync(goldPath)) {
    process.stdout.write(`skipped: data absent (${dir})\n`);
    return;
  }
  const goldEvent = new Map<string, string>();
  for (const line of readFileSync(docsPath, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { id: string; event: string };
    goldEvent.set(r.id, r.event);
  }
  const gold = readFileSync(goldPath, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldPoint);

  const docs: AnalysedDocument[] = [];
  for await (const input of readInputs([docsPath])) {
    if (!input.ok) throw new Error(`${input.path}: ${input.reason}`);
    docs.push(analyse(toDocument(input.record)));
  }
  // --gold-events scores the accounts alone, with the gold events standing in for grouping.
  const grouped = opts['gold-events'] ? null : (d: readonly AnalysedDocument[]) => groupEvents(d);
  const group = grouped ?? groupBySet((a) => goldEvent.get(a.doc.id) ?? a.doc.id);
  const started = performance.now();
  const result = compare(docs, { group });
  const compareMs = performance.now() - started;

  const texts = new Map(docs.map((a) => [a.doc.id, a.doc.text]));
  const score = scorePoints(result, gold, (id) => texts.get(id), (side) => SIDES[side] ?? side);
  const mainEvent = new Map(result.documents.map((d) => [d.id, d.main_event]));
  const grouping: GroupingScore | null = grouped ? bcubed(mainEvent, goldEvent) : null;

  if (opts.json) {
    const { matches, ...numbers } = score;
    process.stdout.write(`${JSON.stringify({ dir, documents: docs.length, grouping, groupingSource: grouped ? 'groupEvents' : 'gold events', ...numbers, compareMs, ...(opts.verbose ? { matches } : {}) })}\n`);
    return;
  }
  const f = (x: number): string => x.toFixed(2);
  const mark = (ok: boolean): string => (ok ? 'pass' : 'below');
  const rows: Array<[string, string, string, string]> = [
    ['grouping B-cubed F1', grouping ? f(grouping.f1) : 'n/a', `= ${f(BARS.grouping)}`, grouping ? mark(grouping.f1 >= BARS.grouping) : 'gold events used (--gold-events)'],
    ['point recall', f(score.pointRecall), `>= ${f(BARS.pointRecall)}`, mark(score.pointRecall >= BARS.pointRecall)],
    ['status accuracy', f(score.statusAccuracy), `>= ${f(BARS.statusAccuracy)}`, mark(score.statusAccuracy >= BARS.statusAccuracy)],
    ['shared recall', f(score.sharedRecall), `>= ${f(BARS.sharedRecall)}`, mark(score.sharedRecall >= BARS.sharedRecall)],
    ['conflict recall', `${f(score.conflictRecall)}`, `= 1.00 (${score.goldConflicts})`, mark(score.conflictRecall >= 1)],
    ['conflict precision', f(score.conflictPrecision), `>= ${f(BARS.conflictPrecision)}`, mark(score.conflictPrecision >= BARS.conflictPrecision)],
    ['points per gold point', f(score.pointsPerGold), `<= ${f(BARS.maxPointsPerGold)}`, mark(score.pointsPerGold <= BARS.maxPointsPerGold)],
  ];
  const lines = [
    `readouts-dev: ${docs.length} documents in one compare run (${compareMs.toFixed(0)} ms), ${result.events.length} events; ` +
      `${score.goldPoints} gold points, ${score.predictedPoints} predicted (${score.predictedConflicts} conflicts); found ${score.found}`,
    '',
    '| measure               | value | bar          | result |',
    '|-----------------------|-------|--------------|--------|',
    ...rows.map(([m, v, b, r]) => `| ${m.padEnd(21)} | ${v.padStart(5)} | ${b.padEnd(12)} | ${r} |`),
  ];
  if (grouping) lines.push('', `grouping: precision ${f(grouping.precision)}, recall ${f(grouping.recall)}`);
  if (opts.verbose) {
    lines.push('', 'gold point     gold status  predicted        ok');
    for (const m of score.matches) lines.push(`${m.gold.padEnd(14)} ${m.goldStatus.padEnd(12)} ${(m.predictedStatus ?? '-').padEnd(16)} ${m.statusOk ? 'yes' : 'no'}`);
    lines.push('', 'predicted points:');
    for (const e of result.events) {
      for (const p of e.points) {
        lines.push(`  [${p.status}] ${p.sources.join(' + ')}${p.reason ? ` (${p.reason})` : ''}`);
        for (const ev of p.evidence) lines.push(`      ${ev.document} ${ev.source}: ${ev.text.replace(/\s+/g, ' ').slice(0, 150)}`);
      }
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
