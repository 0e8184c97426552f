/**
 * What a document's story is, for grouping documents whose main events the triggers type
 * differently: three outlets tell one story as a vote, a speech and the criticism of it. A story
 * profile is the document's salient entities (many mentions, named in the headline or the lead)
 * and the content words of its headline and lead. Two main events are one event when their
 * documents were published within a few days of each other and their profiles are alike.
 * Everything here reads only what the store keeps (no tokens), so profiles can be rebuilt.
 */
import type { AnalysedDocument } from '../model/document.js';
import type { EntityFinding, EntityType } from '../model/findings.js';
import { titledEntities } from '../nlp/events/main.js';
import { readTitle } from '../nlp/events/title.js';
import { isGeneric, matchKey } from './events-candidates.js';

export interface StoryProfile {
  /** Entity match key -> salience weight, the most salient few only. */
  entities: Map<string, number>;
  /** Stemmed content words of the headline and the lead. */
  words: Set<string>;
  /** The three most salient entities, to name a story that has no event of its own. */
  top: EntityFinding[];
}

const TYPE_WEIGHT: Record<EntityType, number> = { person: 1, organization: 0.7, group: 0.4, place: 0.4 };
const TOP_ENTITIES = 8;
const LEAD_SENTENCES = 2;

const STOP = new Set(
  ('a an the and or but of to in on at for with by from over after before about as is are was were be been being it its ' +
    'his her their they them he she we you i this that these those not no new says said say will would could can may ' +
    'might has have had do does did into out up down off than more most who what why how when where which while again ' +
    'also just yet still amid against vs via per mr mrs ms there here all any some one two three first last year years ' +
    'week weeks day days time times people monday tuesday wednesday thursday friday saturday sunday today yesterday ' +
    'if so such other only very much many our your my me him us because then now after since during according told').split(' '),
);

export function storyProfile(a: AnalysedDocument): StoryProfile {
  const titled = titledEntities(a);
  const lead = a.sentences.slice(0, LEAD_SENTENCES);
  const leadEnd = lead[lead.length - 1]?.end ?? 0;
  const scored: Array<[string, number]> = [];
  const seen = new Map<string, number>();
  // Only entities the text names: "the candidate", "others" are descriptions, not a story's actors.
  const named = new Set<string>();
  for (const m of a.mentions) if (m.form === 'name') named.add(m.entity);
  for (const e of a.entities) {
    if (!named.has(e.key)) continue;
    const w = salience(e, titled.has(e.key), leadEnd);
    if (w <= 0) continue;
    const key = matchKey(e);
    seen.set(key, (seen.get(key) ?? 0) + w);
  }
  for (const [key, w] of seen) scored.push([key, w]);
  scored.sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
  const entities = new Map(scored.slice(0, TOP_ENTITIES));
  const words = new Set<string>();
  for (const w of readTitle(a.doc.title).words) addWord(words, w);
  const leadText = lead.map((s) => a.doc.text.slice(s.start, s.end)).join(' ');
  for (const w of leadText.toLowerCase().split(/[^\p{L}\p{N}]+/u)) addWord(words, w);
  const top = scored.slice(0, 3).map(([key]) => a.entities.find((e) => named.has(e.key) && matchKey(e) === key));
  return { entities, words, top: top.filter((e): e is EntityFinding => e !== undefined) };
}

function salience(e: EntityFinding, titled: boolean, leadEnd: number): number {
  const lead = e.mentions.some((m) => m.start < leadEnd) ? 2 : 0;
  return (Math.min(e.mentions.length, 12) + (titled ? 4 : 0) + lead) * TYPE_WEIGHT[e.type];
}

function addWord(into: Set<string>, word: string): void {
  const w = word.replace(/['’]s$/, '');
  if (w.length < 3 || STOP.has(w) || /^\d+$/.test(w)) return;
  into.add(stem(w));
}

/** A crude, symmetric suffix strip: enough for "votes"/"voted"/"voting" to meet. */
export function stem(w: string): string {
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ied')) return w.slice(0, -3) + 'y';
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 4 && /(?:ches|shes|sses|xes)$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** Cosine of the salience vectors, plus the Dice overlap of the headline-and-lead words. */
export function storySimilarity(a: StoryProfile, b: StoryProfile): { entities: number; words: number } {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, w] of a.entities) {
    na += w * w;
    const v = b.entities.get(k);
    if (v !== undefined) dot += w * v;
  }
  for (const w of b.entities.values()) nb += w * w;
  const entities = na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
  let shared = 0;
  for (const w of a.words) if (b.words.has(w)) shared++;
  const words = a.words.size + b.words.size > 0 ? (2 * shared) / (a.words.size + b.words.size) : 0;
  return { entities, words };
}

/**
 * The most salient entities' match keys: the blocks a document's story is compared in. People
 * and organisations first: countries and groups are named in most international news. Generic
 * participants (events-candidates.ts) are never keys: they would block every story together.
 */
export function storyKeys(p: StoryProfile, count = 3): string[] {
  const keys = [...p.entities.keys()].filter((k) => !isGeneric({ id: k, type: k.slice(0, k.indexOf(':')) as EntityType }));
  const actors = keys.filter((k) => k.startsWith('person:') || k.startsWith('organization:'));
  return (actors.length > 0 ? actors : keys).slice(0, count);
}
