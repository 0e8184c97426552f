/**
 * An analysis worker (worker_threads): loads the pipeline (and wink's model) once, then analyses
 * each batch it is sent and replies with one outcome per document, in order. A stage that throws on
 * one document costs that document only. Run by workers.ts from the built file (dist/src/ingest/).
 */
import { parentPort } from 'node:worker_threads';
import type { Document } from '../model/document.js';
import { analyse } from '../nlp/pipeline.js';
import { toDocument } from './document.js';
import { encodeAnalysis } from './worker-transfer.js';
import type { AnalyseReply, AnalyseRequest, WireOutcome } from './workers.js';

function analyseOne(doc: Document): WireOutcome {
  try {
    return { ok: true, bytes: encodeAnalysis(analyse(doc)) };
  } catch (error) {
    const e = error as Error;
    return { ok: false, reason: e?.message ?? String(error), stack: e?.stack ?? null };
  }
}

const port = parentPort;
if (!port) throw new Error('worker.ts runs as a worker thread (see workers.ts), not as a script');
// Load the model and lexicons before saying ready, so the first batch does not pay for them.
analyse(toDocument({ text: 'Officials said on Monday that the talks in Geneva would go on.' }));
port.on('message', (request: AnalyseRequest) => {
  const reply: AnalyseReply = { job: request.job, outcomes: request.docs.map(analyseOne) };
  port.postMessage(reply);
});
port.postMessage({ ready: true });
