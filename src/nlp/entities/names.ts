/**
 * Proper-name mentions: runs of capitalised tokens and gazetteer phrases, cut into titles ("CIA
 * Director"), organisations ("Russia's Foreign Intelligence Service"), places and person names.
 *
 * A run is read left to right as units. Title words split it: what precedes a title is the role's
 * modifier ("CIA", "Ukrainian"), what follows is the name. A capitalised stretch ending in an
 * organisation cue ("Service", "Council", "Journal") is an organisation; one ending in a place cue
 * ("Square", "River") a place; two or more other capitalised words a person, unless "the" precedes
 * them ("the Cold War"). A lone unknown capitalised word stays untyped until identity decides.
 */
import type { EntityType } from '../../model/findings.js';
import type { Candidate, DocContext, TokenRange } from './context.js';
import type { Gender } from './lexicon.js';
import { buildRun, headlineMask, isGiven, runStart, type NameScan, type Unit } from './runs.js';

export type { NameScan } from './runs.js';

interface Part {
  title: boolean;
  units: Unit[];
  /** For a title part: the "of ..." complement ("Head of Russia's Foreign Intelligence Service"). */
  complement: Unit[];
}

export function scanNames(ctx: DocContext): NameScan {
  const scan: NameScan = { demonyms: new Map(), trailingRoles: new Map() };
  const headline = new Uint8Array(ctx.tokens.length);
  for (const s of ctx.a.sentences) {
    let i = s.firstToken;
    const end = s.lastToken;
    headlineMask(ctx, s.firstToken, end, headline);
    while (i < end) {
      const start = runStart(ctx, i, end);
      if (start < 0) {
        i++;
        continue;
      }
      const { units, next } = buildRun(ctx, start, end, scan, headline);
      if (units.length > 0) readRun(ctx, units, scan, start > 0 && ctx.key(start - 1) === 'the' && !ctx.isCap(start - 1));
      i = Math.max(next, i + 1);
    }
  }
  return scan;
}

function readRun(ctx: DocContext, all: Unit[], scan: NameScan, afterThe: boolean): void {
  let units = all;
  // A capitalised common word at a clause start is not a name ("However", "Experts", "Contrary").
  while (units.length > 0) {
    const u = units[0] as Unit;
    if (u.kind !== 'cap' || u.to - u.from > 1) break;
    const k = ctx.key(u.from);
    const common =
      ctx.lex.nonNames.has(k) ||
      (ctx.atClauseStart(u.from) && (ctx.lex.speechVerbs.has(k) || (ctx.lowerWords.has(k) && !ctx.lex.givenNames.has(k))));
    if (!common) break;
    units = units.slice(1);
    afterThe = k === 'the';
  }
  const parts = splitParts(ctx, units);
  let prevModifier: Unit[] | null = null;
  let pendingRole: (TokenRange & { gender: Gender; honorificOnly: boolean }) | null = null;
  parts.forEach((part, p) => {
    if (part.title) {
      const first = part.units[0] as Unit;
      const tail = part.complement.length > 0 ? part.complement : part.units;
      const lastUnit = tail[tail.length - 1] as Unit;
      const from = prevModifier ? (prevModifier[0] as Unit).from : first.from;
      const honorificOnly = part.units.every((u) => u.kind === 'honorific');
      pendingRole = { from, to: lastUnit.to, gender: titleGender(ctx, part.units), honorificOnly };
      if (part.complement.length > 0) emitSegment(ctx, part.complement, false);
      if (p === parts.length - 1 && !honorificOnly) scan.trailingRoles.set(lastUnit.to, { from, to: lastUnit.to, gender: pendingRole.gender });
      prevModifier = null;
      return;
    }
    const made = emitSegment(ctx, part.units, afterThe && p === 0 && !pendingRole, pendingRole !== null);
    const head = made.find((c) => c.type === 'person' || c.type === null);
    const role = pendingRole as (TokenRange & { gender: Gender; honorificOnly: boolean }) | null;
    if (role && head) {
      head.titled = true;
      head.gender ||= role.gender;
      if (!role.honorificOnly) head.roles = [...head.roles, { from: role.from, to: role.to }];
    }
    pendingRole = null;
    prevModifier = made.length > 0 && made.every((c) => c.type === 'organization' || c.type === 'place') ? part.units : allDemonyms(part.units) ? part.units : null;
  });
}

