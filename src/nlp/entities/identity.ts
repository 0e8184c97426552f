/**
 * Identity of names inside one document. Rules, in order:
 *  1. Gazetteer and alias-table names share their entry's id ("Kiev" = "Kyiv", "NATO" = "North
 *     Atlantic Treaty Organization"); other full names their normalised text; groups and
 *     nationality organisations their key ("group:officials|united-states").
 *  2. An acronym in parentheses right after a name is that name ("... Organization (NATO)"), and so
 *     is a later bare use of it or of the initials of an organisation's name.
 *  3. A lone word is the person whose surname (or, failing that, given name) it is; if several
 *     people share it, the one mentioned most recently before it. A lone organisation word ("the
 *     Times") is the one organisation whose name ends with it.
 *  4. A lone word nothing claims is a person after a title or before a speech verb, an
 *     organisation when it is an acronym, a place after "in"; otherwise it is not a mention.
 */
import type { Candidate, DocContext } from './context.js';
import { nameKey } from './normalise.js';

const PLACE_PREPOSITIONS = new Set(['in', 'near', 'outside', 'across', 'throughout', 'inside']);

class UnionFind {
  readonly parent: number[] = [];
  add(): number {
    this.parent.push(this.parent.length);
    return this.parent.length - 1;
  }
  find(x: number): number {
    let r = x;
    while (this.parent[r] !== r) r = this.parent[r] as number;
    while (this.parent[x] !== r) {
      const next = this.parent[x] as number;
      this.parent[x] = r;
      x = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // The earlier mention stays the root, so clusters keep first-mention order.
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

export function nameTokens(ctx: DocContext, c: Candidate): string[] {
  const out: string[] = [];
  for (let t = c.from; t < c.to; t++) {
    const k = ctx.key(t);
    if (k === '-' || k === "'s" || k === ',') continue;
    if (t > c.from && t < c.to - 1 && /^[a-z]$/.test(k)) continue;
    if (k === 'jr' || k === 'sr' || k === 'ii' || k === 'iii') continue;
    out.push(k);
  }
  return out;
}

function idKey(ctx: DocContext, c: Candidate): string | null {
  if (c.key) return c.key;
  if (c.entry) return c.entry.id;
  if (c.type === null) return null;
  const key = nameKey(ctx.spanText(c.from, c.to));
  const known = ctx.lex.byName.get(`${c.type}|${key}`);
  if (known) {
    c.entry = known;
    return known.id;
  }
  if (c.type === 'person' && c.to - c.from === 1) return null;
  return `${c.type}:${key}`;
}

function initials(ctx: DocContext, c: Candidate): string | null {
  let s = '';
  for (let t = c.from; t < c.to; t++) {
    const text = ctx.text(t);
    if (ctx.isCap(t) && /^\p{L}/u.test(text)) s += text[0];
  }
  return s.length >= 2 ? s.toUpperCase() : null;
}

/** Give every name candidate a cluster (its root's index); drop lone words no rule claims. */
export function clusterNames(ctx: DocContext): UnionFind {
  const uf = new UnionFind();
  const names = ctx.candidates.filter((c) => c.form === 'name' || c.key !== null);
  for (const c of names) c.cluster = uf.add();
  const byKey = new Map<string, number>();
  const acronyms = new Map<string, number>();
  const surnames = new Map<string, number[]>();
  const givens = new Map<string, number[]>();
  const orgHeads = new Map<string, number[]>();
  const lone: Candidate[] = [];
  for (const c of names) {
    const key = idKey(ctx, c);
    if (key === null) {
      lone.push(c);
      continue;
    }
    const seen = byKey.get(key);
    if (seen === undefined) byKey.set(key, c.cluster);
    else uf.union(seen, c.cluster);
    if (c.type === 'organization') {
      // "the Times" after "The New York Times": an organisation's last word names it.
      if (c.to - c.from >= 2) push(orgHeads, ctx.key(c.to - 1), c.cluster);
      const ac = initials(ctx, c);
      if (ac && ac.length >= 3 && c.to - c.from >= 3 && !acronyms.has(ac)) acronyms.set(ac, c.cluster);
    }
    if (c.type === 'person') {
      const words = nameTokens(ctx, c);
      if (words.length >= 2) {
        push(surnames, words[words.length - 1] as string, c.cluster);
        push(givens, words[0] as string, c.cluster);
      }
    }
  }
  // Acronym in parentheses right after a name.
  for (let n = 0; n + 1 < names.length; n++) {
    const c = names[n] as Candidate;
    const d = names[n + 1] as Candidate;
    if (ctx.text(c.to) === '(' && d.from === c.to + 1 && ctx.text(d.to) === ')' && d.to - d.from === 1 && /^[A-Z][A-Z.&-]+$/.test(ctx.text(d.from))) {
      uf.union(c.cluster, d.cluster);
      d.type ??= c.type;
      acronyms.set(ctx.text(d.from).replace(/\./g, ''), c.cluster);
    }
  }
  for (const c of lone) {
    if (uf.find(c.cluster) !== c.cluster) continue;
    const k = ctx.key(c.from);
    const text = ctx.text(c.from);
    const target =
      nearest(uf, surnames.get(k), c) ??
      nearestUnique(uf, givens.get(k)) ??
      acronyms.get(text.replace(/\./g, '')) ??
      (ctx.lex.orgCues.has(k) ? nearestUnique(uf, orgHeads.get(k)) : undefined);
    if (target !== undefined) {
      uf.union(target, c.cluster);
      c.type ??= ctx.candidates.find((x) => x.cluster === target)?.type ?? 'person';
      continue;
    }
    c.type = loneType(ctx, c);
    if (c.type === null) {
      c.cluster = -1;
      continue;
    }
    const key = `${c.type}:${k}`;
    const seen = byKey.get(key);
    if (seen === undefined) byKey.set(key, c.cluster);
    else uf.union(seen, c.cluster);
  }
  ctx.candidates = ctx.candidates.filter((c) => !(c.form === 'name' || c.key !== null) || c.cluster >= 0);
  for (const c of names) if (c.cluster >= 0) c.cluster = uf.find(c.cluster);
  return uf;
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The cluster among `list` (in mention order) whose last mention before `c` is closest; or the first. */
function nearest(uf: UnionFind, list: number[] | undefined, c: Candidate): number | undefined {
  if (!list || list.length === 0) return undefined;
  const roots = [...new Set(list.map((x) => uf.find(x)))];
  if (roots.length === 1) return roots[0];
  const before = list.filter((x) => x < c.cluster);
  return before.length > 0 ? uf.find(before[before.length - 1] as number) : roots[0];
}

function nearestUnique(uf: UnionFind, list: number[] | undefined): number | undefined {
  if (!list) return undefined;
  const roots = new Set(list.map((x) => uf.find(x)));
  return roots.size === 1 ? (list[0] as number) : undefined;
}

function loneType(ctx: DocContext, c: Candidate): Candidate['type'] {
  if (c.type !== null) return c.type;
  const text = ctx.text(c.from);
  if (c.titled) return 'person';
  // "HARTFORD, Conn. —": a capitalised dateline is a place.
  if (/^[A-Z]{3,}$/.test(text) && ctx.atClauseStart(c.from) && /^[—–,-]$/.test(ctx.text(c.to))) return 'place';
  // "WALLACE: ..." in a transcript is a speaker.
  if (/^[A-Z]{3,}$/.test(text) && ctx.atClauseStart(c.from) && ctx.text(c.to) === ':') return 'person';
  if (/^[A-Z][A-Z&]{2,5}$/.test(text)) return 'organization';
  // "PolitiFact", "YouTube": an inner capital marks a brand.
  if (/^[A-Z][a-z]+[A-Z][a-z]/.test(text)) return 'organization';
  const k = ctx.key(c.from);
  if (ctx.lowerWords.has(k) && ctx.atClauseStart(c.from)) return null;
  // "the Times said": a lone organisation cue word after "the" is that organisation.
  if (ctx.lex.orgCues.has(k)) return ctx.key(c.from - 1) === 'the' ? 'organization' : null;
  if (ctx.lex.placeCues.has(k) || ctx.lex.titles.has(k)) return null;
  if (ctx.lex.speechVerbs.has(ctx.key(c.to)) || (ctx.key(c.to) === ',' && ctx.lex.speechVerbs.has(ctx.key(c.to + 1)))) return 'person';
  if (PLACE_PREPOSITIONS.has(ctx.key(c.from - 1))) return 'place';
  return null;
}
