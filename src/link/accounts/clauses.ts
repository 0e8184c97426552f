/**
 * Clause-level claims. An official readout packs several claims into one sentence ("Biden underscored
 * the need for Russia to act ... and emphasized that he is committed to continued engagement"), and
 * two accounts often agree on one clause of a sentence and differ on another, so a sentence is cut
 * where a new predication starts:
 *   - after ";"
 *   - at ", but" / ", while" / ", whereas" / ", although"
 *   - at "and that" / "but that" once a that-clause is open ("said that A and that B")
 *   - at "and" + a finite verb after a complete object ("underscored X and emphasized Y")
 *   - at ", which" / ", who" before a relative clause long enough to say something itself
 *   - at ", <verb>ing" after a clause with its own verb ("expressed support, starting ...")
 *   - after a long sentence-initial prepositional phrase ("In the context of reports on X, Putin noted ...")
 * Each piece must keep enough words to stand alone; otherwise the cut is not made.
 */
import type { Span, Token } from '../../model/document.js';

const MIN_WORDS = 4;
const MIN_RELATIVE_WORDS = 6;
const MIN_OPENER_WORDS = 8;
/** Participles that work as prepositions: ", including X" is not a new predication. */
const PREPOSITIONAL = new Set(['including', 'according', 'regarding', 'concerning', 'following', 'excluding', 'considering']);
const CONTRAST = new Set(['but', 'while', 'whereas', 'although', 'though']);
const RELATIVE = new Set(['which', 'who']);
const LEADING_JOINERS = new Set(['and', 'but', 'while', 'whereas', 'although', 'though', 'that']);

const isWord = (t: Token): boolean => /[\p{L}\p{N}]/u.test(t.text);
const isVerb = (t: Token | undefined): boolean => t?.pos === 'VERB';
const isFiniteVerb = (t: Token | undefined): boolean => isVerb(t) && !/ing$/i.test(t?.text ?? '');
/** A verb that carries tense ("emphasized", "says"), not a bare infinitive ("to maintain X and mitigate Y"). */
const isTensedVerb = (t: Token | undefined): boolean => isVerb(t) && /(?:ed|s)$/i.test(t?.text ?? '');

/** Token indexes (into `tokens`) where a new clause starts. */
function cutPoints(tokens: readonly Token[]): number[] {
  const cuts: number[] = [];
  let thatOpen = false;
  let verbSeen = false;
  let clauseStart = 0;
  const cut = (at: number, minRight = MIN_WORDS): void => {
    if (words(tokens, clauseStart, at) < MIN_WORDS || words(tokens, at, tokens.length) < minRight) return;
    cuts.push(at);
    clauseStart = at;
    thatOpen = false;
    verbSeen = false;
  };
  const opener = adverbialOpenerEnd(tokens);
  if (opener > 0) cut(opener);
  for (let i = opener; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const norm = t.norm;
    if (norm === ';' && i + 1 < tokens.length) cut(i + 1);
    else if (prev?.text === ',' && CONTRAST.has(norm)) cut(i);
    else if ((norm === 'and' || norm === 'but') && next?.norm === 'that' && thatOpen) cut(i);
    else if (norm === 'and' && isTensedVerb(next) && verbSeen && prev && ['NOUN', 'PROPN', 'PRON', 'NUM', 'ADV'].includes(prev.pos)) cut(i);
    else if (prev?.text === ',' && RELATIVE.has(norm)) cut(i, MIN_RELATIVE_WORDS);
    else if (prev?.text === ',' && isVerb(t) && /ing$/i.test(t.text) && !PREPOSITIONAL.has(norm) && verbSeen) cut(i);
    if (norm === 'that' && t.pos === 'SCONJ') thatOpen = true;
    if (t.pos === 'VERB' || t.pos === 'AUX') verbSeen = true;
  }
  return cuts;
}

/**
 * "In the context of recent reports on X, Putin noted that ...": a long opening phrase (from a
 * preposition or subordinator to the first comma) followed by a subject and its verb is a claim of
 * its own. Returns the index of the token after that comma, or 0.
 */
function adverbialOpenerEnd(tokens: readonly Token[]): number {
  const first = tokens.find(isWord);
  if (first?.pos !== 'ADP') return 0;
  const comma = tokens.findIndex((t) => t.text === ',');
  if (comma < 0 || words(tokens, 0, comma) < MIN_OPENER_WORDS) return 0;
  for (let j = comma + 2; j < Math.min(tokens.length, comma + 6); j++) {
    const subject = tokens[j - 1] as Token;
    if (isFiniteVerb(tokens[j]) && ['NOUN', 'PROPN', 'PRON'].includes(subject.pos)) return comma + 1;
  }
  return 0;
}

function words(tokens: readonly Token[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (isWord(tokens[i] as Token)) n++;
  return n;
}

/**
 * The clauses of one unit, as spans into the text. `tokens` are the unit's tokens in order (editorial
 * markup already left out). A clause that starts with a joining word ("and", "but that") starts after it.
 */
export function clauseSpans(tokens: readonly Token[], unit: Span): Span[] {
  if (tokens.length === 0) return [unit];
  const cuts = cutPoints(tokens);
  const bounds = [0, ...cuts, tokens.length];
  const out: Span[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    let from = bounds[k] as number;
    const to = bounds[k + 1] as number;
    if (k > 0) while (from < to - 1 && (LEADING_JOINERS.has((tokens[from] as Token).norm) || (tokens[from] as Token).text === ',')) from++;
    const start = k === 0 ? unit.start : (tokens[from] as Token).start;
    const end = k === bounds.length - 2 ? unit.end : (tokens[to - 1] as Token).end;
    out.push({ start, end });
  }
  return out;
}
