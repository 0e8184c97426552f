/**
 * Publication dates as inputs write them, normalised to `YYYY-MM-DD`. The date part is taken as
 * written: `2023-07-13T23:30:00-05:00` is 13 July where it was published, not 14 July in UTC.
 */

export type DateCheck = { ok: true; date: string } | { ok: false; problem: string };

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Tomorrow in UTC: a publication date after it is a typo or a placeholder, not news. */
function latestAllowed(now: Date): string {
  return new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
}

/** A calendar day that exists and is not in the future (a day of slack for time zones). */
export function checkDay(year: number, month: number, day: number, now = new Date()): DateCheck {
  if (year < 1) return { ok: false, problem: `year ${pad(year, 4)} does not exist` };
  if (month < 1 || month > 12) return { ok: false, problem: `month ${pad(month)} does not exist` };
  if (day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, problem: `day ${pad(day)} does not exist in ${pad(year, 4)}-${pad(month)}` };
  }
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  const latest = latestAllowed(now);
  if (date > latest) return { ok: false, problem: `${date} is in the future (after ${latest})` };
  return { ok: true, date };
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/** `YYYY-MM-DD` or an ISO 8601 date-time. */
export function parseIsoDate(value: string, now = new Date()): DateCheck {
  const m = ISO.exec(value.trim());
  if (!m) return { ok: false, problem: `"${value}" is not YYYY-MM-DD or an ISO date-time` };
  return checkDay(Number(m[1]), Number(m[2]), Number(m[3]), now);
}

/** RFC 822 / 1123 as RSS writes it: `Thu, 13 Jul 2023 10:00:00 +0300`. */
const RFC822 = /^(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2}|\d{4})(?:\s|$)/i;

/** Any date form feeds and HTML metadata use: ISO first, then RFC 822. */
export function parseLooseDate(value: string, now = new Date()): DateCheck {
  const trimmed = value.trim();
  if (/^\d{4}-/.test(trimmed)) return parseIsoDate(trimmed, now);
  const m = RFC822.exec(trimmed);
  const month = m ? MONTHS[(m[2] ?? '').toLowerCase()] : undefined;
  if (!m || month === undefined) return { ok: false, problem: `"${value}" is not a date in ISO 8601 or RFC 822 form` };
  const year = Number(m[3]);
  // RFC 822 allows two-digit years; RFC 1123 (what feeds should use) has four.
  const fullYear = (m[3] ?? '').length === 2 ? (year < 70 ? 2000 + year : 1900 + year) : year;
  return checkDay(fullYear, month, Number(m[1]), now);
}
