/**
 * Pipeline throughput against its floor: bare wink-nlp `readDoc` of the same texts, in the same
 * run. Each is repeated and the median taken; per-stage times come from an instrumented pass.
 */
import { toDocument } from '../src/ingest/document.js';
import { emptyAnalysis, stages } from '../src/nlp/pipeline.js';
import { wink } from '../src/nlp/wink.js';
import type { GeneratedArticle } from './corpus.js';
import { median, round } from './stats.js';

export interface ThroughputFigures {
  documents: number;
  megabytes: number;
  floor_docs_per_s: number;
  floor_mb_per_s: number;
  pipeline_docs_per_s: number;
  pipeline_mb_per_s: number;
  ratio: number;
  /** Milliseconds per document spent in each stage (median of the repeats). */
  stage_ms_per_doc: Record<string, number>;
}

export function measureThroughput(corpus: readonly GeneratedArticle[], repeats: number): ThroughputFigures {
  const nlp = wink();
  const bytes = corpus.reduce((n, a) => n + Buffer.byteLength(a.text), 0);
  const docs = corpus.map((a) => toDocument({ text: a.text, date: a.date, publisher: a.publisher, title: a.title }));
  // Warm up both paths (JIT, lazy lexicons) so the first repeat is not an outlier.
  for (const d of docs.slice(0, 20)) {
    nlp.readDoc(d.text);
    runStages(d, new Map());
  }
  const floor: number[] = [];
  const pipeline: number[] = [];
  const perStage = new Map<string, number[]>();
  for (let r = 0; r < repeats; r++) {
    let t = performance.now();
    for (const d of docs) nlp.readDoc(d.text);
    floor.push(performance.now() - t);
    const stageTotals = new Map<string, number>();
    t = performance.now();
    for (const d of docs) runStages(d, stageTotals);
    pipeline.push(performance.now() - t);
    for (const [name, ms] of stageTotals) perStage.set(name, [...(perStage.get(name) ?? []), ms / docs.length]);
  }
  const floorMs = median(floor);
  const pipelineMs = median(pipeline);
  const mb = bytes / 1e6;
  return {
    documents: docs.length,
    megabytes: round(mb, 2),
    floor_docs_per_s: round((docs.length * 1000) / floorMs),
    floor_mb_per_s: round((mb * 1000) / floorMs, 2),
    pipeline_docs_per_s: round((docs.length * 1000) / pipelineMs),
    pipeline_mb_per_s: round((mb * 1000) / pipelineMs, 2),
    ratio: round(floorMs / pipelineMs, 3),
    stage_ms_per_doc: Object.fromEntries([...perStage].map(([k, v]) => [k, round(median(v), 3)])),
  };
}

function runStages(doc: ReturnType<typeof toDocument>, totals: Map<string, number>): void {
  const a = emptyAnalysis(doc);
  for (const stage of stages) {
    if (!a.analysed && stage.name !== 'language') continue;
    const t = performance.now();
    stage.run(a, {});
    totals.set(stage.name, (totals.get(stage.name) ?? 0) + performance.now() - t);
  }
}
