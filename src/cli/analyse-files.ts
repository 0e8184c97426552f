/**
 * For the in-memory commands (attributions, entities, compare): read inputs and run the pipeline
 * without a store. Failures are reported on stderr and counted; the rest go on.
 */
import { toDocument } from '../ingest/document.js';
import { readInputs } from '../ingest/inputs.js';
import type { AnalysedDocument } from '../model/document.js';
import { analyse } from '../nlp/pipeline.js';

export interface AnalysedInput {
  /** The path as the user gave it (for a file), or the record's own path for JSONL/feeds. */
  path: string;
  analysis: AnalysedDocument;
}

export async function analyseFiles(paths: string[]): Promise<{ documents: AnalysedInput[]; failed: number }> {
  const documents: AnalysedInput[] = [];
  let failed = 0;
  for await (const input of readInputs(paths, paths.includes('-') ? { stdin: process.stdin } : {})) {
    if (!input.ok) {
      failed++;
      process.stderr.write(`error: ${input.path}${input.line !== undefined ? `:${input.line}` : ''}: ${input.reason}\n`);
      continue;
    }
    const record = input.record;
    const analysis = analyse(toDocument(record));
    if (record.warnings) analysis.warnings.unshift(...record.warnings);
    documents.push({ path: record.path ?? analysis.doc.id, analysis });
  }
  return { documents, failed };
}
