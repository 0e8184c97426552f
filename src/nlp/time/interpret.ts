/**
 * From what chrono matched to a calendar range. Chrono finds the expression and its components;
 * the meaning is decided here, against the publication day P, because chrono's own answers are
 * instants ("last month" is "one month before now", precision unknown) and it looks forward as
 * readily as back.
 *
 * A month or day named without a year, and a bare weekday, take the past bias: the latest one on
 * or before P ("in November" in a July 2023 article is November 2022). The one exception is a
 * clause in the future tense ("will decide by June", "is up for re-election in November"): there
 * the first one on or after P is meant, and the caller says so with `future`.
 *
 * An expression is skipped (null) when it is not a date: "now", a clock time alone ("at 3 pm"),
 * a duration or an offset ("for three days", "within two weeks", "in 10 days"), anaphora that
 * points at another event rather than at P ("the day before", "the next day", "the year"), and a
 * slash date without a year ("5/4" is more often a score or a fraction). Without P, only
 * expressions that carry their own year resolve.
 */
import type { ParsedComponents, ParsedResult } from 'chrono-node';
import type { Precision } from '../../model/document.js';
import type { DateValue } from '../../model/findings.js';
import { coarser, day, dayValue, daysInMonth, fields, monthValue, parseIsoDay, range, type Day } from './calendar.js';
import {
  agoValue,
  pastBiasYear,
  pastWindow,
  relativePeriod,
  weekdayDay,
  weekendValue,
  type Unit,
  type Which,
} from './periods.js';

export interface Interpretation {
  value: DateValue;
  explicitYear: boolean;
}

export interface Reading {
  /** The expression without a leading "on"/"the"/part word, lower-cased and single-spaced. */
  core: string;
  /** "the" comes right before the expression ("the next day", "the year"). */
  afterThe: boolean;
  /** The clause is in the future tense: a yearless month or day is the next one, not the last. */
  future: boolean;
}

const NOT_A_DATE = [
  /^(?:right |by |until )?now$/,
  /^(?:day|week|month|year)s? (?:before|after|earlier|later)$/,
  /^\d{1,2}[/.-]\d{1,2}$/,
];
/** After "the", these point at a period named elsewhere in the text, not at P. */
const ANAPHORA = /^(?:(?:next|following|previous|preceding) )?(?:day|week|month|year)$/;
/** chrono's "for three days", "within two weeks", "in 10 days", "in the year": durations or offsets. */
const DURATION = /^(?:for|within|in|over)\s/i;
const PERIOD = /^(?:(last|past|previous|this|current|next|coming)\s+)?(week|month|year)$/;
const WEEKEND = /^(?:(last|past|this|next|coming)\s+)?weekend$/;
const PAST_WINDOW = /^past\s+(\S+(?:\s+few)?)\s+(day|week|month|year)s?$/;
const AGO = /^(\S+(?:\s+few)?)\s+(day|week|month|year|hour|minute)s?\s+ago$/;
const CASUAL_DAY: Array<[RegExp, number]> = [
  [/^(?:the )?day before yesterday$/, -2],
  [/^(?:the )?day after tomorrow$/, 2],
  [/^(?:yesterday|last night)\b/, -1],
  [/^(?:today|tonight|this (?:morning|afternoon|evening))\b/, 0],
  [/^tomorrow\b/, 1],
];
const MONTH_WITH_MODIFIER = /^(last|next|this) [a-z]+\.?$/;
const WEEKDAY_MODIFIER = /\b(last|past|this|next)\s+(?:mon|tue|wed|thu|fri|sat|sun)|\b(?:of\s+)?(last|this|next)\s+week$/;
const FUTURE_GRACE_DAYS = 7;
const COUNTS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, 'a few': 3, few: 3, several: 3, couple: 2,
};

export function interpret(result: ParsedResult, reading: Reading, p: Day | null): Interpretation | null {
  const { core } = reading;
  if (NOT_A_DATE.some((re) => re.test(core)) || result.tags().has('casualReference/now')) return null;
  if (reading.afterThe && ANAPHORA.test(core)) return null;
  if (DURATION.test(result.text)) return null;
  // Whether an expression is relative does not depend on P; its value does.
  const relative = interpretRelative(result, reading, p ?? 0);
  if (relative !== undefined) return p === null ? null : relative;
  return interpretAbsolute(result, reading.future, p);
}

