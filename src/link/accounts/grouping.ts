/**
 * How compare() gets its events: cross-document grouping (src/link/events.ts, `groupEvents`) by
 * default, or a stand-in where that is not wanted: every set of documents a caller puts together
 * (all of them, or the gold events in an evaluation of the accounts alone) is one call, whose
 * participants are the two people most named in its sentences about a call or meeting.
 */
import { createHash } from 'node:crypto';
import type { Participant } from '../../model/compare.js';
import type { AnalysedDocument } from '../../model/document.js';
import type { EventGroup } from '../events.js';
import { entityIndex } from './speakers.js';
import { tokenIndexAt } from './units.js';
import { EXCHANGE_WORDS } from './words.js';

/** What compare() reads of an event group: the fields of the `compare` contract and the members. */
export type GroupedEvent = Pick<EventGroup, 'id' | 'type' | 'label' | 'date' | 'place' | 'participants' | 'members' | 'documents'>;

export interface EventsOf {
  events: GroupedEvent[];
  /** Document id -> the id of its main event, or null. */
  mainEvent: Map<string, string | null>;
}

export type GroupEvents = (docs: readonly AnalysedDocument[]) => EventsOf;

/**
 * One event per set: `setOf` names the set a document belongs to (default: all in one). For
 * evaluation against gold events and for tests of the accounts stage on its own.
 */
export function groupBySet(setOf: (a: AnalysedDocument) => string = () => 'all'): GroupEvents {
  return (docs) => {
    const sets = new Map<string, AnalysedDocument[]>();
    for (const a of docs) sets.set(setOf(a), [...(sets.get(setOf(a)) ?? []), a]);
    const events: GroupedEvent[] = [];
    const mainEvent = new Map<string, string | null>();
    for (const members of sets.values()) {
      const ids = members.map((a) => a.doc.id).sort();
      const id = `ev-${createHash('sha1').update(ids.join('\u0000')).digest('hex').slice(0, 10)}`;
      const participants = likelyParticipants(members);
      events.push({
        id,
        type: 'call',
        label: participants.length ? `call: ${participants.map((p) => p.name).join(' – ')}` : 'call',
        date: null,
        place: null,
        participants,
        members: members.flatMap((a) => {
          const lead = leadEvent(a);
          return lead ? [{ doc: a.doc.id, key: lead }] : [];
        }),
        documents: ids,
      });
      for (const docId of ids) mainEvent.set(docId, id);
    }
    return { events: events.sort((x, y) => x.id.localeCompare(y.id)), mainEvent };
  };
}

/** The event a document mentions most often (the earliest on a tie): its own event, as a stand-in. */
function leadEvent(a: AnalysedDocument): string | null {
  let best: { key: string; n: number } | null = null;
  for (const e of a.events) if (!best || e.mentions.length > best.n) best = { key: e.key, n: e.mentions.length };
  return best?.key ?? null;
}

/** The two people most often named in sentences with a call or meeting word. */
function likelyParticipants(docs: readonly AnalysedDocument[]): Participant[] {
  const entities = entityIndex(docs);
  const counts = new Map<string, { p: Participant; n: number }>();
  for (const a of docs) {
    const sentences = new Set(a.tokens.filter((t) => EXCHANGE_WORDS.has(t.lemma) || EXCHANGE_WORDS.has(t.norm)).map((t) => t.sentence));
    for (const m of a.mentions) {
      if (m.type !== 'person') continue;
      const token = a.tokens[tokenIndexAt(a.tokens, m.start)];
      if (!token || !sentences.has(token.sentence)) continue;
      const ref = entities.of(a.doc.id, m.entity);
      // Named people only: "the CIA director" is a description of someone named elsewhere.
      if (!ref || !/^\p{Lu}/u.test(ref.name)) continue;
      const c = counts.get(ref.id) ?? { p: { id: ref.id, name: ref.name, type: ref.type }, n: 0 };
      c.n++;
      counts.set(ref.id, c);
    }
  }
  return [...counts.values()]
    .sort((x, y) => y.n - x.n || x.p.id.localeCompare(y.p.id))
    .slice(0, 2)
    .map((c) => c.p)
    .sort((x, y) => x.id.localeCompare(y.id));
}
