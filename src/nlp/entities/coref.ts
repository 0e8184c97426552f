/**
 * Pronouns and descriptions, resolved in reading order against what came before. The rules:
 *  - "he"/"she" (and his, her, ...): the first person mentioned earlier in the same sentence, else
 *    the first in the previous sentence, else in the one before, whose gender does not conflict
 *    (gender from the given name, an honorific or a gendered title). The first person of a sentence
 *    is usually its subject, which is what a pronoun in the next clause most often continues.
 *    Beyond that window, the most recent person known to have the pronoun's gender.
 *  - "the agency", "the campaign": the most recent organisation in the window whose name has that
 *    word ("the group", "the company": any organisation); else an organisation of its own.
 *  - "they"/"them"/"their": the first group in that same window; failing that, the first
 *    organisation in the same or previous sentence.
 *  - "the official", "the Russian chief": the most recent person in the window whose roles share the
 *    head word (or a synonym: chief ~ head ~ director) and whose affiliations include the
 *    nationality, if one is given ("official", "man", "source" fit anyone); else the only person in
 *    the document with such a role; else it is a person of its own.
 * Unresolved pronouns are not mentions.
 */
import type { Candidate, DocContext } from './context.js';
import type { Gender } from './lexicon.js';

const WINDOW = 2;
const GENERIC_ORGANISATION = new Set(['group', 'organization', 'organisation', 'company', 'firm', 'outfit', 'coalition', 'alliance', 'movement']);

export interface ClusterFacts {
  gender: Map<number, Gender>;
  /** Title words in each person's roles. */
  roleWords: Map<number, Set<string>>;
  countries: Map<number, Set<string>>;
}

export function clusterFacts(ctx: DocContext, demonyms: Map<number, string>, cover: Int32Array): ClusterFacts {
  const facts: ClusterFacts = { gender: new Map(), roleWords: new Map(), countries: new Map() };
  for (const c of ctx.candidates) {
    if (c.cluster < 0) continue;
    const given = c.form === 'name' && c.type === 'person' ? ctx.lex.givenNames.get(ctx.key(c.from)) : undefined;
    const gender = c.gender || given || c.entry?.gender || '';
    if (gender && !facts.gender.get(c.cluster)) facts.gender.set(c.cluster, gender);
    const words = facts.roleWords.get(c.cluster) ?? new Set<string>();
    const countries = facts.countries.get(c.cluster) ?? new Set<string>();
    if (c.country) countries.add(c.country);
    if (c.entry?.country) countries.add(c.entry.country);
    for (const r of c.roles) {
      for (let t = r.from; t < r.to; t++) {
        const k = ctx.key(t);
        words.add(k);
        const abbreviation = ctx.lex.titleAbbreviations.get(k);
        if (abbreviation) words.add(abbreviation.toLowerCase());
        const country = demonyms.get(t) ?? ctx.candidates[cover[t] ?? -1]?.country;
        if (country) countries.add(country);
      }
    }
    facts.roleWords.set(c.cluster, words);
    facts.countries.set(c.cluster, countries);
  }
  return facts;
}

export function resolveReferences(ctx: DocContext, facts: ClusterFacts, firstFreeCluster: number): void {
  let next = firstFreeCluster;
  const ownOrgs = new Map<string, number>();
  const bySentence: Candidate[][] = ctx.a.sentences.map(() => []);
  for (const c of ctx.candidates) {
    if (c.form === 'name' || c.key !== null) {
      bySentence[c.sentence]?.push(c);
      continue;
    }
    const target = c.fresh
      ? null
      : c.head === 'who'
        ? relativeTarget(ctx, c, bySentence)
        : c.form === 'pronoun'
          ? pronounTarget(c, bySentence, facts)
        : c.type === 'organization'
          ? organisationTarget(ctx, c, bySentence)
          : descriptionTarget(ctx, c, bySentence, facts);
    if (target) {
      c.cluster = target.cluster;
      c.type = target.type;
    } else if (c.form === 'description' && c.type === 'organization') {
      // Unresolved "the agency"s of one document are one agency.
      const key = `the ${c.head ?? ''}`;
      c.cluster = ownOrgs.get(key) ?? next++;
      ownOrgs.set(key, c.cluster);
    } else if (c.form === 'description') {
      c.cluster = next++;
      facts.gender.set(c.cluster, c.gender);
      facts.roleWords.set(c.cluster, new Set(c.head ? [c.head] : []));
    }
    if (c.cluster >= 0) bySentence[c.sentence]?.push(c);
  }
  ctx.candidates = ctx.candidates.filter((c) => c.cluster >= 0);
}

