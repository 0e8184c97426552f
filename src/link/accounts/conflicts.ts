/**
 * Conflicts between two aligned claims of different accounts, by kind:
 *   - a hedge against a flat assertion: one side qualifies what the other states outright
 *     ("cyberattacks ostensibly made from Russian territory" / "attacks by criminals based in Russia");
 *   - assertion against denial: the same statement, one side denying it ("denied", "rejected", or a
 *     negation on nearly the same words);
 *   - different values of one fact: the same aspect dated to days that cannot both be right.
 * Each needs the two claims to share what the hedge or the denial is about; a difference of wording
 * alone is never a conflict.
 */
import type { Token } from '../../model/document.js';
import type { TimeExpression } from '../../model/findings.js';
import type { HeldClaim } from './claims.js';
import { claimTerms, type TermKind, type TermOptions } from './terms.js';
import { shorten, flatten, type PointDraft } from './points.js';
import { sharingPairs, type TermWeights } from './similarity.js';

export interface ConflictFinding {
  reason: string;
}

const HEDGE = /^(?:ostensibly|allegedly|purportedly|supposedly|so-called|alleged|purported|presumably|unverified|unsubstantiated|unfounded|unproven|groundless)$/i;
const DENIAL_WORD = /^(?:deny|denies|denied|denying|refute|refutes|refuted|untrue|false|baseless|groundless)$/i;
const NEGATION_WORD = /^(?:not|never|no|n't|neither|nor)$/i;
/** How many words after a denial or a negation it covers. */
const DENIAL_SCOPE = 5;
/** How many words after a hedge it qualifies. */
const HEDGE_SCOPE = 6;

type Terms = ReadonlyMap<string, TermKind>;

export function pairConflict(
  x: HeldClaim,
  y: HeldClaim,
  shared: readonly string[],
  similarity: number,
  options: TermOptions,
): ConflictFinding | null {
  return hedgeConflict(x, y, shared, similarity, options) ?? hedgeConflict(y, x, shared, similarity, options) ?? denialConflict(x, y, shared, similarity, options);
}

/** `h` hedges something `f` states flatly, and the hedged words are what the two share. */
function hedgeConflict(h: HeldClaim, f: HeldClaim, shared: readonly string[], similarity: number, options: TermOptions): ConflictFinding | null {
  if (similarity < 0.1 || shared.length < 2) return null;
  if (f.unit.tokens.some((t) => HEDGE.test(t.text))) return null;
  const tokens = h.unit.tokens;
  const at = tokens.findIndex((t) => HEDGE.test(t.text));
  if (at < 0) return null;
  const scope: Terms = claimTerms(tokens.slice(at + 1, at + 1 + HEDGE_SCOPE), options);
  if (!shared.some((t) => scope.has(t))) return null;
  return {
    reason: `hedge against a flat assertion: ${h.holder} says “${window(h, at)}”, ${f.holder} states “${shorten(flatten(f.claim.text), 110)}”`,
  };
}

/**
 * One side denies what the other asserts: a denial word ("denied", "rejected") or a negation whose
 * scope (the few words after it) holds what the two claims share, on claims that are otherwise
 * alike. "Steele did not respond to the call" does not deny "Steele issued a statement".
 */
function denialConflict(x: HeldClaim, y: HeldClaim, shared: readonly string[], similarity: number, options: TermOptions): ConflictFinding | null {
  if (shared.length < 3) return null;
  for (const [d, s] of [[x, y], [y, x]] as const) {
    if (scopes(s, NEGATION_WORD, options).size > 0 || scopes(s, DENIAL_WORD, options).size > 0) continue;
    const denied = scopes(d, DENIAL_WORD, options);
    if (similarity >= 0.35 && shared.some((t) => denied.has(t))) {
      return { reason: `assertion vs denial: ${s.holder} says “${shorten(flatten(s.claim.text), 100)}”, ${d.holder} denies it: “${shorten(flatten(d.claim.text), 100)}”` };
    }
    const negated = scopes(d, NEGATION_WORD, options);
    if (similarity >= 0.5 && shared.filter((t) => negated.has(t)).length >= 2) {
      return { reason: `assertion vs denial: ${s.holder} says “${shorten(flatten(s.claim.text), 100)}”, ${d.holder} says “${shorten(flatten(d.claim.text), 100)}”` };
    }
  }
  return null;
}

/** Terms in the few words after each cue word of a claim. */
function scopes(c: HeldClaim, cue: RegExp, options: TermOptions): Set<string> {
  const tokens = c.unit.tokens;
  const out = new Set<string>();
  tokens.forEach((t, i) => {
    if (!cue.test(t.text)) return;
    for (const term of claimTerms(tokens.slice(i + 1, i + 1 + DENIAL_SCOPE), options).keys()) out.add(term);
  });
  return out;
}

/**
 * Dates in two closely aligned claims that cannot both hold. Only dates written out ("January 12",
 * "2021") count: a relative one ("Tuesday", "this afternoon") depends on when it was said, which a
 * quote inside a later article does not tell.
 */
export function dateConflict(x: HeldClaim, y: HeldClaim, similarity: number): ConflictFinding | null {
  if (similarity < 0.5) return null;
  const dates = (c: HeldClaim): TimeExpression[] => c.analysis.times.filter((t) => t.start >= c.claim.start && t.end <= c.claim.end);
  const dx = dates(x);
  const dy = dates(y);
  const [a, b] = [dx[0], dy[0]];
  if (dx.length !== 1 || dy.length !== 1 || !a || !b) return null;
  if (!ABSOLUTE_DATE.test(a.text) || !ABSOLUTE_DATE.test(b.text)) return null;
  if (a.value.start <= b.value.end && b.value.start <= a.value.end) return null;
  return { reason: `different values of one fact (when): ${x.holder} says “${a.text}”, ${y.holder} says “${b.text}”` };
}

/** A date written out: a year, a month with its day, or digits. */
export const ABSOLUTE_DATE = /\b(?:\d{4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\b/i;

/** A few words around token `at` of a claim, as written. */
function window(c: HeldClaim, at: number): string {
  const tokens: readonly Token[] = c.unit.tokens;
  const from = tokens[Math.max(0, at - 5)] as Token;
  const to = tokens[Math.min(tokens.length - 1, at + HEDGE_SCOPE)] as Token;
  const text = c.analysis.doc.text.slice(from.start, to.end);
  return `${from.start > c.claim.start ? '…' : ''}${flatten(text)}${to.end < c.claim.end ? '…' : ''}`;
}

/** Hedge and denial conflicts between any two claims of different accounts that share enough. */
export function lexicalConflicts(
  claims: readonly HeldClaim[],
  terms: ReadonlyArray<ReadonlyMap<string, TermKind>>,
  weights: TermWeights,
  options: TermOptions,
): PointDraft[] {
  const out: PointDraft[] = [];
  for (const [i, j] of sharingPairs(terms)) {
    const x = claims[i] as HeldClaim;
    const y = claims[j] as HeldClaim;
    if (x.holder === y.holder) continue;
    const tx = terms[i] as ReadonlyMap<string, TermKind>;
    const ty = terms[j] as ReadonlyMap<string, TermKind>;
    const similarity = weights.cosine(tx, ty);
    if (similarity < 0.1) continue;
    const found = pairConflict(x, y, weights.shared(tx, ty), similarity, options);
    if (found) out.push({ claims: [i, j], status: 'conflict', reason: found.reason });
  }
  return out;
}
