/**
 * The event a document is mainly about. Each event scores by where it is mentioned (the lead
 * sentence and first paragraph count most, as news and readouts state their event first), whether
 * the headline names its kind and its participants, how many take part, and what kind it is (a
 * call or a vote over a statement about it). An event dated well before publication is background
 * ("since Russia's invasion of Ukraine in February 2022"); a planned one is not yet news.
 */
import type { AnalysedDocument } from '../../model/document.js';
import type { EntityFinding } from '../../model/findings.js';
import { parseIsoDay } from '../time/calendar.js';
import { nameKey } from '../entities/normalise.js';
import { compatibleTypes, typeInfo } from './ontology.js';
import { readTitle } from './title.js';

/** Days before publication after which a dated event is background, not the news. */
const BACKGROUND_DAYS = 45;

export function mainEvent(a: AnalysedDocument): string | null {
  let best: string | null = null;
  let bestScore = 0;
  for (const [key, score] of eventScores(a)) {
    if (score > bestScore) {
      best = key;
      bestScore = score;
    }
  }
  return best;
}

/** Each event's score as the document's main event, by key, in the document's order. */
export function eventScores(a: AnalysedDocument): Map<string, number> {
  const title = readTitle(a.doc.title);
  const titled = titledEntities(a);
  const published = a.doc.date ? parseIsoDay(a.doc.date) : null;
  const scores = new Map<string, number>();
  for (const e of a.events) {
    let place = 0;
    for (const m of e.mentions) place += positionWeight(a, m.start);
    let titleBonus = title.types.some((t) => compatibleTypes(t, e.type)) ? 4 : 0;
    titleBonus += 1.5 * Math.min(e.participants.filter((k) => titled.has(k)).length, 2);
    let score = (place + titleBonus) * typeInfo(e.type).weight * (1 + 0.25 * Math.min(e.participants.length, 4));
    const end = e.date ? parseIsoDay(e.date.end) : null;
    if (published !== null && end !== null) {
      if (end < published - BACKGROUND_DAYS) score *= 0.25;
      else if (end > published + 1) score *= 0.5;
    }
    scores.set(e.key, score);
  }
  return scores;
}

/** The lead sentence weighs 3, the rest of the first paragraph 2, later sentences less and less. */
function positionWeight(a: AnalysedDocument, offset: number): number {
  let lo = 0;
  let hi = a.sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((a.sentences[mid]?.start ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  const sentence = a.sentences[lo];
  if (!sentence) return 1;
  if (lo === 0) return 3;
  if (sentence.paragraph === (a.sentences[0]?.paragraph ?? 0)) return 2;
  return 1 / (1 + lo / 8);
}

const titledCache = new WeakMap<AnalysedDocument, ReadonlySet<string>>();

/** Keys of the entities the headline names (see `inTitle`), computed once per document. */
export function titledEntities(a: AnalysedDocument): ReadonlySet<string> {
  let keys = titledCache.get(a);
  if (!keys) {
    const lowerTitle = ` ${(a.doc.title ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
    keys = new Set(lowerTitle.trim() === '' ? [] : a.entities.filter((x) => inTitle(x, lowerTitle)).map((x) => x.key));
    titledCache.set(a, keys);
  }
  return keys;
}

/** The headline names the entity: its name, an alias, or a person's surname, as whole words. */
export function inTitle(e: EntityFinding, lowerTitle: string): boolean {
  const names = [e.name, ...e.aliases];
  if (e.type === 'person') {
    const words = nameKey(e.name).split(' ');
    if (words.length >= 2) names.push(words[words.length - 1] as string);
  }
  return names.some((n) => {
    const k = n.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    return k.length > 1 && lowerTitle.includes(` ${k} `);
  });
}
