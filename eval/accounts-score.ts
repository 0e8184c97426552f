/**
 * Scoring of accounts and points against readouts-style gold (issue 4, "Measured"):
 *   - evidence match: same document, overlap >= 50% of the gold quote's length and >= 30% of the
 *     predicted span's length;
 *   - a gold point is found by a predicted point when, for every side the gold point names, the
 *     predicted point has an evidence item matching one of that side's quotes; one-to-one, greedy
 *     by total overlap;
 *   - point recall, status accuracy (over all gold points; `only:<side>` needs exactly that side's
 *     source), shared recall, conflict precision and recall, predicted points per gold point;
 *   - grouping: B-cubed precision, recall and F1 of the documents' main event against the gold event.
 */
import type { CompareResult, Point } from '../src/model/compare.js';

export interface GoldQuote {
  doc_id: string;
  quote: string;
}

export interface GoldPoint {
  event_id: string;
  point_id: string;
  summary: string;
  status: string;
  evidence: Record<string, GoldQuote[]>;
}

export interface PointMatch {
  gold: string;
  predicted: string | null;
  goldStatus: string;
  predictedStatus: string | null;
  statusOk: boolean;
}

export interface AccountsScore {
  goldPoints: number;
  predictedPoints: number;
  found: number;
  pointRecall: number;
  statusAccuracy: number;
  sharedRecall: number;
  goldShared: number;
  conflictPrecision: number;
  conflictRecall: number;
  predictedConflicts: number;
  goldConflicts: number;
  pointsPerGold: number;
  matches: PointMatch[];
}

interface Range {
  doc: string;
  start: number;
  end: number;
}

export function overlap(a: Range, b: Range): number {
  return a.doc === b.doc ? Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start)) : 0;
}

/** Overlap when a predicted span matches a gold quote by the definition, else 0. */
export function evidenceMatch(predicted: Range, gold: Range): number {
  const o = overlap(predicted, gold);
  const goldLength = gold.end - gold.start;
  const predictedLength = predicted.end - predicted.start;
  return o > 0 && o >= 0.5 * goldLength && o >= 0.3 * predictedLength ? o : 0;
}

/** Total overlap when `point` finds `gold`, else 0. */
function finds(point: Point, gold: ReadonlyMap<string, Range[]>): number {
  let total = 0;
  for (const quotes of gold.values()) {
    let best = 0;
    for (const ev of point.evidence) {
      const p = { doc: ev.document, start: ev.start, end: ev.end };
      for (const q of quotes) best = Math.max(best, evidenceMatch(p, q));
    }
    if (best === 0) return 0;
    total += best;
  }
  return total;
}

export function scorePoints(
  result: CompareResult,
  gold: readonly GoldPoint[],
  textOf: (doc: string) => string | undefined,
  sourceOfSide: (side: string) => string,
): AccountsScore {
  const predicted = result.events.flatMap((e) => e.points);
  const goldRanges = gold.map((g) => {
    const sides = new Map<string, Range[]>();
    for (const [side, quotes] of Object.entries(g.evidence)) {
      sides.set(
        side,
        quotes.flatMap((q) => {
          const text = textOf(q.doc_id);
          const at = text?.indexOf(q.quote) ?? -1;
          return at < 0 ? [] : [{ doc: q.doc_id, start: at, end: at + q.quote.length }];
        }),
      );
    }
    return sides;
  });
  const pairs: Array<{ g: number; p: number; total: number }> = [];
  gold.forEach((_, gi) => {
    predicted.forEach((point, pi) => {
      const total = finds(point, goldRanges[gi] as Map<string, Range[]>);
      if (total > 0) pairs.push({ g: gi, p: pi, total });
    });
  });
  pairs.sort((x, y) => y.total - x.total || x.g - y.g || x.p - y.p);
  const goldTaken = new Map<number, number>();
  const predTaken = new Set<number>();
  for (const { g, p } of pairs) {
    if (goldTaken.has(g) || predTaken.has(p)) continue;
    goldTaken.set(g, p);
    predTaken.add(p);
  }
  const statusOk = (g: GoldPoint, p: Point): boolean => {
    if (g.status.startsWith('only:')) return p.status === 'only' && p.sources.length === 1 && p.sources[0] === sourceOfSide(g.status.slice(5));
    return p.status === g.status;
  };
  const matches: PointMatch[] = gold.map((g, gi) => {
    const pi = goldTaken.get(gi);
    const p = pi === undefined ? undefined : predicted[pi];
    return {
      gold: g.point_id,
      predicted: p?.id ?? null,
      goldStatus: g.status,
      predictedStatus: p ? (p.status === 'only' ? `only:${p.sources.join('+')}` : p.status) : null,
      statusOk: p ? statusOk(g, p) : false,
    };
  });
  const found = matches.filter((m) => m.predicted).length;
  const goldShared = gold.filter((g) => g.status === 'shared').length;
  const goldConflicts = gold.filter((g) => g.status === 'conflict').length;
  const predictedConflicts = predicted.filter((p) => p.status === 'conflict').length;
  const conflictHits = [...goldTaken.entries()].filter(([gi, pi]) => gold[gi]?.status === 'conflict' && predicted[pi]?.status === 'conflict').length;
  const ratio = (n: number, d: number): number => (d === 0 ? 0 : n / d);
  return {
    goldPoints: gold.length,
    predictedPoints: predicted.length,
    found,
    pointRecall: ratio(found, gold.length),
    statusAccuracy: ratio(matches.filter((m) => m.statusOk).length, gold.length),
    sharedRecall: ratio(matches.filter((m) => m.statusOk && m.goldStatus === 'shared').length, goldShared),
    goldShared,
    conflictPrecision: ratio(conflictHits, predictedConflicts),
    conflictRecall: ratio(conflictHits, goldConflicts),
    predictedConflicts,
    goldConflicts,
    pointsPerGold: ratio(predicted.length, gold.length),
    matches,
  };
}

export interface GroupingScore {
  precision: number;
  recall: number;
  f1: number;
}

/** B-cubed over documents; a document without a main event is a cluster of its own. */
export function bcubed(predicted: ReadonlyMap<string, string | null>, gold: ReadonlyMap<string, string>): GroupingScore {
  const docs = [...gold.keys()];
  const cluster = (d: string): string => predicted.get(d) ?? `none:${d}`;
  let p = 0;
  let r = 0;
  for (const d of docs) {
    const samePred = docs.filter((x) => cluster(x) === cluster(d));
    const sameGold = docs.filter((x) => gold.get(x) === gold.get(d));
    const both = samePred.filter((x) => gold.get(x) === gold.get(d)).length;
    p += both / samePred.length;
    r += both / sameGold.length;
  }
  const precision = docs.length ? p / docs.length : 0;
  const recall = docs.length ? r / docs.length : 0;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}
