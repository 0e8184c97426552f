/**
 * A document's events as candidates for grouping across documents, and the rule that says whether
 * two candidates are one event:
 *   - compatible types (a call and talks, never a call and a meeting);
 *   - compatible times: their date windows overlap. A dated event's window is its date (a day
 *     and the next, for time zones and "Thursday night"); an undated main event
 *     happened in the week before publication (news is about what just happened), any other
 *     undated event in the month before;
 *   - overlapping participants: two shared when both name two or more (a Biden-Putin call is not
 *     a Biden-Zelensky call), one otherwise. For talk about talk (statements, criticism) one
 *     shared participant is enough only when both are dated to the same day.
 * People are compared by surname when one side knows only the surname ("Burns" = "William
 * Burns"), by global id otherwise (src/link/entities.ts), so the rule depends on the two
 * candidates alone and never on what else was ingested first. Generic participants ("officials",
 * "experts", the United Nations as a forum) take part in countless unrelated events: they are
 * shown, but neither count as shared nor serve as blocking keys, or they would chain unrelated
 * meetings into one event.
 */
import type { AnalysedDocument } from '../model/document.js';
import type { DateValue, EntityType, EventFinding } from '../model/findings.js';
import { readTitle } from '../nlp/events/title.js';
import { compatibleTypes, familyOf, WEAK_FAMILIES, type EventFamily } from '../nlp/events/ontology.js';
import { nameKey } from '../nlp/entities/normalise.js';
import { lexicon } from '../nlp/entities/lexicon.js';
import { parseIsoDay, type Day } from '../nlp/time/calendar.js';
import { globalEntityId, type EntityLike } from './entities.js';

export interface ParticipantRef {
  /** Global entity id (src/link/entities.ts). */
  id: string;
  /** What matching compares: the global id, or `person:<surname>` for people. */
  key: string;
  name: string;
  type: EntityType;
  /** A person known here by surname only: matches anyone with that surname. */
  surnameOnly: boolean;
  /** Named only by the headline: used to match, shown only when nothing else names anyone. */
  fromTitle: boolean;
}

export interface EventCandidate {
  doc: string;
  key: string;
  /** The event's type; `story` for a document with no event, known only by its story. */
  type: string;
  family: EventFamily | 'story';
  participants: ParticipantRef[];
  /** Where it happened: global id and name. */
  place: { id: string; name: string } | null;
  date: DateValue | null;
  /** Days (since 1970-01-01) the event can have happened in, or null when nothing bounds it. */
  window: [Day, Day] | null;
  /** Both ends dated to the day by the text. */
  dayPrecise: boolean;
  main: boolean;
  published: Day | null;
  /** Stands for a document without events: grouped by its story alone, never a group member. */
  storyOnly: boolean;
}

/** Organisations named as a forum of many unrelated events rather than as a party to one. */
const GENERIC_ORGANISATIONS = new Set(['organization:united-nations']);

/** A participant that says nothing about which event this is (see the module comment). */
export function isGeneric(p: Pick<ParticipantRef, 'id' | 'type'>): boolean {
  return p.type === 'group' || GENERIC_ORGANISATIONS.has(p.id);
}

/** The participants that tell events apart. */
export function specificParticipants(c: Pick<EventCandidate, 'participants'>): ParticipantRef[] {
  return c.participants.filter((p) => !isGeneric(p));
}

/** Days before publication an undated main event can be from; any other undated event. */
export const MAIN_PEG_DAYS = 7;
export const UNDATED_DAYS = 30;

/** Match key of an entity: people by surname (see `sharedParticipants`), the rest by global id. */
export function matchKey(e: EntityLike): string {
  return participantRef(e).key;
}

/** Names recur across a corpus: their refs are computed once (bounded). */
const refs = new Map<string, ParticipantRef>();

export function participantRef(e: EntityLike): ParticipantRef {
  const cacheKey = `${e.type}|${e.name}|${(e.aliases ?? []).join('|')}`;
  const hit = refs.get(cacheKey);
  if (hit) return { ...hit };
  const id = globalEntityId(e);
  const words = nameKey(e.name).split(' ');
  const known = lexicon().byName.has(`${e.type}|${nameKey(e.name)}`);
  const surname = words.length >= 2 ? (words[words.length - 1] as string) : id.slice(id.lastIndexOf('-') + 1).replace(/^person:/, '');
  const ref: ParticipantRef = {
    id,
    key: e.type === 'person' ? `person:${surname}` : id,
    name: e.name,
    type: e.type,
    surnameOnly: e.type === 'person' && !known && words.length === 1,
    fromTitle: false,
  };
  if (refs.size > 100_000) refs.clear();
  refs.set(cacheKey, ref);
  return { ...ref };
}

