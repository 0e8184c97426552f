/**
 * Lexical alignment of claims across accounts. For every pair of accounts, claims are paired one to
 * one, most similar pair first, among pairs that are alike enough, share at least two terms, and
 * are each nearly the other's best match (a sentence that merely shares the topic with a closer pair
 * does not join it), from different documents. Terms come from terms.ts, weighted by TermWeights over the event's claims.
 */
import type { HeldClaim } from './claims.js';
import { sharingPairs, type TermWeights } from './similarity.js';
import type { TermKind } from './terms.js';

export interface Link {
  /** Indexes into the event's claims, `a < b`. */
  a: number;
  b: number;
  similarity: number;
}

/** Least similarity for two claims to be one point. Measured on readouts-dev (eval/accounts.ts). */
export const MIN_SIMILARITY = 0.15;
/** A pair's similarity must be at least this share of each claim's best match on the other side. */
export const NEAR_MUTUAL = 0.8;
/** Shared terms a pair needs beyond the sides' own countries: one shared word is a topic, not a point. */
const MIN_SHARED_TERMS = 2;

type Terms = ReadonlyMap<string, TermKind>;

export function agreementLinks(claims: readonly HeldClaim[], terms: readonly Terms[], weights: TermWeights): Link[] {
  // Similarities of the pairs that can be alike at all (they share a term), by holder pair.
  const sims = new Map<string, Array<{ i: number; j: number; s: number }>>();
  const bestKey = (i: number, holder: string): string => `${i}\u0000${holder}`;
  const bestOn = new Map<string, number>();
  for (const [i, j] of sharingPairs(terms)) {
    const x = claims[i] as HeldClaim;
    const y = claims[j] as HeldClaim;
    if (x.holder === y.holder) continue;
    const s = weights.cosine(terms[i] as Terms, terms[j] as Terms);
    if (s <= 0) continue;
    const [a, b] = x.holder < y.holder ? [i, j] : [j, i];
    const key = `${(claims[a] as HeldClaim).holder}\u0000${(claims[b] as HeldClaim).holder}`;
    const list = sims.get(key) ?? [];
    list.push({ i: a, j: b, s });
    sims.set(key, list);
    // Each claim's best similarity to each other account.
    for (const [c, other] of [[i, y.holder], [j, x.holder]] as const) bestOn.set(bestKey(c, other), Math.max(bestOn.get(bestKey(c, other)) ?? 0, s));
  }
  const links: Link[] = [];
  for (const key of [...sims.keys()].sort()) {
    const candidates = (sims.get(key) ?? []).filter(({ i, j, s }) => {
      const x = claims[i] as HeldClaim;
      const y = claims[j] as HeldClaim;
      if (s < MIN_SIMILARITY) return false;
      if (s < NEAR_MUTUAL * (bestOn.get(bestKey(i, y.holder)) ?? 0) || s < NEAR_MUTUAL * (bestOn.get(bestKey(j, x.holder)) ?? 0)) return false;
      // One article saying a thing in its own words and in a quote is not two accounts agreeing.
      if (x.claim.document === y.claim.document) return false;
      const ti = terms[i] as Terms;
      return weights.shared(ti, terms[j] as Terms).filter((t) => ti.get(t) !== 'side').length >= MIN_SHARED_TERMS;
    });
    candidates.sort((p, q) => q.s - p.s || p.i - q.i || p.j - q.j);
    const used = new Set<number>();
    for (const { i, j, s } of candidates) {
      if (used.has(i) || used.has(j)) continue;
      used.add(i);
      used.add(j);
      links.push({ a: Math.min(i, j), b: Math.max(i, j), similarity: s });
    }
  }
  return links.sort((p, q) => p.a - q.a || p.b - q.b);
}
