/**
 * Incremental event grouping with blocking. Candidates are filed under block keys, and a new
 * candidate is compared only with those already filed under one of its keys (generic participants,
 * events-candidates.ts, are never keys):
 *   - `family|participant|bucket`: the type family, one participant's match key, and each 16-day
 *     bucket its date window covers (a year-precision date covers 23); and `family|p+q|bucket` for
 *     each pair of participants. Two candidates that can be one event share a family, a day and
 *     one participant (two when both name several), so they always share a block; candidates
 *     that both name several are compared only under pair keys.
 *   - `story|entity|bucket`: a main event, under each of its document's three most salient
 *     entities and the 8-day buckets around its publication date.
 * Each comparison decides on the two candidates alone (`sameEvent`, `sameStory`), and the groups
 * are the connected components of the pairs that matched (union-find). So every pair that shares
 * a block is compared exactly once whatever the order of arrival, and ingesting a corpus in two
 * halves gives the same groups as ingesting it at once. The cost is the number of pairs sharing a
 * block, which grows with the corpus only as far as entities recur within a few weeks.
 */
import type { AnalysedDocument } from '../model/document.js';
import { mainEvent } from '../nlp/events/main.js';
import { WEAK_FAMILIES, type EventFamily } from '../nlp/events/ontology.js';
import { candidatesOf, sameEvent, specificParticipants, storyCandidate, windowsOverlap, type EventCandidate, type ParticipantRef } from './events-candidates.js';
import { storyKeys, storyProfile, storySimilarity, type StoryProfile } from './events-story.js';

export interface GroupingOptions {
  /** Publication dates further apart than this make two stories different (default 4 days). */
  storyDays?: number;
  /** Similarity from which two documents' main events are one story (default 0.3). */
  storyThreshold?: number;
}

const BUCKET_DAYS = 16;
const STORY_BUCKET_DAYS = 8;
const MAX_BUCKETS = 30;

export interface IndexedCandidate extends EventCandidate {
  story: StoryProfile | null;
}

export class EventIndex {
  readonly candidates: IndexedCandidate[] = [];
  /** Document id -> index of its main event's candidate, or -1. */
  readonly mains = new Map<string, number>();
  /** Candidate index -> the block keys it is filed under. */
  readonly blocksOf: string[][] = [];
  comparisons = 0;
  private readonly parent: number[] = [];
  /** Block key -> candidates filed there with one participant, and with two or more. */
  private readonly blocks = new Map<string, Block>();
  private readonly storyDays: number;
  private readonly storyThreshold: number;

  constructor(options: GroupingOptions = {}) {
    this.storyDays = options.storyDays ?? 4;
    this.storyThreshold = options.storyThreshold ?? 0.3;
  }

  /** Adds a document's events; a document already added (same id) is ignored. */
  add(a: AnalysedDocument): void {
    if (this.mains.has(a.doc.id)) return;
    const main = mainEvent(a);
    const profile = a.analysed ? storyProfile(a) : null;
    const candidates = candidatesOf(a, main);
    // A document with no event is still about a story: it joins the event of a document alike.
    if (main === null && profile && profile.top.length > 0) candidates.push(storyCandidate(a, profile.top));
    let mainIndex = -1;
    for (const c of candidates) {
      const index = this.candidates.length;
      const indexed: IndexedCandidate = { ...c, story: c.main ? profile : null };
      this.candidates.push(indexed);
      this.parent.push(index);
      if (c.main) mainIndex = index;
      const keys = c.storyOnly ? [] : eventKeys(indexed);
      const stories = indexed.story ? this.storyBlockKeys(indexed) : [];
      this.blocksOf.push([...keys, ...stories]);
      this.file(index, keys, specificParticipants(indexed).length >= 2, (o) => sameEvent(indexed, o));
      this.file(index, stories, false, (o) => this.sameStory(indexed, o));
    }
    this.mains.set(a.doc.id, mainIndex);
  }

