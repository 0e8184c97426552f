/**
 * Incremental cross-document linking over a store. Documents are written first and linked after,
 * in steps. A step takes unlinked documents (the fresh ones), finds the stored events that share a
 * blocking key with them (never every document), loads every document of those events from the
 * findings the store keeps (no analysis again), and regroups them with the fresh ones. Grouping is
 * pairwise within blocks and groups are connected components (link/events-index.ts), and a stored
 * event is already a whole component of the documents linked before, so:
 *   - a new group holding a fresh document is complete: any stored event it absorbs shares a block
 *     with a fresh document, so it was found and all its documents were loaded. Those groups, and
 *     only those, are written, their accounts computed from their own documents alone;
 *   - a stored event found but not joined by a fresh document is regrouped as it was, under its
 *     own id, and left as stored; one whose id is gone was absorbed, and is removed;
 *   - a found event holding a fresh document is that document's old version (its text changed):
 *     its other documents are regrouped as if fresh with it, so nothing is left in an event built
 *     from findings that no longer exist.
 * No cap on the neighbourhood is needed for correctness, and none is set: generic participants
 * are not blocking keys (events-candidates.ts), so a neighbourhood is the few weeks of news about
 * the fresh documents' actors.
 */
import type { AnalysedDocument } from '../model/document.js';
import type { EntityFinding } from '../model/findings.js';
import type { EntityRecord, EventRecord, LinkChange, Store } from '../store/store.js';
import { entityIndex, type EntityIndex } from './accounts/speakers.js';
import { compareEvent } from './compare.js';
import { globalEntityId, surnameIndex } from './entities.js';
import { EventIndex, groupsOf } from './events.js';
import { Neighbours } from './neighbours.js';

export interface LinkOptions {
  /** Documents linked per step (one transaction each). */
  step?: number;
  /** Analyses of documents at hand (just ingested), so they are not read back from the store. */
  cache?: ReadonlyMap<string, AnalysedDocument>;
  /** Called after each step with what it read (for benchmarks and tests). */
  onStep?: (step: StepFigures) => void;
}

export interface StepFigures {
  /** Documents linked (marked linked). */
  linked: number;
  /** Documents regrouped as if new with them: the other documents of an updated one's old events. */
  regrouped: number;
  /** Documents regrouped: the linked ones and every document of the stored events they touch. */
  neighbourhood: number;
  /** Documents read back from the store, and of them those tokenised again for their accounts. */
  loaded: number;
  tokenised: number;
  written: number;
  removed: number;
}

const STEP = 64;

/** Links every unlinked document in the store; returns how many were linked. */
export async function linkPending(store: Store, options: LinkOptions = {}): Promise<number> {
  let linked = 0;
  for (;;) {
    const ids = await store.unlinkedDocuments(options.step ?? STEP);
    if (ids.length === 0) return linked;
    await linkStep(store, ids, options);
    linked += ids.length;
  }
}

