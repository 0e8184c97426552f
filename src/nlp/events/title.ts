/**
 * What a headline says about a document's main event: the event words it uses ("Readout of
 * President Biden Call with ...", "Naryshkin confirms telephone conversation") and the names it
 * gives. The headline is not part of the text, so nothing found here has a span: it only helps to
 * choose the main event and to group it.
 */
import { lexicon } from '../entities/lexicon.js';
import { headlineTriggers } from './lexicon.js';
import type { EventType } from './ontology.js';

export interface TitleReading {
  types: EventType[];
  /** Names as written, titles ("President", "CIA Director") removed. */
  names: string[];
  /** Lower-case content words, for comparing stories. */
  words: string[];
}

const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'over', 'after',
  'before', 'about', 'as', 'is', 'are', 'was', 'were', 'be', 'been', 'it', 'its', 'his', 'her', 'their', 'this',
  'that', 'these', 'those', 'not', 'no', 'new', 'says', 'said', 'say', 'will', 'would', 'could', 'can', 'may',
  'has', 'have', 'had', 'do', 'does', 'did', 'into', 'out', 'up', 'down', 'off', 'than', 'more', 'most', 'who',
  'what', 'why', 'how', 'when', 'where', 'which', 'while', 'again', 'also', 'just', 'yet', 'still', 'amid', 'against',
  'vs', 'via', 'per', 'mr', 'mrs', 'ms', 'reports', 'report', 'video', 'watch', 'update', 'breaking', 'exclusive',
]);

const cache = new Map<string, TitleReading>();

export function readTitle(title: string | null): TitleReading {
  if (!title) return { types: [], names: [], words: [] };
  const hit = cache.get(title);
  if (hit) return hit;
  const reading = computeTitle(title);
  if (cache.size > 10_000) cache.clear();
  cache.set(title, reading);
  return reading;
}

function computeTitle(title: string): TitleReading {
  const triggers = headlineTriggers();
  const titles = lexicon().titles;
  const raw = title.split(/[\s:;,!?"“”‘’'()[\]|]+|(?<=\w)[.](?=\s|$)/).filter(Boolean);
  const words = raw.map((w) => w.replace(/['’]s$/i, '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, ''));
  const lower = words.map((w) => w.toLowerCase());
  const types: EventType[] = [];
  for (let i = 0; i < lower.length; i++) {
    const w = lower[i] as string;
    const next = lower[i + 1] ?? '';
    if ((w === 'call' || w === 'calls') && (next === 'for' || next === 'on')) {
      types.push('appeal');
      continue;
    }
    const type = triggers.get(w);
    if (type && !types.includes(type)) types.push(type);
  }
  // Mostly capitalised words: a headline in title case, whose capitals say nothing about names.
  const capitals = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  const titleCase = capitals > words.length * 0.6;
  const names: string[] = [];
  let run: string[] = [];
  const flush = (): void => {
    if (run.length > 0) names.push(run.join(' '));
    run = [];
  };
  words.forEach((w, i) => {
    const l = lower[i] as string;
    const isName = /^\p{Lu}/u.test(w) && !FUNCTION_WORDS.has(l) && !triggers.has(l) && !titles.has(l);
    if (isName && (!titleCase || knownWord(w))) run.push(w);
    else flush();
  });
  flush();
  const content = lower.filter((w) => w.length > 2 && !FUNCTION_WORDS.has(w) && /\p{L}/u.test(w));
  return { types, names: [...new Set(names)], words: [...new Set(content)] };
}

/** In a title-case headline a capitalised word counts as a name only when the gazetteers know it. */
function knownWord(word: string): boolean {
  const lex = lexicon();
  const key = word.toLowerCase();
  if (lex.givenNames.has(key)) return true;
  for (const type of ['person', 'organization', 'place', 'group'] as const) if (lex.byName.has(`${type}|${key}`)) return true;
  return /^\p{Lu}{2,}$/u.test(word);
}
