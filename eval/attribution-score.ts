/**
 * Scoring of attributions against PolNeAR, with exactly the definitions of issue 3 ("Measured"):
 * - each contiguous piece of a role is one segment, trimmed of whitespace and `` " ' “ ” ‘ ’ ` , . ; ``
 *   at both ends (a piece that would trim to nothing stays as it is);
 * - exact: identical trimmed boundaries; overlap: one-to-one greedy matching on character Jaccard >= 0.5;
 * - attribution level: one-to-one, cues overlap, contents (pieces together) Jaccard >= 0.5, and both
 *   sources absent or Jaccard >= 0.5;
 * - micro-averaged precision, recall and F1.
 * A role's segments are the distinct pieces of a document (one source shared by two relations, as in
 * "X said A and added B", is one segment).
 */
import type { GoldAttribution, Piece, Role } from './polnear.js';

export interface Counts {
  predicted: number;
  gold: number;
  matched: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export interface Tally {
  exact: Record<Role, Counts>;
  overlap: Record<Role, Counts>;
  attribution: Counts;
}

const TRIM = new Set([...' \t\n\r\f\v\u00a0"\'“”‘’`,.;']);

export function trimPiece(text: string, [start, end]: Piece): Piece {
  let s = start;
  let e = end;
  while (s < e && TRIM.has(text[s] ?? '')) s++;
  while (e > s && TRIM.has(text[e - 1] ?? '')) e--;
  return s < e ? [s, e] : [start, end];
}

export function emptyTally(): Tally {
  const zero = (): Counts => ({ predicted: 0, gold: 0, matched: 0 });
  return {
    exact: { source: zero(), cue: zero(), content: zero() },
    overlap: { source: zero(), cue: zero(), content: zero() },
    attribution: zero(),
  };
}

export function prf(c: Counts): Prf {
  const precision = c.predicted === 0 ? 0 : c.matched / c.predicted;
  const recall = c.gold === 0 ? 0 : c.matched / c.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Adds one document's comparison to the running tally. */
export function scoreDocument(
  text: string,
  gold: readonly GoldAttribution[],
  predicted: readonly GoldAttribution[],
  tally: Tally,
): void {
  for (const role of ['source', 'cue', 'content'] as const) {
    const g = segments(text, gold, role);
    const p = segments(text, predicted, role);
    const goldKeys = new Set(g.map(key));
    const exact = tally.exact[role];
    exact.gold += g.length;
    exact.predicted += p.length;
    exact.matched += p.filter((piece) => goldKeys.has(key(piece))).length;
    const overlap = tally.overlap[role];
    overlap.gold += g.length;
    overlap.predicted += p.length;
    overlap.matched += greedyMatch(p, g, (a, b) => jaccard([a], [b])).length;
  }
  const trimmedGold = gold.map((a) => trimAttribution(text, a));
  const trimmedPred = predicted.map((a) => trimAttribution(text, a));
  tally.attribution.gold += gold.length;
  tally.attribution.predicted += predicted.length;
  tally.attribution.matched += greedyMatch(trimmedPred, trimmedGold, attributionSimilarity).length;
}

function segments(text: string, attributions: readonly GoldAttribution[], role: Role): Piece[] {
  const seen = new Map<string, Piece>();
  for (const a of attributions) {
    for (const piece of a[role] ?? []) {
      const t = trimPiece(text, piece);
      seen.set(key(t), t);
    }
  }
  return [...seen.values()];
}

function key([s, e]: Piece): string {
  return `${s}:${e}`;
}

function trimAttribution(text: string, a: GoldAttribution): GoldAttribution {
  return {
    source: a.source ? a.source.map((p) => trimPiece(text, p)) : null,
    cue: a.cue.map((p) => trimPiece(text, p)),
    content: a.content.map((p) => trimPiece(text, p)),
  };
}

/** Similarity used to rank attribution pairs, or -1 when they do not match. */
function attributionSimilarity(p: GoldAttribution, g: GoldAttribution): number {
  if (overlapLength(p.cue, g.cue) === 0) return -1;
  const content = jaccard(p.content, g.content);
  if (content < 0.5) return -1;
  if (p.source === null && g.source === null) return content;
  if (p.source === null || g.source === null) return -1;
  const source = jaccard(p.source, g.source);
  return source < 0.5 ? -1 : content + source;
}

/**
 * One-to-one greedy matching: all pairs with similarity >= 0.5 (or >= 0 for scores that are -1 on
 * failure), best first, ties broken by position; returns the matched pairs.
 */
export function greedyMatch<T>(
  predicted: readonly T[],
  gold: readonly T[],
  similarity: (p: T, g: T) => number,
  threshold = 0.5,
): Array<[number, number]> {
  const pairs: Array<[number, number, number]> = [];
  for (let i = 0; i < predicted.length; i++) {
    for (let j = 0; j < gold.length; j++) {
      const s = similarity(predicted[i] as T, gold[j] as T);
      if (s >= threshold) pairs.push([s, i, j]);
    }
  }
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const out: Array<[number, number]> = [];
  for (const [, i, j] of pairs) {
    if (usedP.has(i) || usedG.has(j)) continue;
    usedP.add(i);
    usedG.add(j);
    out.push([i, j]);
  }
  return out;
}

/** Character Jaccard of two sets of pieces (each set taken together). */
export function jaccard(a: readonly Piece[], b: readonly Piece[]): number {
  const ma = merge(a);
  const mb = merge(b);
  const inter = overlapLength(ma, mb);
  const union = length(ma) + length(mb) - inter;
  return union === 0 ? 0 : inter / union;
}

function merge(pieces: readonly Piece[]): Piece[] {
  const sorted = [...pieces].sort((x, y) => x[0] - y[0]);
  const out: Piece[] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

function length(pieces: readonly Piece[]): number {
  let n = 0;
  for (const [s, e] of pieces) n += e - s;
  return n;
}

function overlapLength(a: readonly Piece[], b: readonly Piece[]): number {
  const ma = merge(a);
  const mb = merge(b);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < ma.length && j < mb.length) {
    const [as, ae] = ma[i] as Piece;
    const [bs, be] = mb[j] as Piece;
    n += Math.max(0, Math.min(ae, be) - Math.max(as, bs));
    if (ae < be) i++;
    else j++;
  }
  return n;
}