async function linkStep(store: Store, ids: string[], options: LinkOptions): Promise<void> {
  const neighbours = new Neighbours(store, options.cache);
  const asked = new Set(ids);
  const fresh = new Set<string>();
  const loaded = new Map<string, AnalysedDocument>();
  /** Stored events read, by id, with their documents. */
  const found = new Map<string, string[]>();
  // One index for the step: grouping does not depend on the order documents are added in.
  const index = new EventIndex();
  /** Adds a document to the index; returns the blocking keys of its events. */
  const add = (a: AnalysedDocument): string[] => {
    loaded.set(a.doc.id, a);
    const first = index.candidates.length;
    index.add(a);
    return index.blocksOf.slice(first).flat();
  };
  // An updated document's old main event may share no block with its new text: read it by id.
  const previous = new Set<string>();
  for (const eventId of [...new Set((await store.mainEvents(ids)).values())].sort()) {
    const event = await store.getEvent(eventId);
    if (!event) continue;
    found.set(eventId, event.documents);
    for (const doc of event.documents) previous.add(doc);
  }
  let frontier = [...new Set([...ids, ...previous])].sort();
  while (frontier.length > 0) {
    const blocks = new Set<string>();
    for (const id of frontier) {
      fresh.add(id);
      const known = loaded.get(id);
      const a = known ?? (await neighbours.get(id));
      if (!a) continue;
      const keys = known ? index.documentBlocks(id) : add(a);
      for (const b of keys) blocks.add(b);
    }
    const again = new Set<string>();
    for (const event of await store.eventsInBlocks([...blocks].sort())) {
      if (found.has(event.id)) continue;
      found.set(event.id, event.documents);
      const stale = event.documents.some((d) => asked.has(d));
      for (const doc of event.documents) {
        if (stale && !fresh.has(doc)) again.add(doc);
        if (loaded.has(doc)) continue;
        const a = await neighbours.get(doc);
        if (a) add(a);
      }
    }
    frontier = [...again].filter((d) => !fresh.has(d)).sort();
  }

  const neighbourhood = [...loaded.values()].sort((x, y) => x.doc.id.localeCompare(y.doc.id));
  const grouping = groupsOf(index);
  const rewritten = grouping.events.filter((g) => g.documents.some((d) => fresh.has(d)));
  const regrouped = new Set(grouping.events.filter((g) => !g.documents.some((d) => fresh.has(d))).map((g) => g.id));

  const events: EventRecord[] = [];
  // Who is who among an event's documents; most events have one document, which has several events.
  const indexes = new Map<string, EntityIndex>();
  // Tokens are most of an analysis: each document's are let go after the last event that needs them.
  const uses = new Map<string, number>();
  for (const g of rewritten) for (const doc of g.documents) uses.set(doc, (uses.get(doc) ?? 0) + 1);
  for (const g of rewritten) {
    const byId = new Map<string, AnalysedDocument>();
    for (const doc of g.documents) {
      const a = await neighbours.withTokens(doc);
      if (a) byId.set(doc, a);
    }
    const key = [...byId.keys()].sort().join('\u0000');
    const entities = indexes.get(key) ?? entityIndex([...byId.keys()].sort().map((id) => byId.get(id) as AnalysedDocument));
    indexes.set(key, entities);
    events.push({
      event: compareEvent(g, byId, grouping.mainEvent, entities),
      mainOf: g.documents.filter((d) => grouping.mainEvent.get(d) === g.id),
      blocks: g.blocks,
    });
    for (const doc of g.documents) {
      const left = (uses.get(doc) ?? 1) - 1;
      uses.set(doc, left);
      if (left === 0) neighbours.release(doc);
    }
  }
  // Documents regrouped with an updated one keep their findings and entity links: only the asked
  // ones are (re)linked, so a store that claimed them (PostgreSQL) sees the documents it claimed.
  const linked = [...asked].sort();
  const removeEvents = [...found.keys()].filter((id) => !regrouped.has(id)).sort();
  const change: LinkChange = {
    documents: linked,
    ...entityLinks(linked.flatMap((id) => loaded.get(id) ?? []), neighbourhood),
    removeEvents,
    events,
  };
  await store.applyLinks(change);
  options.onStep?.({
    linked: linked.length,
    regrouped: fresh.size - asked.size,
    neighbourhood: neighbourhood.length,
    loaded: neighbours.loaded,
    tokenised: neighbours.tokenised,
    written: events.length,
    removed: removeEvents.length,
  });
}

function entityLinks(
  fresh: readonly AnalysedDocument[],
  context: readonly AnalysedDocument[],
): Pick<LinkChange, 'entityLinks' | 'entities'> {
  // A surname alone resolves to the one full name with that surname in the neighbourhood.
  const people = surnameIndex(
    context.flatMap((a) => a.entities.filter((e) => e.type === 'person').map((e) => ({ id: globalEntityId(e), name: e.name, type: e.type }))),
  );
  const entityLinks: LinkChange['entityLinks'] = [];
  const entities = new Map<string, EntityRecord>();
  for (const a of fresh) {
    for (const e of a.entities) {
      const id = globalEntityId(e, people);
      entityLinks.push({ doc: a.doc.id, localKey: e.key, entityId: id, mentions: e.mentions.length });
      entities.set(id, merge(entities.get(id), id, e));
    }
  }
  return { entityLinks, entities: [...entities.values()] };
}

function merge(old: EntityRecord | undefined, id: string, e: EntityFinding): EntityRecord {
  const union = (a: readonly string[], b: readonly string[]): string[] => [...new Set([...a, ...b])];
  return {
    id,
    name: old && old.name.length >= e.name.length ? old.name : e.name,
    type: e.type,
    aliases: union(old?.aliases ?? [], [e.name, ...e.aliases]),
    roles: union(old?.roles ?? [], e.roles),
    affiliations: union(old?.affiliations ?? [], e.affiliations),
  };
}
