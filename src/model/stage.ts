import type { AnalysedDocument } from './document.js';

/** Shared, read-only resources the stages use (the NLP engine, lexicons). Built once per process. */
export interface PipelineContext {
  /** Stage names to skip (benchmarks measure stages one by one). */
  readonly skip?: ReadonlySet<string>;
}

/**
 * A stage has one job: read what earlier stages found and add its own findings (or warnings) to the
 * document. It throws only for programmer errors.
 */
export interface Stage {
  readonly name: string;
  run(doc: AnalysedDocument, ctx: PipelineContext): void;
}