/** The candidates of one analysed document; `main` is the key of its main event. */
export function candidatesOf(a: AnalysedDocument, main: string | null): EventCandidate[] {
  const entities = new Map(a.entities.map((e) => [e.key, e]));
  const published = a.doc.date ? parseIsoDay(a.doc.date) : null;
  return a.events.map((e) => {
    const isMain = e.key === main;
    const refs: ParticipantRef[] = [];
    const add = (ref: ParticipantRef): void => {
      if (!refs.some((r) => r.key === ref.key && (r.id === ref.id || r.surnameOnly || ref.surnameOnly))) refs.push(ref);
    };
    for (const key of e.participants) {
      const entity = entities.get(key);
      if (entity) add(participantRef(entity));
    }
    if (isMain) for (const ref of titleParticipants(a, e)) add(ref);
    const place = e.place ? (entities.get(e.place) ?? null) : null;
    return {
      doc: a.doc.id,
      key: e.key,
      type: e.type,
      family: familyOf(e.type),
      participants: refs,
      place: place ? { id: globalEntityId(place), name: place.name } : null,
      date: e.date,
      window: windowOf(e, isMain, published),
      dayPrecise: e.date?.precision === 'day' && e.date.start === e.date.end,
      main: isMain,
      published,
      storyOnly: false,
    };
  });
}

/** The stand-in for a document without events, named by its most salient entities. */
export function storyCandidate(a: AnalysedDocument, top: readonly EntityLike[]): EventCandidate {
  return {
    doc: a.doc.id,
    key: '',
    type: 'story',
    family: 'story',
    participants: top.map(participantRef),
    place: null,
    date: null,
    window: null,
    dayPrecise: false,
    main: true,
    published: a.doc.date ? parseIsoDay(a.doc.date) : null,
    storyOnly: true,
  };
}

/**
 * Names the headline gives to the main event when it names that kind of event ("Naryshkin
 * confirms telephone conversation with CIA Director Burns" for a body that says only "the
 * conversation").
 */
function titleParticipants(a: AnalysedDocument, e: EventFinding): ParticipantRef[] {
  const title = readTitle(a.doc.title);
  if (!title.types.some((t) => compatibleTypes(t, e.type))) return [];
  const out: ParticipantRef[] = [];
  for (const name of title.names) {
    const type = guessType(name);
    // "President Vladimir Putin of Russia": a country in a headline is an affiliation.
    if (type === 'person' || type === 'organization') out.push({ ...participantRef({ type, name }), fromTitle: true });
  }
  return out;
}

function guessType(name: string): EntityType | null {
  const key = nameKey(name);
  for (const type of ['person', 'organization', 'place', 'group'] as const) {
    if (lexicon().byName.has(`${type}|${key}`)) return type;
  }
  const words = name.split(' ');
  return words.length <= 3 && words.every((w) => /^\p{Lu}\p{Ll}/u.test(w)) ? 'person' : null;
}

function windowOf(e: EventFinding, main: boolean, published: Day | null): [Day, Day] | null {
  if (e.date) {
    const start = parseIsoDay(e.date.start);
    const end = parseIsoDay(e.date.end);
    // A day may be reported as the next ("Thursday night" in Washington is Friday in Moscow).
    if (start !== null && end !== null) return e.date.precision === 'day' ? [start, end + 1] : [start, end];
  }
  if (published === null) return null;
  return [published - (main ? MAIN_PEG_DAYS : UNDATED_DAYS), published];
}

export function windowsOverlap(a: [Day, Day] | null, b: [Day, Day] | null): boolean {
  if (!a || !b) return a === b;
  return a[0] <= b[1] && b[0] <= a[1];
}

export function sharedParticipants(a: EventCandidate, b: EventCandidate): number {
  let shared = 0;
  for (const p of a.participants) {
    if (isGeneric(p)) continue;
    if (b.participants.some((q) => p.key === q.key && (p.id === q.id || p.surnameOnly || q.surnameOnly))) shared++;
  }
  return shared;
}

/** Whether two candidates from different documents are one event (see the module comment and `looseMention`). */
export function sameEvent(a: EventCandidate, b: EventCandidate): boolean {
  if (a.doc === b.doc || a.storyOnly || b.storyOnly) return false;
  if (!compatibleTypes(a.type, b.type)) return false;
  if (!windowsOverlap(a.window, b.window)) return false;
  if (looseMention(a) || looseMention(b)) return false;
  const shared = sharedParticipants(a, b);
  const needed = specificParticipants(a).length >= 2 && specificParticipants(b).length >= 2 ? 2 : 1;
  if (shared < needed) return false;
  if (a.family !== 'story' && WEAK_FAMILIES.has(a.family) && shared < 2 && !(a.dayPrecise && b.dayPrecise)) return false;
  return true;
}

/** Widest window, in days, of a passing mention that may still join an event. */
const MENTION_DAYS = 8;

/**
 * A passing mention (not the document's main event) dated no closer than a month, or not at all
 * beyond its month before publication ("the call last month"), could be any of its participants'
 * events that month: it joins none. Joining, it bridged them, and recurring pairs of actors
 * chained a year of meetings into one event.
 */
function looseMention(c: EventCandidate): boolean {
  return !c.main && (c.window === null || c.window[1] - c.window[0] > MENTION_DAYS);
}
