/**
 * What the words around an expression say about it: whether it is used as a date at all ("a
 * Monday", NBC's “Today” show), and whether its clause looks forward in time ("will decide by
 * June"), which turns the past bias around.
 */
import type { Bounds } from './scan.js';

const INDEFINITE_BEFORE = /\b(?:a|an)\s+$/i;
const OPEN_QUOTE_BEFORE = /["“]$/;
const CLOSE_QUOTE_AFTER = /^["”]/;
/**
 * Where the clause holding an expression starts: a comma alone does not end the clause's tense,
 * but a quotation or a reporting verb does ("'Taxes will rise,' she said on Thursday").
 */
const CLAUSE_BREAK = /[;:—–("“”]|,\s+(?:but|and|while|although|though|yet|whereas)\b|\b(?:said|told|reported|announced|added|stated)\b/g;
const FUTURE_BEFORE =
  /\b(?:will|won['’]t|would|shall|upcoming|up for|plans? to|planning to|intends? to|expected to|scheduled (?:to|for)|slated|set (?:to|for)|ahead of|(?:is|are)(?: also| still)? to be|as soon as)\b|\w['’]ll\b/i;
/** "on January 1 people's taxes will go up": the clause's own "will", before any "that"/"who". */
const WILL_AFTER = /^\s+(?:(?!that\b|who\b|which\b|when\b)[\w'’]+\s+){0,3}(?:will|won['’]t)\b/i;

/**
 * Not a date but a generic or a title: "a Monday", "a weekend e-mail", NBC's “Today” show (a
 * capitalised expression alone in quotes; a quoted “yesterday” is still a date). A date
 * with digits after an article is still a date ("an April 5 meeting").
 */
export function isDateUse(text: string, floor: number, start: number, end: number): boolean {
  const before = text.slice(Math.max(floor, start - 4), start);
  if (INDEFINITE_BEFORE.test(before) && !/\d/.test(text.slice(start, end))) return false;
  const title = /^[A-Z]/.test(text.slice(start, start + 1));
  return !(title && OPEN_QUOTE_BEFORE.test(before) && CLOSE_QUOTE_AFTER.test(text.slice(end, end + 1)));
}

/** A future-tense cue in the clause before the expression, or "will" right after it in the clause. */
export function inFutureClause(text: string, sentence: Bounds, start: number, end: number): boolean {
  const before = text.slice(Math.max(sentence.start, start - 80), start);
  let clauseStart = 0;
  for (const m of before.matchAll(CLAUSE_BREAK)) clauseStart = m.index + m[0].length;
  const clause = before.slice(clauseStart);
  if (FUTURE_BEFORE.test(clause)) return true;
  return WILL_AFTER.test(text.slice(end, Math.min(sentence.end, end + 60)));
}
