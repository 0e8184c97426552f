/**
 * Roles around a person's name, in the three shapes news uses:
 *   before, joined:        "U.S. national security adviser Jake Sullivan", "former President Obama"
 *   before, with a comma:  "Head of Russia's Foreign Intelligence Service, Sergei Naryshkin"
 *   after, as appositive:  "Tatiana Stanovaya, an analyst who ...", "Yevgeny Prigozhin, the leader of ..."
 * A role phrase must end (before) or be headed (after) by a title word from the lexicon.
 */
import type { Candidate, DocContext, TokenRange } from './context.js';
import type { NameScan } from './names.js';

const APPOSITIVE_STOP = new Set([',', '.', ';', ':', '(', ')', '—', '–', 'who', 'whom', 'whose', 'which', 'that', 'and', 'said', 'says', '"', '“', '”']);
const MAX_APPOSITIVE = 14;

export function scanRoles(ctx: DocContext, scan: NameScan, cover: Int32Array): void {
  for (const c of ctx.candidates) {
    if (c.form !== 'name' || (c.type !== 'person' && c.type !== null)) continue;
    joinedRole(ctx, c, scan, cover);
    if (ctx.key(c.from - 1) === ',') commaRole(ctx, c, scan, cover);
    if (ctx.key(c.to) === ',') appositiveRole(ctx, c);
  }
}

function isTitle(ctx: DocContext, i: number): boolean {
  const k = ctx.key(i);
  return ctx.lex.titles.has(k) || ctx.lex.titleAbbreviations.has(k);
}

/**
 * Extend a role leftwards from `end` over words that qualify a title: adjectives, nouns, nationality
 * adjectives, names and possessives ("President Putin's foreign policy"). Stops at determiners,
 * verbs, prepositions and punctuation.
 */
function extendBack(ctx: DocContext, end: number, scan: NameScan, cover: Int32Array, self: Candidate, strict = false): number {
  const first = ctx.sentenceStart[ctx.tokens[end - 1]?.sentence ?? 0] ?? 0;
  let q = end;
  while (q - 1 >= first) {
    const j = q - 1;
    const k = ctx.key(j);
    const c = cover[j] ?? -1;
    const cand = c >= 0 ? ctx.candidates[c] : undefined;
    if (cand && cand !== self && cand.form === 'name' && cand.to === q) {
      q = cand.from;
      continue;
    }
    if (scan.demonyms.has(j)) {
      q = j;
      continue;
    }
    if (ctx.isPossessive(j) && j - 1 >= first && (cover[j - 1] ?? -1) >= 0) {
      q = j;
      continue;
    }
    const pos = ctx.pos(j);
    if (isTitle(ctx, j) || ctx.lex.roleModifiers.has(k)) {
      q = j;
      continue;
    }
    if (!strict && !ctx.isCap(j) && (pos === 'ADJ' || pos === 'NOUN') && !ctx.lex.quantifiers.has(k) && !ctx.lex.speechVerbs.has(k)) {
      q = j;
      continue;
    }
    if (k === '-' && ctx.glued(j - 1) && ctx.glued(j)) {
      q = j;
      continue;
    }
    break;
  }
  return q;
}

function addRole(c: Candidate, r: TokenRange): void {
  if (r.to <= r.from) return;
  if (!c.roles.some((x) => x.from === r.from && x.to === r.to)) c.roles = [...c.roles, r];
  c.titled = true;
}

/** "U.S. national security adviser Jake Sullivan": a lower-case title right before the name. */
function joinedRole(ctx: DocContext, c: Candidate, scan: NameScan, cover: Int32Array): void {
  const existing = c.roles[0];
  const end = existing ? existing.from : c.from;
  if (!existing && !isTitle(ctx, end - 1)) return;
  // Before a capitalised title ("President Obama") only modifiers like "former" join the role: the
  // noun before it is usually the end of another phrase ("after the deal President Obama ...").
  const from = extendBack(ctx, end, scan, cover, c, existing !== undefined && ctx.isCap(existing.from));
  if (existing) existing.from = from;
  else addRole(c, { from, to: end });
  setGender(ctx, c, end - 1);
}

/** "Head of Russia's Foreign Intelligence Service, Sergei Naryshkin" and "Patrushev's ... secretary, Nikolai Patrushev". */
function commaRole(ctx: DocContext, c: Candidate, scan: NameScan, cover: Int32Array): void {
  const comma = c.from - 1;
  const trailing = scan.trailingRoles.get(comma);
  if (trailing) {
    addRole(c, { from: extendBack(ctx, trailing.from, scan, cover, c), to: comma });
    c.gender ||= trailing.gender;
    return;
  }
  if (!isTitle(ctx, comma - 1) || ctx.isCap(comma - 1)) return;
  const from = extendBack(ctx, comma, scan, cover, c);
  addRole(c, { from, to: comma });
  setGender(ctx, c, comma - 1);
}

/** "Tatiana Stanovaya, an analyst who tracks Russian politics," -> "analyst". */
function appositiveRole(ctx: DocContext, c: Candidate): void {
  let i = c.to + 1;
  const k0 = ctx.key(i);
  if (k0 === 'a' || k0 === 'an' || k0 === 'the') i++;
  const start = i;
  const sentenceEnd = ctx.a.sentences[c.sentence]?.lastToken ?? ctx.tokens.length;
  let head = -1;
  let end = start;
  for (let j = start; j < sentenceEnd && j < start + MAX_APPOSITIVE; j++) {
    const k = ctx.key(j);
    const pos = ctx.pos(j);
    if (APPOSITIVE_STOP.has(k) || pos === 'VERB' || pos === 'AUX' || pos === 'PRON' || pos === 'NUM') break;
    if (head < 0 && (k === 'of' || k === 'at' || k === 'for' || k === 'in' || k === 'with' || k === 'to')) {
      head = end - 1;
      if (!isTitle(ctx, head)) return;
    }
    if (pos === 'ADP' && !(k === 'of' || k === 'at' || k === 'for' || k === 'in')) break;
    end = j + 1;
  }
  if (end <= start) return;
  if (head < 0) head = end - 1;
  if (!isTitle(ctx, head)) return;
  // Roles are not "a member": keep appositives whose head is a title, trimmed of trailing prepositions.
  while (end > start && ['of', 'at', 'for', 'in', 'the', 'a', 'an'].includes(ctx.key(end - 1))) end--;
  addRole(c, { from: start, to: end });
  setGender(ctx, c, head);
}

function setGender(ctx: DocContext, c: Candidate, titleToken: number): void {
  c.gender ||= ctx.lex.genderedTitles.get(ctx.key(titleToken)) ?? '';
}
