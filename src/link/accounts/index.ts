/**
 * Accounts and points of one event:
 *   claims      who holds which clause about the event            (claims.ts, units.ts, voices.ts, relevance.ts)
 *   terms       what each claim is about, for alignment           (terms.ts, paraphrases.ts, similarity.ts)
 *   facets      that it happened, who began it, how long, what for (facets.ts, facet-points.ts)
 *   links       claims of different accounts about one aspect     (align.ts)
 *   conflicts   hedges, denials, dates, third parties saying so   (conflicts.ts, signals.ts)
 *   points      linked claims as shared, conflicting or only-one  (points.ts)
 * A claim may stand in more than one point: "Burns called Naryshkin after the mutiny to assure the
 * Kremlin ..." says who called, when, and what for. A claim in no point is a point of its own.
 */
import type { Account, Point } from '../../model/compare.js';
import { agreementLinks, type Link } from './align.js';
import { accountsOf, eventClaims, type HeldClaim } from './claims.js';
import { dateConflict, lexicalConflicts } from './conflicts.js';
import type { EventInput } from './event-input.js';
import { facetPoints } from './facet-points.js';
import { claimFacets } from './facets.js';
import { dedupe, sharedPoints, sortPoints, toPoint, type PointDraft } from './points.js';
import { thirdPartySignals, withSignals } from './signals.js';
import { TermWeights } from './similarity.js';
import { claimTerms, termOptions } from './terms.js';

export type { EventDocument, EventInput } from './event-input.js';

export function compareAccounts(event: EventInput): { accounts: Account[]; points: Point[] } {
  const claims = eventClaims(event);
  const options = termOptions(event);
  const terms = claims.map((c) => claimTerms(c.unit.tokens, options));
  const weights = new TermWeights(terms);
  const signals = thirdPartySignals(event, claims);
  const facets = claims.map((c) => claimFacets(c, event));

  const conflicts: PointDraft[] = [];
  const agreements: Link[] = [];
  for (const link of agreementLinks(claims, terms, weights)) {
    const found = dateConflict(claims[link.a] as HeldClaim, claims[link.b] as HeldClaim, link.similarity);
    if (found) conflicts.push({ claims: [link.a, link.b], status: 'conflict', reason: found.reason });
    else agreements.push(link);
  }
  conflicts.push(...lexicalConflicts(claims, terms, weights, options));
  const facetDrafts = facetPoints({ event, claims, facets, terms, weights, signals });
  conflicts.push(...facetDrafts.filter((d) => d.status === 'conflict'));
  const conflictDrafts = withSignals(dedupe(conflicts), signals, claims);

  const inConflict = (a: number, b: number): boolean => conflictDrafts.some((d) => d.claims.includes(a) && d.claims.includes(b));
  const shared = sharedPoints(claims, agreements.filter((l) => !inConflict(l.a, l.b)).map((l) => [l.a, l.b]));
  const drafts = dedupe([...conflictDrafts, ...facetDrafts.filter((d) => d.status !== 'conflict'), ...shared]);
  const covered = new Set(drafts.flatMap((d) => d.claims));
  const main = new Set(event.documents.filter((d) => d.main).map((d) => d.analysis.doc.id));
  claims.forEach((c, i) => {
    // A passing mention in a document about another event ("since Russia's invasion of Ukraine")
    // stays a claim of its account, but is a point only where it meets another account.
    if (!covered.has(i) && main.has(c.claim.document)) drafts.push({ claims: [i], status: 'only', reason: null });
  });
  return { accounts: accountsOf(claims), points: sortPoints(drafts.map((d) => toPoint(event.id, d, claims))) };
}

