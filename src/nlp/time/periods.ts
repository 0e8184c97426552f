/**
 * Calendar periods named relative to the publication date ("last month", "this week", "on Monday")
 * and the parts of a period ("early June", "the end of last month").
 *
 * Rules, all against the publication day P:
 * - weeks are ISO weeks, Monday to Sunday. "last week" is the previous Monday..Sunday, "this week"
 *   the week of P, "next week" the one after; all precision day.
 * - "last/this/next month|year" is the whole calendar month (precision month) or year (precision year).
 * - "the past N days|weeks|months|years" is the window from P minus N units up to P, both ends
 *   included (P is included because news is often about the same day); precision day.
 * - "the weekend" and "last weekend" are the latest Saturday..Sunday starting on or before P
 *   (strictly before for "last"); "this weekend" is the weekend of P's week; precision day.
 * - a bare weekday ("on Monday", "said Monday") is the latest such day on or before P; "last
 *   Monday" the latest strictly before P; "next Monday" the first strictly after; "this Monday"
 *   the Monday of P's week.
 */
import type { DateValue } from '../../model/findings.js';
import {
  addMonths,
  day,
  daysInMonth,
  fields,
  mondayOf,
  monthValue,
  parseIsoDay,
  range,
  yearValue,
  type Day,
} from './calendar.js';

export type Unit = 'day' | 'week' | 'month' | 'year';
export type Which = 'last' | 'this' | 'next';

/**
 * A part of a period: `early`/`mid`/`late` are its first, middle and last third ("the beginning
 * of", "the middle of", "the end of" map to them); `earlier`/`later` cut the period at P, so
 * "earlier this month" runs from the 1st to P.
 */
export type Part = 'early' | 'mid' | 'late' | 'earlier' | 'later';

/** A calendar week, month or year relative to P. */
export function relativePeriod(unit: 'week' | 'month' | 'year', which: Which, p: Day): DateValue {
  const offset = which === 'last' ? -1 : which === 'next' ? 1 : 0;
  const f = fields(p);
  if (unit === 'week') {
    const monday = mondayOf(p) + 7 * offset;
    return range(monday, monday + 6, 'day');
  }
  if (unit === 'month') {
    const m = addMonths(f.year, f.month, offset);
    return monthValue(m.year, m.month);
  }
  return yearValue(f.year + offset);
}

/** "the past N units": from P minus N units to P. */
export function pastWindow(count: number, unit: Unit, p: Day): DateValue {
  return range(minus(p, count, unit), p, 'day');
}

/** The day N units before P ("three days ago", "two weeks ago"). */
export function minus(p: Day, count: number, unit: Unit): Day {
  if (unit === 'day') return p - count;
  if (unit === 'week') return p - 7 * count;
  const f = fields(p);
  const m = addMonths(f.year, f.month, unit === 'month' ? -count : -12 * count);
  return day(m.year, m.month, Math.min(f.day, daysInMonth(m.year, m.month)));
}

/** "N units ago" covers the unit it names: two weeks ago is that week, two months ago that month. */
export function agoValue(count: number, unit: Unit, p: Day): DateValue {
  const d = minus(p, count, unit);
  const f = fields(d);
  if (unit === 'day') return range(d, d, 'day');
  if (unit === 'week') return range(mondayOf(d), mondayOf(d) + 6, 'day');
  if (unit === 'month') return monthValue(f.year, f.month);
  return yearValue(f.year);
}

export function weekendValue(which: Which | null, p: Day): DateValue {
  const weekday = fields(p).weekday;
  let saturday: Day;
  if (which === 'this') saturday = mondayOf(p) + 5;
  else if (which === 'next') saturday = mondayOf(p) + 12;
  else {
    // Latest Saturday on or before P; a Sunday P belongs to the weekend that started yesterday.
    saturday = p - ((weekday + 1) % 7);
    if (which === 'last' && saturday + 1 >= p) saturday -= 7;
  }
  return range(saturday, saturday + 1, 'day');
}

/** `weekday`: 0 = Sunday ... 6 = Saturday. */
export function weekdayDay(weekday: number, which: Which | null, p: Day): Day {
  const current = fields(p).weekday;
  const back = (current - weekday + 7) % 7;
  if (which === 'next') return p + ((weekday - current + 7) % 7 || 7);
  if (which === 'this') return mondayOf(p) + ((weekday + 6) % 7);
  if (which === 'last') return p - (back || 7);
  return p - back;
}

/** Past bias: the year that puts month `month` (day `dayOfMonth`) on or before P. */
export function pastBiasYear(month: number, dayOfMonth: number, p: Day): number {
  const year = fields(p).year;
  return day(year, month, dayOfMonth) > p ? year - 1 : year;
}

/**
 * Narrows a period to one of its parts. A year splits into four-month thirds (precision month);
 * any other period into thirds by days (precision day): for a month, the 1st-10th, 11th-20th and
 * 21st-end. A single day has no parts. `earlier`/`later` apply only to a period that holds P.
 */
export function applyPart(value: DateValue, part: Part, p: Day | null): DateValue | null {
  const start = parseIsoDay(value.start);
  const end = parseIsoDay(value.end);
  if (start === null || end === null || start === end) return null;
  if (part === 'earlier' || part === 'later') {
    if (p === null || p < start || p > end) return null;
    return part === 'earlier' ? range(start, p, 'day') : range(p, end, 'day');
  }
  const s = fields(start);
  if (value.precision === 'year' && s.month === 1 && s.day === 1 && fields(end).year === s.year) {
    const first = part === 'early' ? 1 : part === 'mid' ? 5 : 9;
    return range(day(s.year, first, 1), day(s.year, first + 3, daysInMonth(s.year, first + 3)), 'month');
  }
  const third = Math.floor((end - start + 1) / 3);
  if (part === 'early') return range(start, start + third - 1, 'day');
  if (part === 'mid') return range(start + third, start + 2 * third - 1, 'day');
  return range(start + 2 * third, end, 'day');
}
