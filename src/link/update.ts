/**
 * Incremental cross-document linking over a store. Documents are written first and linked after,
 * in steps: a step takes unlinked documents, finds the stored events they may join through their
 * blocking keys (never every document), reloads that neighbourhood, regroups it and replaces its
 * events, and records each document's global entities. Grouping is decided pairwise within blocks
 * (link/events-index.ts), so regrouping a neighbourhood gives what grouping everything would.
 */
import type { AnalysedDocument } from '../model/document.js';
import type { EntityFinding } from '../model/findings.js';
import { analyse } from '../nlp/pipeline.js';
import type { EntityRecord, EventRecord, LinkChange, Store } from '../store/store.js';
import { compare } from './compare.js';
import { globalEntityId, surnameIndex } from './entities.js';
import { documentBlocks, groupEvents } from './events.js';

export interface LinkOptions {
  /** Documents linked per step (one transaction each). */
  step?: number;
  /** Stop widening a neighbourhood past this many documents: a key shared that widely says little. */
  maxNeighbourhood?: number;
  /** Analyses of documents at hand (just ingested), so they are not analysed again. */
  cache?: ReadonlyMap<string, AnalysedDocument>;
}

const STEP = 64;
const MAX_NEIGHBOURHOOD = 1500;
const HOPS = 3;

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

async function load(store: Store, id: string, cache: ReadonlyMap<string, AnalysedDocument> | undefined): Promise<AnalysedDocument | null> {
  const cached = cache?.get(id);
  if (cached) return cached;
  const stored = await store.getDocument(id);
  // Tokens are not stored; the pipeline is deterministic, so analysing the text again gives the
  // findings that were stored.
  return stored ? analyse(stored.doc) : null;
}

async function linkStep(store: Store, ids: string[], options: LinkOptions): Promise<void> {
  const limit = options.maxNeighbourhood ?? MAX_NEIGHBOURHOOD;
  const loaded = new Map<string, AnalysedDocument>();
  for (const id of ids) {
    const a = await load(store, id, options.cache);
    if (a) loaded.set(id, a);
  }
  const fresh = [...loaded.values()];
  const removeEvents = new Set<string>();
  let frontier = fresh;
  for (let hop = 0; hop < HOPS && frontier.length > 0 && loaded.size < limit; hop++) {
    const blocks = [...new Set(frontier.flatMap((a) => (a.analysed ? documentBlocks(a) : [])))];
    const next: AnalysedDocument[] = [];
    for (const event of await store.eventsInBlocks(blocks)) {
      removeEvents.add(event.id);
      for (const doc of event.documents) {
        if (loaded.has(doc) || loaded.size >= limit) continue;
        const a = await load(store, doc, options.cache);
        if (!a) continue;
        loaded.set(doc, a);
        next.push(a);
      }
    }
    frontier = next;
  }
  const neighbourhood = [...loaded.values()].sort((x, y) => x.doc.id.localeCompare(y.doc.id));
  const grouping = groupEvents(neighbourhood);
  const blocksOf = new Map(grouping.events.map((g) => [g.id, g.blocks]));
  const result = compare(neighbourhood, { group: () => grouping });
  const events: EventRecord[] = result.events.map((event) => ({
    event,
    mainOf: result.documents.filter((d) => d.main_event === event.id).map((d) => d.id),
    blocks: blocksOf.get(event.id) ?? [],
  }));
  const change: LinkChange = {
    documents: ids,
    ...entityLinks(fresh, neighbourhood),
    removeEvents: [...removeEvents].sort(),
    events,
  };
  await store.applyLinks(change);
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
