/**
 * When a month or weekday name is a date, and when it is something else: chrono reads every
 * "march", "may", "Sun" and "Sunday" as a date, news text is full of verbs and names that look like
 * them ("officials may meet", "the march on Washington", "The Sunday Times", "Theresa May").
 *
 * - A month or weekday is only a date when written capitalised.
 * - A month named alone (no day, no year) needs a date word before it: "in May", "since March",
 *   "late November", "between March and May". "May officials meet?" and "the March on" are not dates.
 * - A weekday is a full capitalised name. After an article ("the Sunday Times", "a Monday") or
 *   next to another capitalised word ("Sunday Times", "Bloody Sunday") it is part of a name, unless
 *   a date word comes before it ("on Sunday President Biden said").
 */

export const MONTH_NAMES = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
] as const;

const MONTH_WORD =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;
const WEEKDAY_WORD = /\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b/i;
const FULL_WEEKDAY = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/** Words that make a lone month name a date ("in May", "since March", "mid-June"). */
const MONTH_CONTEXT =
  /(?:\b(?:in|since|until|till|by|from|through|throughout|during|before|after|last|next|this|early|late|of|between|around|for)\s+|\bmid-?\s*)$/i;
const AFTER_MONTH = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s*(?:,|and|or|to|-|–|—)\s*$/;
/** Words that make a weekday a date even next to a capitalised word ("on Sunday President Biden"). */
const WEEKDAY_CONTEXT =
  /\b(?:on|last|next|this|past|since|by|until|till|from|before|after|through|early|late|that|and|or|to|of)\s+$/i;
const ARTICLE_BEFORE = /\b(?:the|a|an)\s+$/i;
const CAPITALISED_WORD_BEFORE = /([A-Z][\w’'.-]*)\s+$/;
const SENTENCE_START_BEFORE = /(?:^|[.!?:;"“‘(\n—–]\s*)$/;
const CAPITALISED_WORD_AFTER = /^ [A-Z]/;

export interface NameCheck {
  /** The whole text the expression sits in (offsets are into it). */
  text: string;
  /** Where the sentence the expression is in starts: nothing before it is looked at. */
  floor: number;
  start: number;
  end: number;
}

/** Finds the month word in `text[start, end)`; null when there is none. */
export function monthWordAt(c: NameCheck): { start: number; word: string } | null {
  return wordAt(c, MONTH_WORD);
}

export function weekdayWordAt(c: NameCheck): { start: number; word: string } | null {
  return wordAt(c, WEEKDAY_WORD);
}

function wordAt(c: NameCheck, pattern: RegExp): { start: number; word: string } | null {
  const m = pattern.exec(c.text.slice(c.start, c.end));
  return m ? { start: c.start + m.index, word: m[0] } : null;
}

function isCapitalised(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase();
}

function before(c: NameCheck, at: number): string {
  return c.text.slice(Math.max(c.floor, at - 40), at);
}

/** A month name used as a date: capitalised, and a lone month needs a date word before it. */
export function isMonthDate(c: NameCheck, alone: boolean): boolean {
  const month = monthWordAt(c);
  if (!month) return true;
  if (!isCapitalised(month.word)) return false;
  if (!alone) return true;
  if (month.word.length <= 4 && !/^(?:May|June|July|Sept)$/.test(month.word)) return false;
  const prefix = before(c, month.start);
  return MONTH_CONTEXT.test(prefix) || AFTER_MONTH.test(prefix);
}

/** A weekday name used as a date, not as part of a name ("The Sunday Times", "Bloody Sunday"). */
export function isWeekdayDate(c: NameCheck): boolean {
  const weekday = weekdayWordAt(c);
  if (!weekday) return true;
  if (!FULL_WEEKDAY.test(weekday.word)) return false;
  const prefix = before(c, weekday.start);
  if (ARTICLE_BEFORE.test(prefix)) return false;
  if (WEEKDAY_CONTEXT.test(prefix)) return true;
  const previous = CAPITALISED_WORD_BEFORE.exec(prefix);
  if (previous && !SENTENCE_START_BEFORE.test(prefix.slice(0, previous.index))) return false;
  const after = c.text.slice(weekday.start + weekday.word.length, weekday.start + weekday.word.length + 2);
  return !CAPITALISED_WORD_AFTER.test(after);
}
