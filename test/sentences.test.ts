import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toDocument } from '../src/ingest/document.js';
import { analyse } from '../src/nlp/pipeline.js';

describe('sentences stage', () => {
  it('gives sentences and tokens whose offsets slice the original text', () => {
    const text = 'Headline without a stop\n\nBurns called Naryshkin. "It was brief," he said.\n';
    const a = analyse(toDocument({ text }));
    expect(a.sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      'Headline without a stop',
      'Burns called Naryshkin.',
      '"It was brief," he said.',
    ]);
    for (const t of a.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(a.tokens.find((t) => t.text === 'called')?.lemma).toBe('call');
  });

  it('keeps offsets into the whole file when a date header precedes the body', () => {
    const text = readFileSync(new URL('../examples/naryshkin-burns-2023-07-13.txt', import.meta.url), 'utf8');
    const bodyStart = text.indexOf('Head of');
    const a = analyse(toDocument({ text, bodyStart }));
    const first = a.sentences[0];
    expect(first && text.slice(first.start, first.end)).toMatch(/^Head of Russia’s Foreign Intelligence Service/);
    expect(a.sentences.length).toBeGreaterThan(20);
  });
});
