/**
 * What the events stage looks up for every trigger, indexed once per document: which entity
 * mention, time expression and attributed content each token is part of.
 */
import type { AnalysedDocument, Span, Token } from '../../model/document.js';
import type { EntityFinding, Mention, Sentence } from '../../model/findings.js';

export class EventContext {
  readonly tokens: readonly Token[];
  /** Token index -> index into `a.mentions` of the outermost mention covering it, or -1. */
  readonly mentionAt: Int32Array;
  /** Token index -> index into `a.times`, or -1. */
  readonly timeAt: Int32Array;
  /** Token index -> index of the attribution whose content covers it, or -1. */
  readonly contentAt: Int32Array;
  readonly entities: ReadonlyMap<string, EntityFinding>;

  constructor(readonly a: AnalysedDocument) {
    this.tokens = a.tokens;
    const n = a.tokens.length;
    this.mentionAt = new Int32Array(n).fill(-1);
    this.timeAt = new Int32Array(n).fill(-1);
    this.contentAt = new Int32Array(n).fill(-1);
    this.markSorted(this.mentionAt, a.mentions);
    this.markSorted(this.timeAt, a.times);
    a.attributions.forEach((at, k) => {
      for (const [start, end] of at.content.spans) this.mark(this.contentAt, { start, end }, k);
    });
    this.entities = new Map(a.entities.map((e) => [e.key, e]));
  }

  token(i: number): Token | undefined {
    return this.tokens[i];
  }

  norm(i: number): string {
    return this.tokens[i]?.norm ?? '';
  }

  pos(i: number): string {
    return this.tokens[i]?.pos ?? '';
  }

  mention(i: number): Mention | null {
    const k = this.mentionAt[i] ?? -1;
    return k < 0 ? null : (this.a.mentions[k] ?? null);
  }

  sentence(i: number): Sentence | undefined {
    const t = this.tokens[i];
    return t ? this.a.sentences[t.sentence] : undefined;
  }

  /** First token index at or after `offset`. */
  tokenAt(offset: number): number {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.tokens[mid] as Token).start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Marks the tokens inside each span with the span's index, outer spans first, for spans in
   * order of start (mentions and times are): one pass over the tokens, no search.
   */
  private markSorted(into: Int32Array, spans: readonly Span[]): void {
    const tokens = this.tokens;
    let first = 0;
    for (let k = 0; k < spans.length; k++) {
      const span = spans[k] as Span;
      while (first < tokens.length && (tokens[first] as Token).start < span.start) first++;
      for (let i = first; i < tokens.length; i++) {
        const t = tokens[i] as Token;
        if (t.end > span.end) break;
        if ((into[i] as number) < 0) into[i] = k;
      }
    }
  }

  /** Marks the tokens inside `span` with `value` where nothing is marked yet (outer spans first). */
  private mark(into: Int32Array, span: Span, value: number): void {
    for (let i = this.tokenAt(span.start); i < this.tokens.length; i++) {
      const t = this.tokens[i] as Token;
      if (t.end > span.end) break;
      if ((into[i] ?? -1) < 0) into[i] = value;
    }
  }
}
