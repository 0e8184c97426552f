/**
 * Mentions that are not proper names: groups ("U.S. officials", "Experts", "the Russians"),
 * organisations named by nationality ("the Russian government"), descriptions of a person ("the
 * official", "the Russian chief") and third-person pronouns. Their identity is decided later.
 */
import type { Candidate, DocContext } from './context.js';
import type { NameScan } from './names.js';
import { slug } from './normalise.js';

/** Index of the name candidate covering each token, or -1. */
export function coverage(ctx: DocContext): Int32Array {
  const cover = new Int32Array(ctx.tokens.length).fill(-1);
  ctx.candidates.forEach((c, k) => {
    for (let t = c.from; t < c.to; t++) cover[t] = k;
  });
  return cover;
}

interface Modifiers {
  from: number;
  names: Candidate[];
  countries: string[];
}

/** Walk back from a head noun over the words that qualify it: "senior U.S. and Russian intelligence". */
function modifiersBefore(ctx: DocContext, head: number, scan: NameScan, cover: Int32Array): Modifiers {
  const lex = ctx.lex;
  const sentenceFirst = ctx.sentenceStart[ctx.tokens[head]?.sentence ?? 0] ?? 0;
  const names: Candidate[] = [];
  const countries: string[] = [];
  let q = head;
  while (q - 1 >= sentenceFirst) {
    const j = q - 1;
    const k = ctx.key(j);
    const c = cover[j] ?? -1;
    const cand = c >= 0 ? ctx.candidates[c] : undefined;
    if (cand && (cand.type === 'place' || cand.type === 'organization') && cand.to === q) {
      names.push(cand);
      if (cand.country) countries.push(cand.country);
      q = cand.from;
      continue;
    }
    const country = scan.demonyms.get(j);
    if (country) {
      countries.push(country);
      q = j;
      while (scan.demonyms.get(q - 1) === country) q--;
      continue;
    }
    if ((k === 'and' || k === ',') && q < head && isCountryWord(ctx, q, scan, cover) && isCountryWord(ctx, j - 1, scan, cover)) {
      q = j;
      continue;
    }
    if (k === '-' && ctx.glued(j - 1) && ctx.glued(j) && j - 1 >= sentenceFirst) {
      q = j;
      continue;
    }
    const pos = ctx.pos(j);
    // "Western governments": an untyped capitalised word is an adjective here.
    if (cand && cand.type === null && cand.to === q && cand.to - cand.from === 1) {
      q = j;
      continue;
    }
    const lower = !ctx.isCap(j);
    if (lower && (pos === 'ADJ' || pos === 'NOUN' || (pos === 'VERB' && ctx.key(j - 1) === '-')) && !lex.quantifiers.has(k) && !lex.groupHeads.has(k) && !lex.speechVerbs.has(k)) {
      q = j;
      continue;
    }
    break;
  }
  while (q < head && (ctx.key(q) === 'and' || ctx.key(q) === ',' || ctx.key(q) === '-')) q++;
  return { from: q, names, countries };
}

/** A nationality adjective or a place name: what may be coordinated in "U.S. and Russian officials". */
function isCountryWord(ctx: DocContext, i: number, scan: NameScan, cover: Int32Array): boolean {
  return scan.demonyms.has(i) || ctx.candidates[cover[i] ?? -1]?.type === 'place';
}

export function scanRefs(ctx: DocContext, scan: NameScan): void {
  const lex = ctx.lex;
  const cover = coverage(ctx);
  const added: Candidate[] = [];
  for (let i = 0; i < ctx.tokens.length; i++) {
    const pos = ctx.pos(i);
    if (pos !== 'NOUN' && pos !== 'PROPN' && pos !== 'PRON') continue;
    const own = cover[i] ?? -1;
    const ownCand = own >= 0 ? ctx.candidates[own] : undefined;
    if (ownCand && ownCand.type !== null) continue;
    const k = ctx.key(i);
    // One look-up tells whether the word can head any of these phrases at all.
    if (!lex.referenceHeads.has(k)) continue;
    if (lex.groupHeads.has(k) && (pos === 'NOUN' || pos === 'PROPN') && ctx.key(i + 1) !== "'s" && !ctx.isCap(i + 1)) {
      const m = modifiersBefore(ctx, i, scan, cover);
      if (m.from === i && lex.groupHeadsNeedModifier.has(k)) continue;
      const c = ctx.candidate(m.from, i + 1, 'group');
      c.head = k;
      c.modifiers = m.names;
      c.country = m.countries[0] ?? null;
      // Qualified by countries and organisations: "U.S. and Russian officials" = "Russian and American officials".
      const quals = [...new Set([...m.names.filter((n) => n.type === 'organization').map((n) => n.entry?.id ?? slug(ctx.spanText(n.from, n.to))), ...m.countries.map(slug)])].sort();
      c.key = `group:${k}${quals.length > 0 ? '|' + quals.join('+') : ''}`;
      added.push(c);
      continue;
    }
    if (ctx.isCap(i) && pos !== 'PRON') {
      if (!lex.titles.has(k) || ctx.key(i - 1) !== 'the') continue;
    }
    if ((lex.orgDescriptionHeads.has(k) || lex.orgAnaphorHeads.has(k)) && pos === 'NOUN' && ctx.pos(i + 1) !== 'NOUN') {
      const d = organisationDescription(ctx, i, scan, cover);
      if (d) {
        added.push(d);
        continue;
      }
    }
    if (k === 'who' && pos === 'PRON') {
      // "officials who spoke to ...": the relative pronoun is the name before it.
      const c = ctx.candidate(i, i + 1, null, 'pronoun');
      c.head = 'who';
      added.push(c);
      continue;
    }
    const pronoun = lex.pronouns.get(k);
    if (pronoun && pos === 'PRON') {
      const c = ctx.candidate(i, i + 1, pronoun === 'p' ? 'group' : 'person', 'pronoun');
      c.gender = pronoun === 'p' ? '' : pronoun;
      c.head = pronoun;
      added.push(c);
      continue;
    }
    if (lex.descriptionHeads.has(k) && (pos === 'NOUN' || pos === 'PROPN')) {
      const d = description(ctx, i, scan, cover);
      if (d) added.push(d);
    }
  }
  // Of two overlapping phrases keep the one whose head comes last: in "a majority leader candidate"
  // the head is "candidate", not "leader".
  for (let k = added.length - 1; k > 0; k--) {
    const cur = added[k] as Candidate;
    const prev = added[k - 1] as Candidate;
    if (prev.to > cur.from) added.splice(k - 1, 1);
  }
  // Names inside a group or description ("U.S." in "U.S. officials", "Experts") are part of it.
  const inside = new Uint8Array(ctx.tokens.length);
  for (const c of added) if (c.form !== 'pronoun') for (let t = c.from; t < c.to; t++) inside[t] = 1;
  const absorbed = new Set<Candidate>();
  for (const c of added) for (const m of c.modifiers) absorbed.add(m);
  ctx.candidates = ctx.candidates.filter((c) => !absorbed.has(c) && (c.type === 'person' || !inside[c.from]));
  ctx.candidates.push(...added);
  ctx.candidates.sort((x, y) => x.from - y.from || y.to - x.to);
}

