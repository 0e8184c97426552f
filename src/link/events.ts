/**
 * Events across documents: the mentions of one event in many documents made one `EventGroup`,
 * and each document's main event named by its group's id.
 *
 * `groupEvents` runs the incremental `EventIndex` (events-index.ts: blocking, pairwise decisions,
 * union-find) over a batch; a store can keep an `EventIndex` and `add` documents as they come,
 * with the same result as a batch of all of them. Everything derived from a group (id, type,
 * label, date, participants) is computed from its sorted members, so it does not depend on the
 * order of the documents either. A group's id is a hash of its least member (document id, event
 * key): when two groups merge, the merged group keeps the id of the one with the least member.
 */
import { createHash } from 'node:crypto';
import type { AnalysedDocument } from '../model/document.js';
import type { Participant } from '../model/compare.js';
import type { DateValue } from '../model/findings.js';
import { compatibleTypes, moreSpecific, typeInfo } from '../nlp/events/ontology.js';
import type { ParticipantRef } from './events-candidates.js';
import { EventIndex, type GroupingOptions, type IndexedCandidate } from './events-index.js';

export { EventIndex, type GroupingOptions } from './events-index.js';
export { sameEvent, candidatesOf, type EventCandidate } from './events-candidates.js';

export interface EventGroup {
  id: string;
  type: string;
  label: string;
  date: DateValue | null;
  /** Name of the place most members give (the same entity by global id), or null. */
  place: string | null;
  participants: Participant[];
  members: Array<{ doc: string; key: string }>;
  /** Documents with a member, and documents without events that joined by their story. */
  documents: string[];
  /** The blocking keys of its members (events-index.ts): what a store finds the group by. */
  blocks: string[];
}

export interface Grouping {
  events: EventGroup[];
  /** Document id -> id of the group of its main event, or null when it has none. */
  mainEvent: Map<string, string | null>;
  /** Pairs of candidates compared: grows near-linearly with the corpus. */
  comparisons: number;
}

/** The block keys of a document's events, for a store to find the stored events it may join. */
export function documentBlocks(a: AnalysedDocument, options: GroupingOptions = {}): string[] {
  const index = new EventIndex(options);
  index.add(a);
  return index.documentBlocks(a.doc.id);
}

export function groupEvents(docs: readonly AnalysedDocument[], options: GroupingOptions = {}): Grouping {
  const index = new EventIndex(options);
  for (const a of docs) index.add(a);
  return groupsOf(index);
}

/** The groups an index holds now. */
export function groupsOf(index: EventIndex): Grouping {
  const byRoot = new Map<number, IndexedCandidate[]>();
  const blocksByRoot = new Map<number, Set<string>>();
  index.candidates.forEach((c, i) => {
    const root = index.find(i);
    const list = byRoot.get(root) ?? [];
    list.push(c);
    byRoot.set(root, list);
    const blocks = blocksByRoot.get(root) ?? new Set<string>();
    for (const b of index.blocksOf[i] ?? []) blocks.add(b);
    blocksByRoot.set(root, blocks);
  });
  const groupOfRoot = new Map<number, EventGroup>();
  for (const [root, members] of byRoot) groupOfRoot.set(root, assemble(members, [...(blocksByRoot.get(root) ?? [])].sort()));
  // Documents without events that joined a group by their story tell that event too.
  for (const group of groupOfRoot.values()) group.documents.sort();
  const mainEvent = new Map<string, string | null>();
  for (const doc of [...index.mains.keys()].sort()) {
    const i = index.mains.get(doc) ?? -1;
    mainEvent.set(doc, i < 0 ? null : (groupOfRoot.get(index.find(i))?.id ?? null));
  }
  const events = [...groupOfRoot.values()].sort((a, b) => a.id.localeCompare(b.id));
  return { events, mainEvent, comparisons: index.comparisons };
}

const byMember = (a: { doc: string; key: string }, b: { doc: string; key: string }): number =>
  a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.key.localeCompare(b.key, 'en', { numeric: true });

