/**
 * The sentences stage's output (tokens with offsets, POS and lemmas; sentences) is pinned by digest
 * on the seed article, 50 generated news articles and two awkward texts, so that speeding the stage
 * up cannot change what it finds. After an intended change, regenerate the digests with
 * `RASHOMON_UPDATE_GOLDEN=1 npx vitest run test/nlp/sentences-golden.test.ts` and say why in the commit.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articles } from '../../bench/corpus.js';
import { toDocument } from '../../src/ingest/document.js';
import { readInputs } from '../../src/ingest/inputs.js';
import type { Document } from '../../src/model/document.js';
import { emptyAnalysis } from '../../src/nlp/pipeline.js';
import { sentencesStage } from '../../src/nlp/sentences/stage.js';

const SEED = new URL('../../examples/naryshkin-burns-2023-07-13.txt', import.meta.url);
const GOLDEN = new URL('../fixtures/sentences-golden.json', import.meta.url);

async function corpus(): Promise<Document[]> {
  const docs: Document[] = [];
  for await (const input of readInputs([SEED.pathname])) if (input.ok) docs.push(toDocument(input.record));
  for (const a of articles(50, 7)) docs.push(toDocument({ id: a.id, text: a.text, date: a.date, publisher: a.publisher }));
  // One paragraph longer than the stage parses at once, and odd spacing and quotes.
  const long = Array.from({ length: 400 }, (_, i) => `Officials said talks number ${i} ended without agreement`).join(', and ');
  docs.push(toDocument({ id: 'long-paragraph', text: `${long}.` }));
  docs.push(toDocument({ id: 'odd-spacing', text: 'Title line\r\n\r\n“We disagree,” she said.\u00a0He left.\n \n\tU.S. officials—who declined—said 3.5% was “fine.”' }));
  return docs;
}

function digest(doc: Document): string {
  const a = emptyAnalysis(doc);
  sentencesStage.run(a, {});
  return createHash('sha256').update(JSON.stringify({ tokens: a.tokens, sentences: a.sentences })).digest('hex');
}

describe('sentences stage output', () => {
  it('is unchanged on the seed, 50 generated articles and two awkward texts', async () => {
    const docs = await corpus();
    expect(docs).toHaveLength(53);
    const got = Object.fromEntries(docs.map((d) => [d.id, digest(d)]));
    if (process.env['RASHOMON_UPDATE_GOLDEN'] === '1') writeFileSync(GOLDEN, `${JSON.stringify(got, null, 2)}\n`);
    const expected = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, string>;
    expect(got).toEqual(expected);
  });
});
