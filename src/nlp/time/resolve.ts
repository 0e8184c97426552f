/**
 * Time expressions in a text, resolved against the publication date with a past bias.
 *
 * chrono finds candidates in the stretches `datedSentences` picks, with one parser built per
 * process; bare years, which chrono does not read, come from `findYears`. What the words around a
 * candidate say decides whether it is a date at all (`names`, `clause`); what it means is decided
 * in `interpret`, its parts ("early", "the end of", "earlier") in `applyPart`.
 */
import * as chrono from 'chrono-node';
import type { ParsedResult } from 'chrono-node';
import type { DateValue, TimeExpression } from '../../model/findings.js';
import { fields, parseIsoDay, yearValue, type Day } from './calendar.js';
import { inFutureClause, isDateUse } from './clause.js';
import { interpret } from './interpret.js';
import { isMonthDate, isWeekdayDate } from './names.js';
import { applyPart, type Part } from './periods.js';
import { datedSentences, type Bounds } from './scan.js';
import { findYears } from './years.js';

/**
 * chrono's casual English parser, changed in three ways. `ENEndOfPeriodRefiner` turns "the end of
 * June" into June 30th: parts of periods are resolved by `applyPart` instead.
 * `ENUnlikelyFormatFilter` keeps "May" only after "in", losing "since May" and "March and May":
 * `isMonthDate` and the stage's POS check decide instead. And "the end of the year|week", which
 * chrono reads only for months, is added.
 */
const DROPPED = new Set(['ENEndOfPeriodRefiner', 'ENUnlikelyFormatFilter']);
const PART_OF_THE_PERIOD: chrono.Parser = {
  pattern: () => /\b(?:beginning|start|middle|end)\s+of\s+the\s+(?:week|year)\b/i,
  // The components are placeholders: `interpret` reads the period from the text.
  extract: (context) => ({ year: context.refDate.getFullYear() }),
};
const parser: chrono.Chrono = (() => {
  const c = chrono.casual.clone();
  c.refiners = c.refiners.filter((refiner) => !DROPPED.has(refiner.constructor.name));
  c.parsers.push(PART_OF_THE_PERIOD);
  return c;
})();

