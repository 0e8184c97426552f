/**
 * Points on the event's own facets (facets.ts), made when two or more accounts state the facet:
 *   occurrence  that it took place; a conflict when their dates cannot both hold
 *   initiator   who started it; a conflict when they name different sides
 *   duration    how long it lasted; a conflict when the lengths differ by more than a quarter
 *   purpose     what it was for or mainly about; a conflict when one side calls it a pretext, or
 *               when the two name topics that share nothing (a third party saying the accounts
 *               differ lowers that bar)
 */
import type { HeldClaim } from './claims.js';
import type { EventInput } from './event-input.js';
import type { ClaimFacets } from './facets.js';
import type { PointDraft } from './points.js';
import { flatten, shorten } from './points.js';
import { signalled, type Signals } from './signals.js';
import type { TermWeights } from './similarity.js';
import type { TermKind } from './terms.js';

/** Purpose claims of two accounts sharing less than this are about different things. */
const DIFFERENT_TOPIC = 0.1;
/** ... or less than this when a third party says the two accounts differ. */
const DIFFERENT_TOPIC_SIGNALLED = 0.3;
const SAME_DURATION = 0.25;

export interface FacetContext {
  event: EventInput;
  claims: readonly HeldClaim[];
  facets: readonly ClaimFacets[];
  terms: ReadonlyArray<ReadonlyMap<string, TermKind>>;
  weights: TermWeights;
  signals: Signals;
}

export function facetPoints(ctx: FacetContext): PointDraft[] {
  const noun = eventNoun(ctx);
  return [occurrencePoint(ctx, noun), initiatorPoint(ctx, noun), durationPoint(ctx, noun), purposePoint(ctx, noun)].filter(
    (d): d is PointDraft => d !== null,
  );
}

/** What the event is called in summaries: its type ("call", "summit"), else "event". */
function eventNoun(ctx: FacetContext): string {
  const type = ctx.event.type.replace(/[-_]+/g, ' ').trim().toLowerCase();
  return /^[a-z ]{2,30}$/.test(type) ? type : 'event';
}

function byHolder(ctx: FacetContext, indexes: readonly number[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const i of indexes) {
    const h = (ctx.claims[i] as HeldClaim).holder;
    out.set(h, [...(out.get(h) ?? []), i]);
  }
  return out;
}

function quote(ctx: FacetContext, i: number, max = 90): string {
  return `“${shorten(flatten((ctx.claims[i] as HeldClaim).claim.text), max)}”`;
}

/** The first claim of each account in each document that says the event took place. */
function occurrencePoint(ctx: FacetContext, noun: string): PointDraft | null {
  const seen = new Set<string>();
  const picked: number[] = [];
  ctx.facets.forEach((f, i) => {
    const c = ctx.claims[i] as HeldClaim;
    const key = `${c.holder}\u0000${c.claim.document}`;
    if (!f.occurrence || seen.has(key)) return;
    seen.add(key);
    picked.push(i);
  });
  const holders = byHolder(ctx, picked);
  if (holders.size < 2) return null;
  const dated = picked.filter((i) => (ctx.facets[i] as ClaimFacets).when.length > 0);
  for (const i of dated) {
    for (const j of dated) {
      if ((ctx.claims[i] as HeldClaim).holder >= (ctx.claims[j] as HeldClaim).holder) continue;
      const meet = (ctx.facets[i] as ClaimFacets).when.some((a) => (ctx.facets[j] as ClaimFacets).when.some((b) => a.start <= b.end && b.start <= a.end));
      if (!meet) {
        return {
          claims: picked,
          status: 'conflict',
          reason: `different values of one fact (when): ${(ctx.claims[i] as HeldClaim).holder} ${quote(ctx, i, 70)}, ${(ctx.claims[j] as HeldClaim).holder} ${quote(ctx, j, 70)}`,
          summary: `When the ${noun} took place`,
        };
      }
    }
  }
  return { claims: picked, status: 'shared', reason: null, summary: `The ${noun} took place` };
}

function sideName(ctx: FacetContext, side: string): string {
  if (side.startsWith('@')) return `the ${side.slice(1).split('-').map((w) => w[0]?.toUpperCase() + w.slice(1)).join(' ')} side`;
  return ctx.event.entities.byId(side)?.name ?? side;
}