function allDemonyms(units: Unit[]): boolean {
  return units.length > 0 && units.every((u) => u.kind === 'demonym');
}

function titleGender(ctx: DocContext, units: Unit[]): Gender {
  for (const u of units) {
    const k = ctx.key(u.from);
    const g = ctx.lex.honorifics.get(k) ?? ctx.lex.genderedTitles.get(k);
    if (g) return g;
  }
  return '';
}

/** Cut a run into name parts and title parts; a title part takes its "of ..." complement. */
function splitParts(ctx: DocContext, units: Unit[]): Part[] {
  const parts: Part[] = [];
  let u = 0;
  while (u < units.length) {
    const unit = units[u] as Unit;
    if (unit.kind === 'title' || unit.kind === 'honorific') {
      const titleUnits: Unit[] = [];
      while (u < units.length && ((units[u] as Unit).kind === 'title' || (units[u] as Unit).kind === 'honorific')) titleUnits.push(units[u++] as Unit);
      const complement: Unit[] = [];
      if (u < units.length && (units[u] as Unit).kind === 'of') {
        const ofUnit = units[u] as Unit;
        let c = u + 1;
        while (c < units.length && !startsName(ctx, units[c] as Unit)) c++;
        // "Secretary of State Kerry": keep the last plain word as the name.
        if (c === units.length && c - (u + 1) === 2 && (units[c - 1] as Unit).kind === 'cap' && ctx.lex.roleModifiers.has(ctx.key((units[u + 1] as Unit).from))) c--;
        if (c > u + 1) {
          titleUnits.push(ofUnit);
          complement.push(...(units.slice(u + 1, c) as Unit[]));
          u = c;
        }
      }
      parts.push({ title: true, units: titleUnits, complement });
      continue;
    }
    const nameUnits: Unit[] = [];
    while (u < units.length && (units[u] as Unit).kind !== 'title' && (units[u] as Unit).kind !== 'honorific') nameUnits.push(units[u++] as Unit);
    parts.push({ title: false, units: nameUnits, complement: [] });
  }
  return parts;
}

function startsName(ctx: DocContext, u: Unit): boolean {
  return u.kind === 'person' || u.kind === 'title' || u.kind === 'honorific' || (u.kind === 'cap' && ctx.lex.givenNames.has(ctx.key(u.from)));
}