/** Undefined when the expression is not relative; null when it is but means nothing usable. */
function interpretRelative(result: ParsedResult, reading: Reading, p: Day): Interpretation | null | undefined {
  const text = reading.core;
  const period = PERIOD.exec(text);
  if (period) {
    const unit = period[2] as 'week' | 'month' | 'year';
    const word = period[1] ?? 'this';
    if (word === 'past') return relativeResult(pastWindow(1, unit, p));
    return relativeResult(relativePeriod(unit, which(word), p));
  }
  const weekend = WEEKEND.exec(text);
  if (weekend) return relativeResult(weekendValue(weekend[1] ? which(weekend[1]) : null, p));
  const window = PAST_WINDOW.exec(text);
  if (window) {
    const count = countOf(window[1] ?? '');
    return count === null ? null : relativeResult(pastWindow(count, window[2] as Unit, p));
  }
  const ago = AGO.exec(text);
  if (ago) {
    const count = countOf(ago[1] ?? '');
    if (count === null) return null;
    if (ago[2] === 'minute') return relativeResult(dayValue(p));
    if (ago[2] === 'hour') return relativeResult(dayValue(p - Math.floor(count / 24)));
    return relativeResult(agoValue(count, ago[2] as Unit, p));
  }
  const start = result.start;
  const month = start.get('month');
  const modified = MONTH_WITH_MODIFIER.exec(text);
  if (modified && month !== null && start.isCertain('month') && !start.isCertain('day')) {
    return relativeResult(modifiedMonth(month, which(modified[1] ?? ''), p));
  }
  for (const [pattern, offset] of CASUAL_DAY) if (pattern.test(text)) return relativeResult(dayValue(p + offset));
  if (start.isCertain('weekday') && !start.isCertain('day')) {
    const weekday = start.get('weekday');
    if (weekday === null) return null;
    const m = WEEKDAY_MODIFIER.exec(text);
    const word = m?.[1] ?? m?.[2];
    if (!word && reading.future) return relativeResult(dayValue(p + ((weekday - fields(p).weekday + 7) % 7)));
    return relativeResult(dayValue(weekdayDay(weekday, word ? which(word) : null, p)));
  }
  // Anything else chrono resolved relative to P ("three days later", "+2 weeks"): not ours to guess.
  if (result.tags().has('result/relativeDate')) return null;
  return undefined;
}

function interpretAbsolute(result: ParsedResult, future: boolean, p: Day | null): Interpretation | null {
  const start = componentsValue(result.start, p, future ? 'future' : 'past');
  if (!start) return null;
  if (!result.end) return start;
  const end = componentsValue(result.end, p, parseIsoDay(start.value.start) ?? 0);
  if (!end || end.value.end < start.value.start) return start;
  const precision: Precision = coarser(start.value.precision, end.value.precision);
  return { value: { start: start.value.start, end: end.value.end, precision }, explicitYear: start.explicitYear };
}

/**
 * A date from chrono's components. Without a year in the text, the bias picks the year; for the
 * end of a range, the first year that puts it after the range's start (a `Day`).
 */
function componentsValue(c: ParsedComponents, p: Day | null, bias: 'past' | 'future' | Day): Interpretation | null {
  const month = c.get('month');
  if (!c.isCertain('month') && !c.isCertain('year')) return null;
  if (!c.isCertain('month') || month === null) {
    const year = c.get('year');
    return year === null ? null : { value: range(day(year, 1, 1), day(year, 12, 31), 'year'), explicitYear: true };
  }
  const hasDay = c.isCertain('day');
  const dayOfMonth = hasDay ? (c.get('day') ?? 1) : 1;
  let year = c.get('year');
  const explicitYear = c.isCertain('year');
  if (!explicitYear) {
    if (typeof bias === 'number') {
      year = fields(bias).year;
      if (day(year, month, hasDay ? dayOfMonth : 28) < bias) year += 1;
    } else if (p === null) {
      return null;
    } else if (bias === 'future') {
      // A week's grace: a story written on the 4th and published on the 6th still means the 5th.
      year = fields(p).year;
      const last = hasDay ? dayOfMonth : daysInMonth(year, month);
      if (day(year, month, last) < p - FUTURE_GRACE_DAYS) year += 1;
    } else {
      year = pastBiasYear(month, dayOfMonth, p);
    }
  }
  if (year === null) return null;
  const value = hasDay ? dayValue(day(year, month, dayOfMonth)) : monthValue(year, month);
  return { value, explicitYear };
}

/** "last March" is the latest March before P's month; "next March" the first after it. */
function modifiedMonth(month: number, word: Which, p: Day): DateValue {
  const f = fields(p);
  if (word === 'this') return monthValue(f.year, month);
  if (word === 'last') return monthValue(month < f.month ? f.year : f.year - 1, month);
  return monthValue(month > f.month ? f.year : f.year + 1, month);
}

function relativeResult(value: DateValue): Interpretation {
  return { value, explicitYear: false };
}

function which(word: string): Which {
  if (word === 'next' || word === 'coming') return 'next';
  if (word === 'this' || word === 'current') return 'this';
  return 'last';
}

function countOf(word: string): number | null {
  if (/^\d+$/.test(word)) return Number(word);
  return COUNTS[word] ?? null;
}