/**
 * "the Russian government" (an organisation of a country: its own key), "the Trump campaign" (of a
 * person), "the agency" (an organisation named before, or one of its own: resolved later).
 */
function organisationDescription(ctx: DocContext, head: number, scan: NameScan, cover: Int32Array): Candidate | null {
  const lex = ctx.lex;
  const k = ctx.key(head);
  const m = modifiersBefore(ctx, head, scan, cover);
  const country = m.countries[0];
  if (lex.orgDescriptionHeads.has(k) && m.from < head && country && m.countries.every((x) => x === country)) {
    const c = ctx.candidate(m.from, head + 1, 'organization', 'description');
    c.country = country;
    c.head = k;
    c.modifiers = m.names;
    c.key = `organization:${k}|${slug(country)}`;
    return c;
  }
  if (!lex.orgAnaphorHeads.has(k)) return null;
  const owner = ctx.candidates[cover[head - 1] ?? -1];
  if (owner && (owner.type === 'person' || owner.type === null) && owner.to === head && m.from === head) {
    const c = ctx.candidate(owner.from, head + 1, 'organization', 'description');
    c.head = k;
    c.key = `organization:${k}|${slug(ctx.spanText(owner.from, owner.to))}`;
    // "the Obama campaign" is the campaign; Obama becomes its affiliation, not a second mention.
    c.modifiers = [owner];
    return c;
  }
  const det = ctx.key(m.from - 1);
  if (det !== 'the' && det !== 'this' && det !== 'that') return null;
  if (m.names.length > 0 || m.countries.length > 0) return null;
  const c = ctx.candidate(m.from - 1, head + 1, 'organization', 'description');
  c.head = k;
  return c;
}

/** "the official", "the Russian chief", "the President": a definite description of one person. */
function description(ctx: DocContext, head: number, scan: NameScan, cover: Int32Array): Candidate | null {
  const next = ctx.key(head + 1);
  // Followed by a name, the title is a role ("the spokesman Dmitry Peskov", "a UCS researcher, Jane
  // Doe"); followed by "of", part of a longer role.
  if (ctx.isCap(head + 1) || next === 'of' || next === "'s" || next === '-') return null;
  const after = ctx.candidates[cover[head + 2] ?? -1];
  if (next === ',' && after && after.from === head + 2 && (after.type === 'person' || after.type === null)) return null;
  const m = modifiersBefore(ctx, head, scan, cover);
  const det = ctx.key(m.from - 1);
  const indefinite = det === 'a' || det === 'an' || det === 'another';
  if (det !== 'the' && det !== 'this' && det !== 'that' && !indefinite) return null;
  // "a senior official" is someone; "a man" in "like a man" is usually no one in particular.
  if (indefinite && !ctx.lex.titles.has(ctx.key(head))) return null;
  // "Dmitry Peskov, the Kremlin spokesman,": an appositive is the name's role, not another mention.
  const before = ctx.candidates[cover[m.from - 3] ?? -1];
  if (ctx.key(m.from - 2) === ',' && before && (before.type === 'person' || before.type === null)) return null;
  const c = ctx.candidate(m.from - 1, head + 1, 'person', 'description');
  c.head = ctx.key(head);
  c.country = m.countries[0] ?? null;
  c.modifiers = m.names;
  c.gender = ctx.lex.genderedTitles.get(c.head) ?? '';
  // "a senior official": someone new, never an earlier person.
  c.fresh = indefinite;
  return c;
}