function initiatorPoint(ctx: FacetContext, noun: string): PointDraft | null {
  const picked = ctx.facets.flatMap((f, i) => (f.initiator ? [i] : []));
  const holders = byHolder(ctx, picked);
  if (holders.size < 2) return null;
  const values = new Set(picked.map((i) => (ctx.facets[i] as ClaimFacets).initiator as string));
  if (values.size === 1) {
    return { claims: picked, status: 'shared', reason: null, summary: `Who initiated the ${noun}: ${sideName(ctx, [...values][0] as string)}` };
  }
  const said = [...holders.entries()].map(([h, is]) => `${h} says ${sideName(ctx, (ctx.facets[is[0] as number] as ClaimFacets).initiator as string)}`);
  return { claims: picked, status: 'conflict', reason: `different values of one fact (who initiated): ${said.join('; ')}`, summary: `Who initiated the ${noun}` };
}

function durationPoint(ctx: FacetContext, noun: string): PointDraft | null {
  const picked = ctx.facets.flatMap((f, i) => (f.minutes !== null ? [i] : []));
  const holders = byHolder(ctx, picked);
  if (holders.size < 2) return null;
  const minutes = picked.map((i) => (ctx.facets[i] as ClaimFacets).minutes as number);
  const lo = Math.min(...minutes);
  const hi = Math.max(...minutes);
  if (hi - lo <= SAME_DURATION * hi) return { claims: picked, status: 'shared', reason: null, summary: `How long the ${noun} lasted: about ${lo} minutes` };
  const said = [...holders.entries()].map(([h, is]) => `${h} says ${(ctx.facets[is[0] as number] as ClaimFacets).minutes} minutes`);
  return { claims: picked, status: 'conflict', reason: `different values of one fact (how long): ${said.join('; ')}`, summary: `How long the ${noun} lasted` };
}

/** The words of a claim from where it says what the event was for. */
function purposeQuote(ctx: FacetContext, i: number): string {
  const c = (ctx.claims[i] as HeldClaim).claim;
  const at = (ctx.facets[i] as ClaimFacets).purposeAt ?? c.start;
  const from = Math.max(c.start, at);
  return `“${from > c.start ? '…' : ''}${shorten(flatten(c.text.slice(from - c.start)), 120)}”`;
}

function purposePoint(ctx: FacetContext, noun: string): PointDraft | null {
  const picked = ctx.facets.flatMap((f, i) => (f.purpose ? [i] : []));
  const holders = byHolder(ctx, picked);
  if (holders.size < 2) return null;
  const summary = `What the ${noun} was for`;
  const list = [...holders.entries()];
  for (const [x, xs] of list) {
    for (const [y, ys] of list) {
      if (x >= y) continue;
      const pretext = [...xs, ...ys].find((i) => (ctx.facets[i] as ClaimFacets).purpose === 'pretext');
      let overlap = 0;
      for (const i of xs) for (const j of ys) overlap = Math.max(overlap, ctx.weights.cosine(ctx.terms[i] as ReadonlyMap<string, TermKind>, ctx.terms[j] as ReadonlyMap<string, TermKind>));
      const signal = signalled(ctx.signals, x, y);
      const apart = overlap < (signal ? DIFFERENT_TOPIC_SIGNALLED : DIFFERENT_TOPIC);
      if (pretext === undefined && !apart) continue;
      const stated = (is: number[]): number | undefined => is.find((i) => (ctx.facets[i] as ClaimFacets).purpose === 'stated');
      const said = [x, y].flatMap((h, k) => {
        const i = stated(k === 0 ? xs : ys);
        return i === undefined ? [] : [`${h} ${purposeQuote(ctx, i)}`];
      });
      if (pretext !== undefined) said.push(`${(ctx.claims[pretext] as HeldClaim).holder} calls it ${purposeQuote(ctx, pretext)}`);
      const also = signal ? `; a third party says the accounts differ (“${signal.cue}”)` : '';
      return { claims: picked, status: 'conflict', reason: `different main purpose: ${said.join('; ')}${also}`, summary };
    }
  }
  return { claims: picked, status: 'shared', reason: null, summary };
}