/** "who" is the mention right before it ("U.S. officials who spoke"), a comma allowed between. */
function relativeTarget(ctx: DocContext, c: Candidate, bySentence: Candidate[][]): Candidate | null {
  const end = ctx.key(c.from - 1) === ',' ? c.from - 1 : c.from;
  const list = bySentence[c.sentence] ?? [];
  for (let k = list.length - 1; k >= 0; k--) {
    const m = list[k] as Candidate;
    if (m.to === end && m.form !== 'pronoun' && (m.type === 'person' || m.type === 'group' || m.type === 'organization')) return m;
    if (m.to < end) break;
  }
  return null;
}

function* window(c: Candidate, bySentence: Candidate[][], size: number): Generator<Candidate[]> {
  for (let s = c.sentence; s >= 0 && s >= c.sentence - size; s--) {
    const list = bySentence[s] ?? [];
    yield s === c.sentence ? list.filter((m) => m.to <= c.from) : list;
  }
}

function pronounTarget(c: Candidate, bySentence: Candidate[][], facts: ClusterFacts): Candidate | null {
  if (c.type === 'person') {
    for (const list of window(c, bySentence, WINDOW)) {
      const hit = list.find((m) => m.type === 'person' && compatible(facts.gender.get(m.cluster) ?? '', c.gender));
      if (hit) return hit;
    }
    // Further back, only a person known to have the pronoun's gender: the last "she" of the story.
    for (const list of window(c, bySentence, c.sentence)) {
      for (let k = list.length - 1; k >= 0; k--) {
        const m = list[k] as Candidate;
        if (m.type === 'person' && c.gender !== '' && facts.gender.get(m.cluster) === c.gender) return m;
      }
    }
    return null;
  }
  for (const list of window(c, bySentence, WINDOW)) {
    const hit = list.find((m) => m.type === 'group' && m.form !== 'pronoun');
    if (hit) return hit;
  }
  for (const list of window(c, bySentence, 1)) {
    const hit = list.find((m) => m.type === 'organization');
    if (hit) return hit;
  }
  return null;
}

/** "the agency": the most recent organisation in the window whose name has that word ("Central Intelligence Agency"). */
function organisationTarget(ctx: DocContext, c: Candidate, bySentence: Candidate[][]): Candidate | null {
  const head = c.head ?? '';
  // "the group", "the organization" fit any organisation; "the agency" one whose name says so.
  const generic = GENERIC_ORGANISATION.has(head);
  for (const list of window(c, bySentence, WINDOW + 1)) {
    for (let k = list.length - 1; k >= 0; k--) {
      const m = list[k] as Candidate;
      if (m.type !== 'organization' || m.form !== 'name') continue;
      if (generic || nameHasWord(ctx, m, head)) return m;
    }
  }
  return null;
}

function nameHasWord(ctx: DocContext, m: Candidate, word: string): boolean {
  for (let t = m.from; t < m.to; t++) if (ctx.key(t) === word) return true;
  const name = m.entry?.name.toLowerCase();
  return name !== undefined && (name === word || name.startsWith(word + ' ') || name.endsWith(' ' + word) || name.includes(` ${word} `));
}

function compatible(known: Gender, wanted: Gender): boolean {
  return known === '' || wanted === '' || known === wanted;
}

function descriptionTarget(ctx: DocContext, c: Candidate, bySentence: Candidate[][], facts: ClusterFacts): Candidate | null {
  const head = c.head ?? '';
  const generic = ctx.lex.genericPersonHeads.has(head);
  const synonyms = ctx.lex.titleSynonyms.get(head) ?? new Set([head]);
  const qualifiers: string[] = [];
  for (let t = c.from + 1; t < c.to - 1; t++) {
    const k = ctx.key(t);
    if (ctx.lex.roleModifiers.has(k) && !ctx.isCap(t)) qualifiers.push(k);
  }
  const fits = (m: Candidate): boolean => {
    if (m.type !== 'person' || m.form === 'pronoun') return false;
    if (!compatible(facts.gender.get(m.cluster) ?? '', c.gender)) return false;
    if (c.country && !(facts.countries.get(m.cluster)?.has(c.country) ?? false)) return false;
    if (generic) return true;
    const words = facts.roleWords.get(m.cluster);
    if (!words) return false;
    // "the minority leader" is not the majority leader: qualifying words must be in the role too.
    for (const q of qualifiers) if (!words.has(q)) return false;
    for (const w of synonyms) if (words.has(w)) return true;
    return false;
  };
  for (const list of window(c, bySentence, WINDOW)) {
    for (let k = list.length - 1; k >= 0; k--) {
      const m = list[k] as Candidate;
      if (fits(m)) return m;
    }
  }
  if (generic) return null;
  const all = new Map<number, Candidate>();
  for (let s = 0; s <= c.sentence; s++) for (const m of bySentence[s] ?? []) if (m.to <= c.from && fits(m)) all.set(m.cluster, m);
  return all.size === 1 ? ([...all.values()][0] as Candidate) : null;
}
