/**
 * Runs: a sentence read as maximal stretches of capitalised words and gazetteer phrases ("units"),
 * with the connectors organisation names use inside ("Department of", "Russia's ... Council",
 * "Association for the Advancement of"). What the units are is decided in names.ts.
 */
import type { DocContext, TokenRange } from './context.js';
import type { GazetteerEntry, Gender } from './lexicon.js';

export type UnitKind = 'place' | 'organization' | 'person' | 'demonym' | 'title' | 'honorific' | 'cap' | 'of' | 'poss';

export interface Unit extends TokenRange {
  kind: UnitKind;
  entry: GazetteerEntry | null;
  plural: boolean;
}

/** What the name pass leaves for the later passes. */
export interface NameScan {
  /** Country (or party) of each nationality or party adjective, by token index. */
  demonyms: Map<number, string>;
  /** Title phrases not followed by a name in their run, by end token: "Head of X" before ", Name". */
  trailingRoles: Map<number, TokenRange & { gender: Gender }>;
}

export function isGiven(ctx: DocContext, u: Unit): boolean {
  return ctx.lex.givenNames.has(ctx.key(u.from)) && (u.kind === 'cap' || u.to - u.from === 1);
}

/** Token i when a run starts there (a capital, or a phrase that starts lower-case: "al-Qaeda"), else -1. */
export function runStart(ctx: DocContext, i: number, end: number): number {
  if (ctx.isCap(i) || (ctx.lex.lowerStarts.has(ctx.tokens[i]?.norm ?? '') && ctx.matchPhrase(i, end))) return i;
  return -1;
}

function unitAt(ctx: DocContext, i: number, end: number, scan: NameScan): Unit | null {
  // Phrases may start with a lower-case word of their own ("the Bronx", "al-Qaeda").
  const m = ctx.matchPhrase(i, end);
  if (m) return phraseUnit(m, scan);
  if (!ctx.isCap(i) || /^\W/.test(ctx.text(i))) return null;
  // "(R-N.Y.)", "(D-Calif.)": a party and a state, not a hyphenated name.
  if (ctx.text(i).length === 1 && ctx.key(i + 1) === '-') return null;
  const k = ctx.key(i);
  const lex = ctx.lex;
  let to = i + 1;
  // Hyphenated names: "Kassym-Jomart", "Abdel-Fattah" (not "Russia-Ukraine": those are phrases).
  while (ctx.key(to) === '-' && ctx.glued(to - 1) && ctx.glued(to) && ctx.isCap(to + 1) && !ctx.matchPhrase(to + 1, end)) to += 2;
  let kind: UnitKind = 'cap';
  const party = to === i + 1 ? lex.partyAdjectives.get(k) : undefined;
  if (party) {
    scan.demonyms.set(i, party);
    const entry = lex.byName.get(`organization|${party.toLowerCase()}`) ?? null;
    return { from: i, to, kind: 'demonym', entry, plural: false };
  }
  if (to === i + 1) {
    if (lex.honorifics.has(k) && ctx.isCap(i + 1)) kind = 'honorific';
    else if (lex.titles.has(k) || lex.titleAbbreviations.has(k)) kind = 'title';
  }
  return { from: i, to, kind, entry: null, plural: false };
}

function phraseUnit(m: { from: number; to: number; phrase: { entry: GazetteerEntry; demonym: boolean; plural: boolean } }, scan: NameScan): Unit {
  const { entry, demonym, plural } = m.phrase;
  if (demonym && entry.country) for (let t = m.from; t < m.to; t++) scan.demonyms.set(t, entry.country);
  const kind: UnitKind = demonym ? 'demonym' : entry.type === 'group' ? 'cap' : entry.type;
  return { from: m.from, to: m.to, kind, entry, plural };
}

const QUOTES = new Set(['"', '“', '”']);

/**
 * Tokens of headlines in title case ("Glenn Beck Rips Progressivism"), where capitals say nothing
 * about names: a sentence without a final stop, or a quoted title inside a sentence ("under the
 * headline “Newsweek Puts Picture of Michele Bachmann on Cover”").
 */
export function headlineMask(ctx: DocContext, from: number, to: number, mask: Uint8Array): void {
  let last = to - 1;
  if (QUOTES.has(ctx.text(last)) || ctx.text(last) === ')') last--;
  const prose = /^[.!?]$/.test(ctx.text(last));
  if (!prose && isTitleCase(ctx, from, to)) {
    mask.fill(1, from, to);
    return;
  }
  let open = -1;
  for (let i = from; i < to; i++) {
    if (!QUOTES.has(ctx.text(i))) continue;
    if (open < 0) open = i + 1;
    else {
      if (isTitleCase(ctx, open, i)) mask.fill(1, open, i);
      open = -1;
    }
  }
}

