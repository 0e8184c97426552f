/**
 * From resolved candidates to the document's `Mention`s and `EntityFinding`s: one entity per
 * cluster, keyed `e1`, `e2`, ... in order of first mention.
 */
import type { EntityFinding, EntityType, Mention } from '../../model/findings.js';
import type { Candidate, DocContext, TokenRange } from './context.js';
import { displayName } from './normalise.js';

interface Cluster {
  members: Candidate[];
  /** Display text of each member, in the same order. */
  texts: string[];
  key: string;
  name: string;
  type: EntityType;
}

/** A role as written; a lone abbreviation spelled out ("Sen." -> "Senator"). */
function roleText(ctx: DocContext, r: TokenRange): string {
  if (r.to - r.from === 1) {
    const full = ctx.lex.titleAbbreviations.get(ctx.key(r.from));
    if (full) return full;
  }
  return displayName(ctx.spanText(r.from, r.to));
}

/** Longest name mention; a person's full name over a title-less surname; earliest on ties. */
function canonicalName(members: Candidate[], texts: string[]): string {
  let best = '';
  members.forEach((c, k) => {
    if (c.form !== 'name' && c.key === null) return;
    let text = texts[k] as string;
    if (text.startsWith('the ')) text = text.slice(4);
    if (text.length > best.length) best = text;
  });
  return best || texts.find((t) => t !== '') || '';
}

function isAbbreviation(text: string, full: string): boolean {
  return text.includes('.') || /^[A-Z]{2,3}$/.test(text) || (!text.includes(' ') && text.length < full.length && full.startsWith(text));
}

function addUnique(list: string[], value: string): void {
  if (value && !list.includes(value)) list.push(value);
}

/** Drop a role that is the tail of a longer one ("President" beside "Ukrainian President"). */
function dedupeRoles(unique: string[]): string[] {
  if (unique.length < 2) return unique;
  return unique.filter((r) => {
    const low = r.toLowerCase();
    return !unique.some((o) => o !== r && o.length > r.length && (o.toLowerCase().endsWith(' ' + low) || o.toLowerCase() === low));
  });
}

export function buildFindings(ctx: DocContext, demonyms: Map<number, string>, cover: Int32Array): void {
  const clusters = new Map<number, Cluster>();
  const order: Cluster[] = [];
  for (const c of ctx.candidates) {
    let cl = clusters.get(c.cluster);
    if (!cl) {
      cl = { members: [], texts: [], key: `e${order.length + 1}`, name: '', type: c.type ?? 'person' };
      clusters.set(c.cluster, cl);
      order.push(cl);
    }
    cl.members.push(c);
    cl.texts.push(c.form === 'pronoun' ? '' : displayName(ctx.spanText(c.from, c.to)));
  }
  for (const cl of order) {
    cl.name = canonicalName(cl.members, cl.texts);
    // A place known only by an abbreviation ("Nev", "U.S.") is shown by its gazetteer name.
    const entry = cl.members.find((m) => m.entry)?.entry;
    if (entry?.type === 'place' && isAbbreviation(cl.name, entry.name)) cl.name = entry.name;
    const named = cl.members.find((m) => (m.form === 'name' || m.key !== null) && m.type !== null);
    cl.type = named?.type ?? cl.members.find((m) => m.type !== null)?.type ?? 'person';
  }
  const nameOf = (c: Candidate): string => clusters.get(c.cluster)?.name ?? displayName(ctx.spanText(c.from, c.to));
  for (const cl of order) {
    const roles: string[] = [];
    const affiliations: string[] = [];
    const aliases: string[] = [];
    cl.members.forEach((c, k) => {
      if (c.form === 'name' && cl.texts[k] !== cl.name) addUnique(aliases, cl.texts[k] as string);
      for (const r of c.roles) {
        addUnique(roles, roleText(ctx, r));
        for (let t = r.from; t < r.to; t++) {
          const inner = ctx.candidates[cover[t] ?? -1];
          if (inner && inner !== c && inner.from >= r.from && inner.to <= r.to && inner.cluster !== c.cluster) {
            addUnique(affiliations, inner.type === 'place' && inner.entry ? inner.entry.name : nameOf(inner));
            if (inner.country) addUnique(affiliations, inner.country);
            t = inner.to - 1;
            continue;
          }
          const country = demonyms.get(t);
          if (country) addUnique(affiliations, country);
        }
      }
      for (const m of c.modifiers) addUnique(affiliations, m.type === 'place' && m.entry ? m.entry.name : displayName(ctx.spanText(m.from, m.to)));
      for (const country of c.countries) addUnique(affiliations, country);
      addUnique(affiliations, c.country ?? c.entry?.country ?? '');
    });
    const own = cl.members[0]?.entry?.name ?? '';
    const finding: EntityFinding = {
      kind: 'entity',
      key: cl.key,
      name: cl.name,
      type: cl.type,
      aliases,
      roles: dedupeRoles(roles),
      affiliations: affiliations.filter((a) => a !== cl.name && a !== own && !aliases.includes(a)),
      mentions: [],
      start: 0,
      end: 0,
    };
    for (const c of cl.members) {
      const start = ctx.tokens[c.from]?.start ?? 0;
      const end = ctx.tokens[c.to - 1]?.end ?? 0;
      finding.mentions.push({ start, end });
      const mention: Mention = { kind: 'mention', start, end, text: ctx.spanText(c.from, c.to), type: cl.type, entity: cl.key, form: c.form };
      ctx.a.mentions.push(mention);
    }
    const first = finding.mentions[0];
    if (first) {
      finding.start = first.start;
      finding.end = first.end;
    }
    ctx.a.entities.push(finding);
  }
  ctx.a.mentions.sort((x, y) => x.start - y.start || y.end - x.end);
}
