/**
 * How alike two claims are: cosine over their term sets, each term weighted by its inverse document
 * frequency among the event's claims, so that what every claim about the event says ("Russia",
 * "cooperation" in a readout full of it) counts for little and a rare shared word ("Syria",
 * "Surfside") for much.
 */
import { KIND_WEIGHT, type TermKind } from './terms.js';

export class TermWeights {
  private readonly idf = new Map<string, number>();
  private readonly total: number;

  constructor(termSets: ReadonlyArray<ReadonlyMap<string, TermKind>>) {
    this.total = termSets.length;
    const df = new Map<string, number>();
    for (const set of termSets) for (const t of set.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    for (const [t, n] of df) this.idf.set(t, Math.log(1 + this.total / n));
  }

  weight(term: string, kind: TermKind): number {
    return (this.idf.get(term) ?? Math.log(1 + this.total)) * KIND_WEIGHT[kind];
  }

  norm(set: ReadonlyMap<string, TermKind>): number {
    let sum = 0;
    for (const [t, k] of set) sum += this.weight(t, k) ** 2;
    return Math.sqrt(sum);
  }

  /** Weighted cosine of two term sets, in [0, 1]. */
  cosine(x: ReadonlyMap<string, TermKind>, y: ReadonlyMap<string, TermKind>): number {
    const nx = this.norm(x);
    const ny = this.norm(y);
    if (nx === 0 || ny === 0) return 0;
    let dot = 0;
    for (const [t, k] of x) if (y.has(t)) dot += this.weight(t, k) ** 2;
    return dot / (nx * ny);
  }

  /** The shared terms, heaviest first (for explaining a match). */
  shared(x: ReadonlyMap<string, TermKind>, y: ReadonlyMap<string, TermKind>): string[] {
    const w = (t: string): number => this.weight(t, x.get(t) ?? 'noun');
    return [...x.keys()].filter((t) => y.has(t)).sort((a, b) => w(b) - w(a) || a.localeCompare(b));
  }
}

/**
 * A term in more claims than this says nothing about which two belong together ("cooperation" in a
 * thousand claims about one summit); pairs are not looked for through it, so that the work grows
 * with the claims, not with their square.
 */
const MAX_POSTING = 200;

/**
 * Pairs of claims that share at least one term other than the sides' own countries: the only pairs
 * whose similarity can reach a threshold, found through an inverted index instead of trying every
 * pair. Each pair once, `i < j`, in order.
 */
export function sharingPairs(terms: ReadonlyArray<ReadonlyMap<string, TermKind>>): Array<[number, number]> {
  const postings = new Map<string, number[]>();
  terms.forEach((set, i) => {
    for (const [t, kind] of set) {
      if (kind === 'side') continue;
      const list = postings.get(t);
      if (list) list.push(i);
      else postings.set(t, [i]);
    }
  });
  const seen = new Set<number>();
  const out: Array<[number, number]> = [];
  const n = terms.length;
  for (const list of postings.values()) {
    if (list.length > MAX_POSTING) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x] as number;
        const j = list[y] as number;
        const key = i * n + j;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push([i, j]);
      }
    }
  }
  return out.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}
