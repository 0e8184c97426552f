/**
 * Points as the contract shows them: a stable id from the claims they hold, a one-line summary, the
 * status, the sources and the evidence spans (exact slices of each document's text).
 */
import { createHash } from 'node:crypto';
import type { Evidence, Point, PointStatus } from '../../model/compare.js';
import type { HeldClaim } from './claims.js';

export interface PointDraft {
  /** Indexes into the event's claims. */
  claims: number[];
  status: PointStatus;
  reason: string | null;
  /** A summary decided by whoever made the point (a facet's name); else the shortest claim. */
  summary?: string;
}

const SUMMARY_MAX = 140;

export function toPoint(eventId: string, draft: PointDraft, claims: readonly HeldClaim[]): Point {
  const held = [...new Set(draft.claims)]
    .map((i) => claims[i] as HeldClaim)
    .sort((x, y) => x.claim.document.localeCompare(y.claim.document) || x.claim.start - y.claim.start || x.claim.end - y.claim.end);
  const evidence: Evidence[] = held.map((h) => ({
    source: h.holder,
    document: h.claim.document,
    start: h.claim.start,
    end: h.claim.end,
    text: h.claim.text,
  }));
  const sources = [...new Set(held.map((h) => h.holder))].sort();
  const key = `${draft.status}\u0000${held.map((h) => h.claim.id).join('\u0000')}`;
  return {
    id: `${eventId}/p-${createHash('sha1').update(key).digest('hex').slice(0, 10)}`,
    summary: draft.summary ?? summaryOf(held),
    status: draft.status,
    sources,
    evidence,
    reason: draft.reason,
  };
}

/** The shortest claim, flattened and cut to one line. */
function summaryOf(held: readonly HeldClaim[]): string {
  const texts = held.map((h) => flatten(h.claim.text)).sort((a, b) => a.length - b.length || a.localeCompare(b));
  return shorten(texts[0] ?? '', SUMMARY_MAX);
}

export function flatten(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/^[\s"“”'‘’]+|[\s"“”'‘’]+$/g, '')
    .trim();
}

export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}

export function sortPoints(points: Point[]): Point[] {
  const rank: Record<PointStatus, number> = { conflict: 0, shared: 1, only: 2 };
  const first = (p: Point): string => `${p.evidence[0]?.document ?? ''}\u0000${String(p.evidence[0]?.start ?? 0).padStart(9, '0')}`;
  return points.sort((x, y) => rank[x.status] - rank[y.status] || first(x).localeCompare(first(y)) || x.id.localeCompare(y.id));
}

/**
 * One draft per status and set of claims: the first kept (conflicts come first, then facets, then
 * lexical matches); two facets on the very same claims ("took place", "who initiated") become one
 * point with both summaries.
 */
export function dedupe(drafts: readonly PointDraft[]): PointDraft[] {
  const seen = new Map<string, PointDraft>();
  for (const d of drafts) {
    const claims = [...new Set(d.claims)];
    const key = `${d.status}:${[...claims].sort((p, q) => p - q).join(',')}`;
    const kept = seen.get(key);
    if (!kept) seen.set(key, { ...d, claims });
    else if (d.summary && kept.summary && !kept.summary.includes(d.summary)) kept.summary = `${kept.summary}; ${lowerFirst(d.summary)}`;
  }
  return [...seen.values()];
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Shared points: claims linked across accounts, joined where links meet. */
export function sharedPoints(claims: readonly HeldClaim[], edges: ReadonlyArray<readonly [number, number]>): PointDraft[] {
  const parent = claims.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  for (const [a, b] of edges) {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const groups = new Map<number, number[]>();
  claims.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
  return [...groups.values()]
    .filter((members) => new Set(members.map((i) => (claims[i] as HeldClaim).holder)).size > 1)
    .map((members) => ({ claims: members, status: 'shared', reason: null }));
}