function assemble(unsorted: IndexedCandidate[], blocks: string[]): EventGroup {
  const all = [...unsorted].sort(byMember);
  const events = all.filter((m) => !m.storyOnly);
  // A group of documents without events is a story known by its salient entities.
  const members = events.length > 0 ? events : all;
  const least = members[0] as IndexedCandidate;
  const id = `ev_${createHash('sha256').update(`${least.doc}\u0000${least.key}`).digest('hex').slice(0, 16)}`;
  const type = groupType(members);
  const participants = groupParticipants(members);
  const names = participants.slice(0, 3).map((p) => p.name);
  const placeId = mostCommon(members.map((m) => m.place?.id ?? null).filter((p): p is string => p !== null));
  const placeNames = members.map((m) => m.place).filter((p) => p !== null && p.id === placeId).map((p) => p?.name ?? '');
  const place = placeId === null ? null : ([...placeNames].sort((x, y) => y.length - x.length || x.localeCompare(y))[0] ?? null);
  const head = typeInfo(type).label;
  return {
    id,
    type,
    label: names.length > 0 ? `${head}: ${names.join(' – ')}${participants.length > 3 ? ' and others' : ''}` : head,
    date: groupDate(members),
    place,
    participants,
    members: events.map((m) => ({ doc: m.doc, key: m.key })),
    documents: [...new Set(all.map((m) => m.doc))],
    blocks,
  };
}

/** The type most members have, main events counting twice; the more specific of a tie. */
function groupType(members: IndexedCandidate[]): string {
  const counts = new Map<string, number>();
  for (const m of members) counts.set(m.type, (counts.get(m.type) ?? 0) + (m.main ? 2 : 1));
  let best = '';
  let bestCount = -1;
  for (const [type, count] of [...counts].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (count > bestCount || (count === bestCount && compatibleTypes(type, best) && moreSpecific(best, type) === type)) {
      best = type;
      bestCount = count;
    }
  }
  return best;
}

/** The most precise date any member gives (main events first), the earliest of equals. */
function groupDate(members: IndexedCandidate[]): DateValue | null {
  const rank = (d: DateValue): number => (d.precision === 'day' ? 0 : d.precision === 'month' ? 1 : 2);
  let best: DateValue | null = null;
  for (const pass of [true, false]) {
    for (const m of members) {
      if (m.main !== pass || !m.date) continue;
      const d = m.date;
      if (!best || rank(d) < rank(best) || (rank(d) === rank(best) && width(d) < width(best)) || (rank(d) === rank(best) && width(d) === width(best) && d.start < best.start)) best = d;
    }
    if (best) return best;
  }
  return null;
}

function width(d: DateValue): number {
  return Date.parse(d.end) - Date.parse(d.start);
}

/**
 * Participants of all members, a surname-only person folded into the one full name with that
 * surname; by how many members name them, then in the order the least member names them. Names
 * only a headline gives are shown when no text names anyone.
 */
function groupParticipants(members: IndexedCandidate[]): Participant[] {
  const refs = members.flatMap((m) => m.participants);
  const fromText = refs.filter((p) => !p.fromTitle);
  const all: ParticipantRef[] = fromText.length > 0 ? fromText : refs;
  const fullBySurname = new Map<string, Set<string>>();
  for (const p of all) {
    if (p.surnameOnly) continue;
    const ids = fullBySurname.get(p.key) ?? new Set<string>();
    ids.add(p.id);
    fullBySurname.set(p.key, ids);
  }
  const merged = new Map<string, { p: Participant; count: number; first: number }>();
  for (const [position, p] of all.entries()) {
    let id = p.id;
    const full = p.surnameOnly ? fullBySurname.get(p.key) : undefined;
    if (full && full.size === 1) id = [...full][0] as string;
    const entry = merged.get(id) ?? { p: { id, name: p.name, type: p.type }, count: 0, first: position };
    entry.count++;
    if (p.id === id && (p.name.length > entry.p.name.length || (p.name.length === entry.p.name.length && p.name < entry.p.name))) entry.p.name = p.name;
    merged.set(id, entry);
  }
  return [...merged.values()]
    .sort((a, b) => b.count - a.count || a.first - b.first)
    .map((e) => e.p);
}

function mostCommon(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [v, c] of [...counts].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (c > bestCount) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}