/** Type one name part and push its candidates; returns them. */
function emitSegment(ctx: DocContext, units: Unit[], afterThe: boolean, titled = false): Candidate[] {
  const out: Candidate[] = [];
  if (units.length === 0) return out;
  const lex = ctx.lex;
  const first = units[0] as Unit;
  const lastIndex = units.length - 1;
  // Organisation: a capitalised stretch ending in a cue word (and its "of ..." tail).
  let cue = -1;
  for (let u = 0; u < units.length; u++) {
    const unit = units[u] as Unit;
    const next = units[u + 1];
    if (unit.kind === 'cap' && (lex.orgCues.has(ctx.key(unit.to - 1)) || (next?.kind === 'of' && lex.orgOfHeads.has(ctx.key(unit.to - 1))))) cue = u;
    if (unit.kind === 'of' && cue === u - 1) cue = lastIndex;
  }
  const personLike = isGiven(ctx, first) && units.length === 2 && cue === 1;
  // A cue word alone ("Project", "Government") is not an organisation's name.
  if (cue >= 0 && !personLike && (cue > 0 || units[1]?.kind === 'of')) {
    let orgEnd = cue;
    while (orgEnd > 0 && (units[orgEnd] as Unit).kind === 'of') orgEnd--;
    const org = ctx.candidate(first.from, (units[orgEnd] as Unit).to, 'organization');
    org.country = countryOf(units.slice(0, cue + 1));
    push(ctx, out, org);
    out.push(...emitSegment(ctx, units.slice(cue + 1), false));
    return out;
  }
  const last = units[lastIndex] as Unit;
  if (units.length > 1 && last.kind === 'cap' && lex.miscCues.has(ctx.key(last.from))) return out;
  if (units.length > 1 && first.kind === 'cap' && lex.miscPrefixes.has(ctx.key(first.from))) return out;
  if (units.length > 1 && last.kind === 'cap' && lex.placeCues.has(ctx.key(last.from)) && !isGiven(ctx, first)) {
    push(ctx, out, ctx.candidate(first.from, last.to, 'place'));
    return out;
  }
  if (units.length === 1) {
    single(ctx, out, first, titled);
    return out;
  }
  // "Jordan Peterson", "George Washington": a given name starts a person's name even when it is also a place.
  const second = units[1] as Unit;
  if (isGiven(ctx, first) && second.kind !== 'demonym' && second.kind !== 'poss' && second.to - second.from === 1) {
    const end = units.findIndex((u, k) => k > 0 && (u.kind === 'demonym' || u.kind === 'of' || u.kind === 'poss'));
    const stop = end < 0 ? units.length : end;
    const person = ctx.candidate(first.from, (units[stop - 1] as Unit).to, 'person');
    person.gender = lex.givenNames.get(ctx.key(first.from)) ?? '';
    const known = units.find((u) => u.kind === 'person');
    if (known && known.from === first.from && known.to === person.to) person.entry = known.entry;
    person.titled = titled;
    push(ctx, out, person);
    out.push(...emitSegment(ctx, units.slice(stop), false));
    return out;
  }
  if (first.kind !== 'cap') {
    single(ctx, out, first, titled);
    out.push(...emitSegment(ctx, units.slice(1), false, titled));
    return out;
  }
  let m = 1;
  while (m < units.length && (units[m] as Unit).kind === 'cap') m++;
  if (m >= 2 && lex.placePrefixes.has(ctx.key(first.from))) {
    push(ctx, out, ctx.candidate(first.from, (units[m - 1] as Unit).to, 'place'));
  } else if (m >= 2) {
    // "Congressional Republicans", "Macroeconomic Advisors": a group, left to the group pass.
    if (!afterThe && !lex.groupHeads.has(ctx.key((units[m - 1] as Unit).from))) {
      const person = ctx.candidate(first.from, (units[m - 1] as Unit).to, 'person');
      person.titled = titled;
      push(ctx, out, person);
    }
  } else {
    single(ctx, out, first, titled);
  }
  out.push(...emitSegment(ctx, units.slice(m), false));
  return out;
}

function single(ctx: DocContext, out: Candidate[], u: Unit, titled: boolean): void {
  if (u.kind === 'place' || u.kind === 'organization' || u.kind === 'person') {
    const c = ctx.candidate(u.from, u.to, u.kind as EntityType);
    c.entry = u.entry;
    c.country = u.entry?.country ?? null;
    c.titled = titled;
    if (u.kind === 'person') c.gender = ctx.lex.givenNames.get(ctx.key(u.from)) ?? '';
    push(ctx, out, c);
  } else if (u.kind === 'demonym' && u.plural) {
    const c = ctx.candidate(u.from, u.to, 'group');
    c.country = u.entry?.country ?? null;
    c.head = ctx.key(u.from);
    c.key = `group:${c.country ?? c.head}`;
    push(ctx, out, c);
  } else if (u.kind === 'cap') {
    const c = ctx.candidate(u.from, u.to, null);
    c.titled = titled;
    push(ctx, out, c);
  }
}

function countryOf(units: Unit[]): string | null {
  for (const u of units) if (u.entry?.country) return u.entry.country;
  return null;
}

function push(ctx: DocContext, out: Candidate[], c: Candidate): void {
  ctx.candidates.push(c);
  out.push(c);
}
