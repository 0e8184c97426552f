/**
 * The content of a claim as a set of terms, for alignment: lemmas of content words (function words,
 * reporting verbs and the event's own participants and trigger words left out, since every claim
 * about the event shares them), their paraphrase concepts and countries (paraphrases.ts), acronyms
 * both ways ("OSCE" = "Organization for Security and Cooperation in Europe"), and numbers.
 */
import type { Token } from '../../model/document.js';
import type { EventInput } from './event-input.js';
import { conceptsOf, phraseConcepts } from './paraphrases.js';
import { CALL_WORDS } from './words.js';

/** Function-like words, reporting verbs and words every claim of a readout has. */
const STOP = new Set([
  'be', 'have', 'do', 'make', 'take', 'give', 'get', 'go', 'come', 'also', 'further', 'once', 'again', 'then', 'first',
  'so', 'very', 'too', 'just', 'only', 'even', 'still', 'well', 'here', 'there', 'now', 'today', 'other', 'such',
  'say', 'said', 'note', 'emphasize', 'emphasise', 'stress', 'reiterate', 'express', 'underscore', 'state', 'add',
  'mention', 'tell', 'claim', 'confirm', 'point', 'describe', 'explain', 'reveal', 'suggest', 'assess', 'think',
  'president', 'leader', 'need', 'both', 'side', 'party', 'official', 'overall', 'certainly', 'indeed', 'yes', 'clear',
  'context', 'way', 'part', 'thing', 'matter', 'issue', 'area', 'time', 'year', 'month', 'day', 'week',
]);
const SPEAK = new Set(['speak', 'spoke', 'talk', 'talked']);
const CONNECTORS = new Set(['of', 'for', 'and', 'in', 'the', 'on', '&']);

export function fold(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019]/g, "'");
}

/** Crude singular for lemmas the tagger left plural ("cyberattacks"). */
function singular(w: string): string {
  return w.length > 4 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') ? w.slice(0, -1) : w;
}

export interface TermOptions {
  /** Lower-cased words never used as terms (the event's participants and trigger words). */
  exclude: ReadonlySet<string>;
  /** Country concepts (`@russia`) of the event's sides: in nearly every claim, so they weigh little. */
  sides: ReadonlySet<string>;
}

/** What kind of word a term came from; names say more about what a claim is about than verbs. */
export type TermKind = 'name' | 'number' | 'concept' | 'noun' | 'verb' | 'modifier' | 'side';

export const KIND_WEIGHT: Readonly<Record<TermKind, number>> = {
  name: 1.5,
  number: 1.2,
  concept: 1,
  noun: 1,
  verb: 0.6,
  modifier: 0.6,
  side: 0.4,
};

const POS_KIND: Readonly<Record<string, TermKind>> = { PROPN: 'name', NOUN: 'noun', VERB: 'verb', ADJ: 'modifier', ADV: 'modifier', NUM: 'number' };

/**
 * A claim's terms and their kinds. A word in the paraphrase table stands for its concepts (so a
 * synonym counts as much as the same word); a proper name also keeps its own lemma; any other
 * content word is its lemma.
 */
