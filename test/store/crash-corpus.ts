/** The corpus the crash test writes: the same in the child and in the parent, analysed once per template. */
import type { AnalysedDocument } from '../../src/model/document.js';
import { bare } from './fixtures.js';

export const CRASH_DOCUMENTS = 2000;
/** Big enough that a batch takes a few hundred milliseconds: room for a kill to land inside it. */
export const CRASH_BATCH = 500;

const PARAGRAPH =
  'Officials from both governments met in Geneva on Tuesday to discuss the ceasefire and the exchange of prisoners. ' +
  'The talks lasted four hours, a spokesman said, and ended without a joint statement. ' +
  '"We made progress on the humanitarian questions," the envoy told reporters outside the hotel. ' +
  'Neither side gave a date for the next round, which diplomats expect before the end of the month.';

export function crashCorpus(): AnalysedDocument[] {
  const templates = [0, 1, 2].map((n) =>
    bare({ text: Array.from({ length: 6 + n }, (_, i) => `${i + 1}. ${PARAGRAPH}`).join('\n\n'), publisher: 'Wire' }),
  );
  return Array.from({ length: CRASH_DOCUMENTS }, (_, i) => {
    const a = templates[i % templates.length] as AnalysedDocument;
    return { ...a, doc: { ...a.doc, id: `crash-${String(i).padStart(4, '0')}`, contentHash: `content-${i}` } };
  });
}
