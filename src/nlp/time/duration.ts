/**
 * Durations written as compound modifiers ("a two-day summit", "a 48-hour ceasefire", "a
 * week-long visit"). They say how long something lasted, not when it happened, so the time stage
 * never emits them; the events stage uses their length.
 */

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, 'forty-eight': 48, fifty: 50,
  sixty: 60, seventy: 70, 'seventy-two': 72, ninety: 90, hundred: 100, 'twenty-four': 24,
};
const UNIT_DAYS: Record<string, number> = { hour: 1 / 24, day: 1, week: 7, month: 30, year: 365 };

const COUNTED = new RegExp(
  String.raw`\b(\d+(?:\.\d+)?|${Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|')})[-‑](hour|day|week|month|year)(?:[-\s]?long)?\b(?!s|-old)`,
  'i',
);
const SINGLE = /\b(hour|day|week|month|year)[-\s]?long\b/i;

/**
 * Length in days of the first duration modifier in `text` ("two-day" → 2, "48-hour" → 2,
 * "week-long" → 7; months count 30 days, years 365), or null when there is none.
 */
export function durationDays(text: string): number | null {
  const counted = COUNTED.exec(text);
  if (counted) {
    const word = (counted[1] ?? '').toLowerCase();
    const count = /^\d/.test(word) ? Number(word) : NUMBER_WORDS[word];
    const unit = UNIT_DAYS[(counted[2] ?? '').toLowerCase()];
    if (count !== undefined && unit !== undefined) return count * unit;
  }
  const single = SINGLE.exec(text);
  return single ? (UNIT_DAYS[(single[1] ?? '').toLowerCase()] ?? null) : null;
}