export function claimTerms(tokens: readonly Token[], options: TermOptions): Map<string, TermKind> {
  const terms = new Map<string, TermKind>();
  const add = (term: string, kind: TermKind): void => {
    if (!terms.has(term)) terms.set(term, kind);
  };
  const conceptKind = (c: string): TermKind => (!c.startsWith('@') ? 'concept' : options.sides.has(c) ? 'side' : 'name');
  const lemmas = tokens.map((t) => singular(fold(t.lemma)));
  const inPhrase = new Set<number>();
  for (const [at, length, concept] of phraseConcepts(tokens.map((t) => fold(t.text).replace(/\.$/, '')))) {
    add(concept, conceptKind(concept));
    for (let k = at; k < at + length; k++) inPhrase.add(k);
  }
  for (const [at, length, concept] of phraseConcepts(lemmas)) {
    add(concept, conceptKind(concept));
    for (let k = at; k < at + length; k++) inPhrase.add(k);
  }
  const nameModifier = nameModifiers(tokens);
  // "spoke with Putin about X" says X was discussed, though its verb is the event's own.
  tokens.forEach((t, i) => {
    if (SPEAK.has(t.lemma.toLowerCase()) && tokens.slice(i + 1, i + 8).some((n) => n.norm === 'about')) add('~discussion', 'concept');
  });
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const norm = fold(t.text).replace(/\.$/, '');
    const lemma = lemmas[i] as string;
    if (!/[\p{L}\p{N}]/u.test(norm) || inPhrase.has(i)) continue;
    if (options.exclude.has(norm) || options.exclude.has(lemma)) continue;
    // Inside a multi-word name only the head word means what it says: "Strategic Stability Dialogue"
    // is a dialogue, not stability; "Organization for Security and Cooperation" is no cooperation.
    const concepts = nameModifier.has(i) ? conceptsOf(norm).filter((c) => c.startsWith('@')) : [...new Set([...conceptsOf(norm), ...conceptsOf(lemma)])];
    for (const c of concepts) add(c, conceptKind(c));
    const kind = POS_KIND[t.pos];
    if (!kind || STOP.has(lemma) || STOP.has(norm)) continue;
    if (/^[A-Z]{2,6}$/.test(t.text) && !concepts.some((c) => c.startsWith('@'))) add(`acr:${norm}`, 'name');
    if (kind === 'number') add(`#${norm}`, 'number');
    else if (kind === 'name' && !concepts.some((c) => c.startsWith('@'))) add(lemma, 'name');
    else if (concepts.length === 0) add(lemma, kind);
  }
  for (const acronym of acronyms(tokens)) add(`acr:${acronym}`, 'name');
  return terms;
}

/** Indexes of the words of multi-word proper names other than the last ("Strategic Stability" of "... Dialogue"). */
function nameModifiers(tokens: readonly Token[]): Set<number> {
  const out = new Set<number>();
  let run: number[] = [];
  const flush = (): void => {
    for (const i of run.slice(0, -1)) out.add(i);
    run = [];
  };
  tokens.forEach((t, i) => {
    if (t.pos === 'PROPN' && /^\p{Lu}/u.test(t.text)) run.push(i);
    else if (run.length > 0 && (CONNECTORS.has(t.norm) || t.text === '-')) return;
    else flush();
  });
  flush();
  return out;
}

/** Initials of capitalised name runs of three or more words ("Organization for Security and Cooperation in Europe" -> "osce"). */
function acronyms(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  let run: string[] = [];
  const flush = (): void => {
    if (run.length >= 3) out.push(run.join(''));
    run = [];
  };
  for (const t of tokens) {
    if (/^[A-Z][a-z]/.test(t.text) && t.pos === 'PROPN') run.push(t.text[0]?.toLowerCase() ?? '');
    else if (run.length > 0 && CONNECTORS.has(t.norm)) continue;
    else flush();
  }
  flush();
  return out;
}

/**
 * What every claim about this event shares and so says nothing about which aspect a claim is on:
 * the event's trigger words, its participants' names and titles. Their countries are the sides.
 */
export function termOptions(event: EventInput): TermOptions {
  const exclude = new Set([...CALL_WORDS, event.type.toLowerCase()]);
  const sides = new Set<string>();
  const words = (text: string): string[] => fold(text).split(/[\s.,'’-]+/).filter(Boolean);
  const countries = (text: string): string[] => {
    const ws = words(text);
    return [...ws.flatMap(conceptsOf), ...phraseConcepts(ws).map(([, , c]) => c)].filter((c) => c.startsWith('@'));
  };
  for (const p of event.participants) {
    const ref = event.entities.byId(p.id);
    const names = [p.name, ...(ref?.aliases ?? [])];
    // A country taking part is a side: its name stays a (light) term, "Russian territory" = "in Russia".
    if (names.some((n) => countries(n).length > 0)) {
      for (const n of names) for (const c of countries(n)) sides.add(c);
      continue;
    }
    for (const name of names) for (const w of words(name)) exclude.add(w);
    for (const role of ref?.roles ?? []) for (const w of words(role)) if (countries(w).length === 0) exclude.add(w);
    for (const place of ref?.affiliations ?? []) for (const c of countries(place)) sides.add(c);
  }
  return { exclude, sides };
}