function isTitleCase(ctx: DocContext, from: number, to: number): boolean {
  let words = 0;
  let caps = 0;
  for (let i = from; i < to; i++) {
    const t = ctx.tokens[i];
    if (!t || t.text.length < 4 || t.pos === 'PUNCT' || t.pos === 'NUM' || t.pos === 'SYM') continue;
    words++;
    if (ctx.isCap(i)) caps++;
  }
  return words >= 3 && caps / words >= 0.7;
}

export function buildRun(ctx: DocContext, i: number, end: number, scan: NameScan, headline: Uint8Array): { units: Unit[]; next: number } {
  const units: Unit[] = [];
  let j = i;
  while (j < end) {
    const u = unitAt(ctx, j, end, scan);
    if (!u) break;
    // In a headline a run is one gazetteer name, one word, or a given name and the word after it.
    if (headline[j] === 1 && units.length > 0 && !(units.length === 1 && u.kind === 'cap' && isGiven(ctx, units[0] as Unit))) break;
    // "Michael Steele Sunday": a weekday or month ends a name.
    const initial = /^[A-Z]\.$/.test(ctx.text(u.from));
    if (units.length > 0 && u.kind === 'cap' && u.to - u.from === 1 && !initial && ctx.lex.nonNames.has(ctx.key(u.from))) break;
    units.push(u);
    j = u.to;
    const k = ctx.key(j);
    const last = u;
    const orgTail = last.kind === 'cap' && (ctx.lex.orgOfHeads.has(ctx.key(last.to - 1)) || inOrgTail(units));
    if ((k === 'of' && (last.kind === 'title' || orgTail)) || ((k === 'for' || k === 'on') && orgTail)) {
      const skip = ctx.key(j + 1) === 'the' ? 2 : 1;
      if (j + skip < end && ctx.isCap(j + skip)) {
        units.push({ from: j, to: j + skip, kind: 'of', entry: null, plural: false });
        j += skip;
      }
    } else if (ctx.isPossessive(j) && (last.kind === 'place' || last.kind === 'organization') && orgFollows(ctx, j + 1, end)) {
      units.push({ from: j, to: j + 1, kind: 'poss', entry: null, plural: false });
      j += 1;
    }
  }
  retitle(ctx, units);
  // A trailing "of" with nothing after it is not part of the run.
  while (units.length > 0 && (units[units.length - 1] as Unit).kind === 'of') units.pop();
  return { units, next: j };
}

/**
 * Title words that are really part of a name: "Executive Branch" (a cue follows), "Office of the
 * President" (after an organisation's "of"). And modifiers that are part of a title: "Foreign
 * Minister", "Deputy Director".
 */
function retitle(ctx: DocContext, units: Unit[]): void {
  const lex = ctx.lex;
  for (let u = 0; u < units.length; u++) {
    const unit = units[u] as Unit;
    const next = units[u + 1];
    const prev = units[u - 1];
    if (unit.kind !== 'title') continue;
    if (next?.kind === 'cap' && lex.orgCues.has(ctx.key(next.from)) && !(units[u + 2]?.kind === 'cap')) unit.kind = 'cap';
    else if (prev?.kind === 'of' && units[u - 2]?.kind === 'cap') unit.kind = 'cap';
    // "Mr. King", "Peter King": after an honorific or a given name comes a name.
    else if (prev?.kind === 'honorific' || (prev?.kind === 'cap' && isGiven(ctx, prev))) unit.kind = 'cap';
  }
  for (let u = units.length - 2; u >= 0; u--) {
    const unit = units[u] as Unit;
    const next = units[u + 1] as Unit;
    if (unit.kind === 'cap' && next.kind === 'title' && lex.roleModifiers.has(ctx.key(unit.from))) unit.kind = 'title';
  }
}

/** Inside the "of ..." tail of an organisation's name: "National Association for the Advancement of ...". */
function inOrgTail(units: Unit[]): boolean {
  for (let u = units.length - 1; u >= 0; u--) {
    const unit = units[u] as Unit;
    if (unit.kind === 'of') return true;
    if (unit.kind !== 'cap') return false;
  }
  return false;
}

/** After "Russia's": does a capitalised stretch ending in an organisation cue follow? */
function orgFollows(ctx: DocContext, i: number, end: number): boolean {
  for (let j = i; j < end && j < i + 6; j++) {
    if (!ctx.isCap(j)) return false;
    if (ctx.lex.orgCues.has(ctx.key(j)) && !(ctx.isCap(j + 1) && !ctx.lex.titles.has(ctx.key(j + 1)))) return true;
  }
  return false;
}
