/**
 * Civil-date arithmetic for resolving time expressions. Dates are plain calendar days with no
 * time zone: a `Day` is a count of days since 1970-01-01 (UTC), so adding days never crosses a
 * daylight-saving boundary and `YYYY-MM-DD` round-trips exactly.
 */
import type { Precision } from '../../model/document.js';
import type { DateValue } from '../../model/findings.js';

/** Days since 1970-01-01. */
export type Day = number;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Days since 1970-01-01 of a proleptic Gregorian date, by Howard Hinnant's `days_from_civil`:
 * plain arithmetic, no `Date` objects, as this runs for every expression of every document.
 */
export function day(year: number, month: number, dayOfMonth: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + dayOfMonth - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Parses `YYYY-MM-DD`; null when the string is not a real calendar date. */
export function parseIsoDay(iso: string): Day | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return day(y, mo, d);
}

export function isoDay(d: Day): string {
  const f = fields(d);
  return `${String(f.year).padStart(4, '0')}-${f.month < 10 ? '0' : ''}${f.month}-${f.day < 10 ? '0' : ''}${f.day}`;
}

export interface DayFields {
  year: number;
  /** 1-12. */
  month: number;
  day: number;
  /** 0 = Sunday ... 6 = Saturday, as in `Date.getUTCDay`. */
  weekday: number;
}

/** Hinnant's `civil_from_days`, the inverse of `day`. */
export function fields(d: Day): DayFields {
  const z = d + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  // 1970-01-01 was a Thursday.
  return { year, month, day: dayOfYear - Math.floor((153 * mp + 2) / 5) + 1, weekday: (((d + 4) % 7) + 7) % 7 };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 30;
}

/** The Monday of the ISO week `d` falls in. */
export function mondayOf(d: Day): Day {
  return d - ((fields(d).weekday + 6) % 7);
}

/** `year`/`month` moved by `delta` months, month kept in 1-12. */
export function addMonths(year: number, month: number, delta: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function range(start: Day, end: Day, precision: Precision): DateValue {
  return { start: isoDay(start), end: isoDay(end), precision };
}

export function dayValue(d: Day): DateValue {
  return range(d, d, 'day');
}

export function monthValue(year: number, month: number): DateValue {
  return range(day(year, month, 1), day(year, month, daysInMonth(year, month)), 'month');
}

export function yearValue(year: number): DateValue {
  return range(day(year, 1, 1), day(year, 12, 31), 'year');
}

/** The coarser of two precisions: a range is only as precise as its vaguer end. */
export function coarser(a: Precision, b: Precision): Precision {
  const rank: Record<Precision, number> = { day: 0, month: 1, year: 2 };
  return rank[a] >= rank[b] ? a : b;
}
