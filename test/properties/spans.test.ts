/**
 * Provenance as a property: for any news-like text with any Unicode noise, every finding's span lies
 * inside its document and the text it carries is the document's text at that span (UTF-16 offsets
 * of the text exactly as received). Compare's claims and evidence too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDocument } from '../../src/ingest/document.js';
import { compare } from '../../src/link/compare.js';
import { analyse } from '../../src/nlp/pipeline.js';
import { newsRecord, newsText } from './grammar.js';
import { spanProblems } from './span-check.js';

describe('every finding lies inside its document and carries its text', () => {
  it('holds for generated news text with Unicode noise', () => {
    const seen = { times: 0, mentions: 0, attributions: 0, sources: 0, events: 0 };
    fc.assert(
      fc.property(newsText, (text) => {
        const a = analyse(toDocument({ text }));
        expect(spanProblems(a)).toEqual([]);
        seen.times += a.times.length;
        seen.mentions += a.mentions.length;
        seen.attributions += a.attributions.length;
        seen.sources += a.attributions.filter((x) => x.source).length;
        seen.events += a.events.length;
      }),
      { numRuns: 60 },
    );
    // The grammar must give the stages something to find, or the property says nothing.
    for (const [kind, n] of Object.entries(seen)) expect(n, kind).toBeGreaterThan(20);
  }, 60_000);

  it('holds after a date header, whose line is not analysed but still counts in the offsets', () => {
    fc.assert(
      fc.property(newsText, fc.constantFrom('date 2023-07-13\n', '  date: 2024-01-05 \n\n', 'date 2023-07-13 '), (text, header) => {
        const a = analyse(toDocument({ text: header + text, bodyStart: header.length, date: '2023-07-13' }));
        expect(spanProblems(a)).toEqual([]);
        for (const s of a.sentences) expect(s.start).toBeGreaterThanOrEqual(header.length);
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});

describe("compare's claims and evidence quote their documents exactly", () => {
  it('holds across generated documents', () => {
    let quoted = 0;
    fc.assert(
      fc.property(fc.array(newsRecord, { minLength: 2, maxLength: 5 }), (records) => {
        const docs = records.map((r) => analyse(toDocument(r)));
        const byId = new Map(docs.map((a) => [a.doc.id, a.doc.text]));
        const result = compare(docs);
        for (const event of result.events) {
          for (const account of event.accounts) {
            quoted += account.claims.length;
            for (const claim of account.claims) expect(byId.get(claim.document)?.slice(claim.start, claim.end), `claim ${claim.id}`).toBe(claim.text);
          }
          for (const point of event.points) {
            quoted += point.evidence.length;
            for (const ev of point.evidence) expect(byId.get(ev.document)?.slice(ev.start, ev.end), `evidence of ${point.id}`).toBe(ev.text);
          }
          for (const d of event.documents) expect(byId.has(d)).toBe(true);
        }
      }),
      { numRuns: 15 },
    );
    expect(quoted).toBeGreaterThan(20);
  }, 90_000);
});
