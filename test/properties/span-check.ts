/** Checks that every finding of an analysis lies inside its document and carries its text. */
import type { AnalysedDocument, Span } from '../../src/model/document.js';

/** Every problem with the spans of one analysis, as readable lines (empty when sound). */
export function spanProblems(a: AnalysedDocument): string[] {
  const text = a.doc.text;
  const problems: string[] = [];
  const inside = (what: string, s: Span | { start?: number | undefined; end?: number | undefined }): void => {
    const { start, end } = s;
    if (start === undefined && end === undefined) return;
    if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= (start as number) && (start as number) <= (end as number) && (end as number) <= text.length)) {
      problems.push(`${what}: span [${start}, ${end}) outside the text of length ${text.length}`);
    }
  };
  const same = (what: string, s: Span, written: string): void => {
    inside(what, s);
    if (text.slice(s.start, s.end) !== written) problems.push(`${what}: text ${JSON.stringify(written)} but the span holds ${JSON.stringify(text.slice(s.start, s.end))}`);
  };
  const pair = (what: string, [start, end]: [number, number]): Span => {
    inside(what, { start, end });
    return { start, end };
  };
  a.tokens.forEach((t, i) => same(`token ${i}`, t, t.text));
  a.sentences.forEach((s, i) => inside(`sentence ${i}`, s));
  a.times.forEach((t, i) => same(`time ${i}`, t, t.text));
  a.mentions.forEach((m, i) => same(`mention ${i}`, m, m.text));
  a.entities.forEach((e, i) => {
    inside(`entity ${i}`, e);
    e.mentions.forEach((m, k) => inside(`entity ${i} mention ${k}`, m));
  });
  a.attributions.forEach((at, i) => {
    inside(`attribution ${i}`, at);
    for (const [role, segment] of [['source', at.source], ['cue', at.cue], ['content', at.content]] as const) {
      if (!segment) continue;
      const pieces = segment.spans.map((p, k) => pair(`attribution ${i} ${role} piece ${k}`, p));
      // Pieces are joined with ' … ' in Segment.text; each piece is the text at its span.
      const joined = pieces.map((p) => text.slice(p.start, p.end)).join(' \u2026 ');
      if (joined !== segment.text) problems.push(`attribution ${i} ${role}: text ${JSON.stringify(segment.text)} is not its spans ${JSON.stringify(joined)}`);
      for (const p of pieces) if (p.start < at.start || p.end > at.end) problems.push(`attribution ${i} ${role} piece [${p.start}, ${p.end}) outside the attribution [${at.start}, ${at.end})`);
    }
  });
  a.events.forEach((e, i) => {
    inside(`event ${i}`, e);
    e.trigger.forEach((t, k) => inside(`event ${i} trigger ${k}`, t));
    e.mentions.forEach((m, k) => inside(`event ${i} mention ${k}`, m));
  });
  a.warnings.forEach((w, i) => inside(`warning ${i} (${w.code})`, w));
  return problems;
}
