/**
 * Scores event grouping with the definition of issue 4: B-cubed precision, recall and F1 of the
 * documents' main event against the gold event, over all documents of a set fed together in one
 * run. Every document runs through the real pipeline.
 *
 *   node <build>/eval/events.js [--set basil-dev|readouts-dev|all] [--json] [--errors] [--threshold X]
 *
 * The sets are read from `../shared/data/` beside the repository (research data, never copied
 * in); a set whose file is absent is reported as skipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { toDocument } from '../src/ingest/document.js';
import { readJsonlText } from '../src/ingest/jsonl.js';
import { groupEvents } from '../src/link/events.js';
import type { AnalysedDocument } from '../src/model/document.js';
import { analyse, stages } from '../src/nlp/pipeline.js';
import { packagePath } from '../src/paths.js';
import { bcubed, type BCubed } from './bcubed.js';

const { values: opts } = parseArgs({
  options: {
    set: { type: 'string', default: 'all' },
    json: { type: 'boolean', default: false },
    errors: { type: 'boolean', default: false },
    /** Story similarity threshold, to see how the score depends on it (default: the library's). */
    threshold: { type: 'string' },
  },
});

interface EvalSet {
  name: string;
  file: string;
  /** Bar on B-cubed F1 (issue 4). */
  bar: number;
}

const SETS: EvalSet[] = [
  { name: 'basil-dev', file: packagePath('..', 'shared', 'data', 'basil-dev', 'articles.jsonl'), bar: 0.9 },
  { name: 'readouts-dev', file: packagePath('..', 'shared', 'data', 'readouts-dev', 'docs.jsonl'), bar: 1.0 },
];

interface SetResult extends BCubed {
  set: string;
  documents: number;
  events: number;
  predictedEvents: number;
  bar: number;
  pass: boolean;
  eventsMsPerDocument: number;
  groupingMs: number;
  comparisons: number;
  errors?: string[];
}

function run(set: EvalSet): SetResult | { set: string; skipped: string } {
  if (!existsSync(set.file)) return { set: set.name, skipped: `data absent (${set.file})` };
  const text = readFileSync(set.file, 'utf8');
  const gold = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const raw = JSON.parse(line) as { id?: string; event?: string };
    if (raw.id && raw.event) gold.set(raw.id, raw.event);
  }
  const docs: AnalysedDocument[] = [];
  let eventsMs = 0;
  const before = stages.filter((s) => s.name !== 'events');
  const events = stages.find((s) => s.name === 'events');
  for (const result of readJsonlText(text, set.file)) {
    if (!result.ok) throw new Error(`${result.path}:${result.line ?? '?'}: ${result.reason}`);
    const a = analyse(toDocument(result.record), {}, before);
    const t = performance.now();
    if (events && a.analysed) events.run(a, {});
    eventsMs += performance.now() - t;
    docs.push(a);
  }
  const t = performance.now();
  const grouping = groupEvents(docs, opts.threshold ? { storyThreshold: Number(opts.threshold) } : {});
  const groupingMs = performance.now() - t;
  const score = bcubed(grouping.mainEvent, gold);
  const predicted = new Set([...grouping.mainEvent.values()].map((v, i) => v ?? `null${i}`));
  const out: SetResult = {
    set: set.name,
    ...score,
    documents: docs.length,
    events: new Set(gold.values()).size,
    predictedEvents: predicted.size,
    bar: set.bar,
    pass: score.f1 >= set.bar,
    eventsMsPerDocument: eventsMs / Math.max(1, docs.length),
    groupingMs,
    comparisons: grouping.comparisons,
  };
  if (opts.errors) out.errors = errorsOf(docs, grouping.mainEvent, gold, grouping.events);
  return out;
}

/** Gold events split over several predicted groups, and predicted groups over several gold events. */
function errorsOf(
  docs: AnalysedDocument[],
  main: Map<string, string | null>,
  gold: Map<string, string>,
  groups: ReturnType<typeof groupEvents>['events'],
): string[] {
  const labels = new Map(groups.map((g) => [g.id, g.label]));
  const byId = new Map(docs.map((a) => [a.doc.id, a]));
  const lines: string[] = [];
  const show = (id: string): string => {
    const a = byId.get(id);
    const g = main.get(id) ?? null;
    return `    ${id} ${a?.doc.date ?? ''} [${g ?? 'none'} ${g ? labels.get(g) : ''}] ${a?.doc.title ?? ''}`;
  };
  const goldClasses = new Map<string, string[]>();
  for (const [id, e] of gold) goldClasses.set(e, [...(goldClasses.get(e) ?? []), id]);
  for (const [e, ids] of goldClasses) {
    if (new Set(ids.map((id) => main.get(id) ?? `none:${id}`)).size > 1) lines.push(`split ${e}`, ...ids.map(show));
  }
  const clusters = new Map<string, string[]>();
  for (const [id, g] of main) if (g) clusters.set(g, [...(clusters.get(g) ?? []), id]);
  for (const [g, ids] of clusters) {
    if (new Set(ids.map((id) => gold.get(id))).size > 1) lines.push(`merged ${g} ${labels.get(g) ?? ''}`, ...ids.map(show));
  }
  return lines;
}

function fmt(x: number): string {
  return x.toFixed(3);
}

function main(): void {
  const chosen = opts.set === 'all' ? SETS : SETS.filter((s) => s.name === opts.set);
  if (chosen.length === 0) {
    process.stderr.write(`unknown set "${opts.set}": use ${SETS.map((s) => s.name).join(', ')} or all\n`);
    process.exitCode = 2;
    return;
  }
  const results = chosen.map(run);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ results })}\n`);
    return;
  }
  const lines = [
    'Event grouping: B-cubed over the documents\' main events (issue 4)',
    '',
    '| set          | docs | gold ev | pred ev | P     | R     | F1    | bar  | result | events ms/doc | grouping ms |',
    '|--------------|------|---------|---------|-------|-------|-------|------|--------|---------------|-------------|',
  ];
  const details: string[] = [];
  for (const r of results) {
    if ('skipped' in r) {
      lines.push(`| ${r.set.padEnd(12)} | skipped: ${r.skipped}`);
      continue;
    }
    lines.push(
      `| ${r.set.padEnd(12)} | ${String(r.documents).padStart(4)} | ${String(r.events).padStart(7)} | ${String(r.predictedEvents).padStart(7)} | ${fmt(r.precision)} | ${fmt(r.recall)} | ${fmt(r.f1)} | ${r.bar.toFixed(2)} | ${(r.pass ? 'pass' : 'below').padEnd(6)} | ${r.eventsMsPerDocument.toFixed(2).padStart(13)} | ${r.groupingMs.toFixed(1).padStart(11)} |`,
    );
    if (r.errors && r.errors.length > 0) details.push('', `${r.set}:`, ...r.errors);
  }
  process.stdout.write(`${[...lines, ...details].join('\n')}\n`);
}

main();