  /** Root candidate index of the group a candidate is in. */
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r] as number;
    while (this.parent[i] !== r) {
      const next = this.parent[i] as number;
      this.parent[i] = r;
      i = next;
    }
    return r;
  }

  private union(i: number, j: number): void {
    const a = this.find(i);
    const b = this.find(j);
    if (a !== b) this.parent[Math.max(a, b)] = Math.min(a, b);
  }

  /**
   * Compares the candidate with what is filed under its keys, then files it there. Under a
   * one-participant key, a candidate naming several is compared only with those naming one: two
   * that name several must share two, so they meet under a pair key.
   */
  private file(index: number, keys: string[], several: boolean, matches: (other: IndexedCandidate) => boolean): void {
    const seen = new Set<number>();
    const compare = (o: number): void => {
      if (seen.has(o)) return;
      seen.add(o);
      this.comparisons++;
      if (this.find(o) !== this.find(index) && matches(this.candidates[o] as IndexedCandidate)) this.union(index, o);
    };
    for (const key of keys) {
      let block = this.blocks.get(key);
      if (!block) {
        block = { one: [], several: [] };
        this.blocks.set(key, block);
      }
      const pairKey = key.includes(PAIR);
      for (const o of block.one) compare(o);
      if (!several || pairKey) for (const o of block.several) compare(o);
      (several ? block.several : block.one).push(index);
    }
  }

  private sameStory(a: IndexedCandidate, b: IndexedCandidate): boolean {
    if (a.doc === b.doc || !a.story || !b.story || a.published === null || b.published === null) return false;
    if (Math.abs(a.published - b.published) > this.storyDays) return false;
    if (toldApart(a, b)) return false;
    const sim = storySimilarity(a.story, b.story);
    return sim.entities > 0 && (sim.entities + sim.words) / 2 >= this.storyThreshold;
  }

  /** Every block key a document's events are filed under (what a store indexes events by). */
  documentBlocks(docId: string): string[] {
    const keys = new Set<string>();
    this.candidates.forEach((c, i) => {
      if (c.doc === docId) for (const k of this.blocksOf[i] ?? []) keys.add(k);
    });
    return [...keys].sort();
  }

  private storyBlockKeys(c: IndexedCandidate): string[] {
    if (!c.story || c.published === null) return [];
    const first = Math.floor((c.published - this.storyDays) / STORY_BUCKET_DAYS);
    const last = Math.floor((c.published + this.storyDays) / STORY_BUCKET_DAYS);
    const keys: string[] = [];
    for (const entity of storyKeys(c.story)) for (let b = first; b <= last; b++) keys.push(`story|${entity}|${b}`);
    return keys;
  }
}

/**
 * Talk about talk (`WEAK_FAMILIES`) matches on one shared participant only when both are dated to
 * the same day: those are filed by participant and day (the day and its neighbours), and by
 * pairs of participants over 16-day buckets; one naming a single participant and no day matches
 * nothing and is not filed at all.
 */
function weakKeys(c: EventCandidate): string[] {
  const people = [...new Set(specificParticipants(c).map((x) => x.key))].sort();
  const keys: string[] = [];
  if (c.dayPrecise && c.window) {
    const day = c.window[0];
    for (const p of people) for (let d = day - 1; d <= day + 1; d++) keys.push(`${c.family}|${p}|d${d}`);
  }
  if (people.length >= 2) keys.push(...pairKeys(c.family, people, buckets(c)));
  return keys;
}

function buckets(c: EventCandidate): string[] {
  if (!c.window) return ['u'];
  const out: string[] = [];
  const last = Math.floor(c.window[1] / BUCKET_DAYS);
  const first = Math.max(Math.floor(c.window[0] / BUCKET_DAYS), last - MAX_BUCKETS + 1);
  for (let b = first; b <= last; b++) out.push(String(b));
  return out;
}

function pairKeys(family: string, people: string[], bucketList: string[]): string[] {
  const keys: string[] = [];
  for (let i = 0; i < people.length; i++) {
    for (let j = i + 1; j < people.length; j++) for (const b of bucketList) keys.push(`${family}|${people[i]}${PAIR}${people[j]}|${b}`);
  }
  return keys;
}

/**
 * What the events themselves say against one story, whatever the documents share: dates the
 * texts give that cannot both hold, or two substantive events that each name two or more people
 * taking part and not the same two (a Biden-Putin call and a Biden-Zelensky meeting on one day).
 */
function toldApart(a: EventCandidate, b: EventCandidate): boolean {
  if (a.storyOnly || b.storyOnly) return false;
  // A year is too loose to tell, and a loosely attached one is common ("last year's CPAC").
  if (a.date && b.date && a.date.precision !== 'year' && b.date.precision !== 'year' && !windowsOverlap(a.window, b.window)) return true;
  const people = (c: EventCandidate): ParticipantRef[] => c.participants.filter((p) => p.type === 'person' && !p.fromTitle);
  const substantive = (c: EventCandidate): boolean => !WEAK_FAMILIES.has(c.family as EventFamily) && people(c).length >= 2;
  if (!substantive(a) || !substantive(b)) return false;
  const theirs = people(b);
  const shared = people(a).filter((p) => theirs.some((q) => p.key === q.key && (p.id === q.id || p.surnameOnly || q.surnameOnly)));
  return shared.length < 2;
}

interface Block {
  one: number[];
  several: number[];
}

/** Joins the two participants of a pair key. */
const PAIR = '+';

/**
 * Block keys of a candidate for trigger-based matching: `family|participant|bucket` for each
 * participant, and `family|p+q|bucket` for each pair when it names several.
 */
export function eventKeys(c: EventCandidate): string[] {
  if (WEAK_FAMILIES.has(c.family as EventFamily)) return weakKeys(c);
  const bucketList = buckets(c);
  const keys: string[] = [];
  const people = [...new Set(specificParticipants(c).map((x) => x.key))].sort();
  for (const p of people) for (const b of bucketList) keys.push(`${c.family}|${p}|${b}`);
  keys.push(...pairKeys(c.family, people, bucketList));
  return keys;
}
