/**
 * The pipeline: one ordered list of stages. Each stage reads what the earlier ones found and adds
 * its own findings; this list is the whole of what happens to a document.
 */
import type { AnalysedDocument, Document } from '../model/document.js';
import type { PipelineContext, Stage } from '../model/stage.js';
import { languageStage } from './language/stage.js';
import { sentencesStage } from './sentences/stage.js';
import { timeStage } from './time/stage.js';
import { entitiesStage } from './entities/stage.js';
import { attributionStage } from './attribution/stage.js';
import { eventsStage } from './events/stage.js';

export const stages: readonly Stage[] = [
  languageStage,
  sentencesStage,
  timeStage,
  entitiesStage,
  attributionStage,
  eventsStage,
];

/** Stages that run even on text the pipeline does not analyse (language detection). */
const ALWAYS = new Set(['language']);

export function emptyAnalysis(doc: Document): AnalysedDocument {
  return {
    doc,
    analysed: true,
    tokens: [],
    sentences: [],
    times: [],
    mentions: [],
    entities: [],
    attributions: [],
    events: [],
    warnings: [],
  };
}

export function analyse(doc: Document, ctx: PipelineContext = {}, list: readonly Stage[] = stages): AnalysedDocument {
  const a = emptyAnalysis(doc);
  for (const stage of list) {
    if (ctx.skip?.has(stage.name)) continue;
    if (!a.analysed && !ALWAYS.has(stage.name)) continue;
    stage.run(a, ctx);
  }
  return a;
}