const LEADING_WORD = /^(?:[,(（]\s*)?(?:(?:on|in|at|by)\s+)?/i;
const TRAILING_PUNCTUATION = /[\s,;:)）—–-]+$/;
const SENTENCE_AFTER = /^(?:$|\s*\n|\s+["“‘(]?[A-Z])/;
const PART_INSIDE = /^(?:the\s+)?(beginning|start|middle|end)\s+of\s+(?:the\s+)?/i;
const PART_BEFORE =
  /(?:\b(?:the\s+)?(beginning|start|middle|end)\s+of\s+(?:the\s+)?|\b(early|late|mid)(?:-|\s+)|\bmid-|\b(earlier|later)\s+(?:in\s+|on\s+)?)$/i;
const THE_BEFORE = /\bthe\s+$/i;
const TWO_DIGIT_YEAR_END = /[\s,]+\d{1,2}$/;
/** "since May", "last week": the word before fixes the past whatever the tense. */
const PAST_WORD_BEFORE = /\b(?:since|last|ago|earlier|previously)\s+$/i;
/** "last March", "next May": the word before a lone month name that chrono leaves out. */
const MONTH_MODIFIER_BEFORE = /\b(?:last|next|this)\s+$/i;
const PART_WORDS: Record<string, Part> = {
  beginning: 'early', start: 'early', early: 'early',
  middle: 'mid', mid: 'mid', 'mid-': 'mid',
  end: 'late', late: 'late',
  earlier: 'earlier', later: 'later',
};

/**
 * Time expressions in `text[from..]`, with offsets into `text`. `docDate` (`YYYY-MM-DD`) is the
 * publication date; without it only expressions that name their own year are kept.
 */
export function resolveTimes(text: string, from: number, docDate: string | null): TimeExpression[] {
  const p = docDate === null ? null : parseIsoDay(docDate);
  const reference = referenceDate(p);
  const found: TimeExpression[] = [];
  for (const { sentence, window } of datedSentences(text, from)) {
    found.push(...inSentence(text, sentence, window, p, reference));
  }
  return found;
}

/** Chrono's reference instant: local noon of P, so its local-time arithmetic stays on P's day. */
function referenceDate(p: Day | null): Date {
  if (p === null) return new Date(2000, 0, 1, 12);
  const f = fields(p);
  return new Date(f.year, f.month - 1, f.day, 12);
}

/** Expressions in `window`; the rest of the sentence is context (a preposition, a tense). */
function inSentence(text: string, sentence: Bounds, window: Bounds, p: Day | null, reference: Date): TimeExpression[] {
  const candidates: TimeExpression[] = [];
  for (const result of parser.parse(text.slice(window.start, window.end), reference)) {
    const expression = fromChrono(text, sentence, window.start + result.index, result, p, reference);
    if (expression) candidates.push(expression);
  }
  for (const year of findYears(text, window.start, window.end, sentence.start)) {
    const expression = withPart(text, sentence.start, year.start, year.end, yearValue(year.year), true, p);
    if (expression) candidates.push(expression);
  }
  return withoutOverlaps(candidates);
}

function fromChrono(
  text: string,
  sentence: Bounds,
  at: number,
  found: ParsedResult,
  p: Day | null,
  reference: Date,
): TimeExpression | null {
  const result = withoutTwoDigitYear(found, reference);
  if (!result) return null;
  const floor = sentence.start;
  let start = at;
  let end = start + result.text.length;
  start += LEADING_WORD.exec(text.slice(start, end))?.[0].length ?? 0;
  end -= TRAILING_PUNCTUATION.exec(text.slice(start, end))?.[0].length ?? 0;
  // "on 24 Feb." at the end of a sentence: the full stop belongs to the sentence.
  if (text.charCodeAt(end - 1) === 46 && SENTENCE_AFTER.test(text.slice(end, end + 3))) end -= 1;
  if (end <= start || !isDateUse(text, floor, start, end)) return null;
  const inside = PART_INSIDE.exec(text.slice(start, end));
  const coreStart = start + (inside?.[0].length ?? 0);
  const check = { text, floor, start: coreStart, end };
  const c = result.start;
  const alone = !c.isCertain('day') && !c.isCertain('year');
  if (!isMonthDate(check, alone) || !isWeekdayDate(check)) return null;
  const prefix = text.slice(Math.max(floor, start - 8), start);
  // chrono leaves out "last"/"next"/"this" before a lone month ("last March").
  const modifier = !inside && alone && c.isCertain('month') ? MONTH_MODIFIER_BEFORE.exec(prefix) : null;
  if (modifier) start -= modifier[0].length;
  let core = text.slice(coreStart, end).toLowerCase().replace(/\s+/g, ' ');
  const afterThe = core.startsWith('the ') || (!inside && THE_BEFORE.test(prefix));
  core = (modifier ? `${modifier[0].toLowerCase().trim()} ` : '') + core.replace(/^the /, '');
  const future = !PAST_WORD_BEFORE.test(prefix) && inFutureClause(text, sentence, start, end);
  const meaning = interpret(result, { core, afterThe, future }, p);
  if (!meaning) return null;
  if (inside) {
    const part = PART_WORDS[(inside[1] ?? '').toLowerCase()];
    const narrowed = part ? applyPart(meaning.value, part, p) : null;
    if (!narrowed) return null;
    const the = THE_BEFORE.exec(prefix);
    return expression(text, start - (the?.[0].length ?? 0), end, narrowed, meaning.explicitYear);
  }
  return withPart(text, floor, start, end, meaning.value, meaning.explicitYear, p);
}

/**
 * chrono reads "As of April, 35 million" as April 2035 and "March 15, 35 people" as 2035: news
 * writes years with four digits, so a trailing one- or two-digit "year" is cut off and the rest
 * parsed again.
 */
function withoutTwoDigitYear(result: ParsedResult, reference: Date): ParsedResult | null {
  const suffix = TWO_DIGIT_YEAR_END.exec(result.text);
  if (!suffix || !result.start.isCertain('year')) return result;
  const again = parser.parse(result.text.slice(0, suffix.index), reference)[0];
  return again && again.index === 0 ? again : null;
}

/** Widens the expression over a part word before it ("early", "mid-", "the end of") when it applies. */
function withPart(
  text: string,
  floor: number,
  start: number,
  end: number,
  value: DateValue,
  explicitYear: boolean,
  p: Day | null,
): TimeExpression {
  const before = PART_BEFORE.exec(text.slice(Math.max(floor, start - 40), start));
  const word = before ? (before[1] ?? before[2] ?? before[3] ?? 'mid-').toLowerCase() : null;
  const part = word === null ? undefined : PART_WORDS[word];
  const narrowed = part && before ? applyPart(value, part, p) : null;
  if (!narrowed || !before) return expression(text, start, end, value, explicitYear);
  return expression(text, start - before[0].length, end, narrowed, explicitYear);
}

function expression(text: string, start: number, end: number, value: DateValue, explicitYear: boolean): TimeExpression {
  return { kind: 'time', start, end, text: text.slice(start, end), value, explicitYear };
}

/** Keeps the earliest, then longest, of overlapping expressions. */
function withoutOverlaps(candidates: TimeExpression[]): TimeExpression[] {
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: TimeExpression[] = [];
  for (const c of candidates) {
    const last = kept[kept.length - 1];
    if (last && c.start < last.end) continue;
    kept.push(c);
  }
  return kept;
}
