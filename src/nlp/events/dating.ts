/**
 * When an event happened, as far as the text says.
 *
 * 1. Explicit: each time expression of a sentence is attached to the nearest event mention of the
 *    same sentence ("traveled to Kiev last month", "invasion of Ukraine in February 2022", "in
 *    November, Sullivan spoke with"), never across the edge of a quotation's content: "Naryshkin
 *    said on Tuesday that the call took place last month" dates the call by "last month", the
 *    statement by "on Tuesday". A time after "since", "until" or "before" bounds rather than dates.
 * 2. Recent: "his recent phone conversation" happened in the month before publication.
 * 3. Related: "X in the wake of Y" (or "shortly after", "in the aftermath of", "on the heels of")
 *    puts Y in the week before X; plain "after Y" only says Y ended by X's end (kept as
 *    `notAfter`, not as a date).
 * An event the text does not date stays undated: the publication date bounds it (grouping uses
 * that) but is not its date.
 */
import type { Precision } from '../../model/document.js';
import type { DateValue, TimeExpression } from '../../model/findings.js';
import { isoDay, parseIsoDay, type Day } from '../time/calendar.js';
import type { EventMention } from './arguments.js';
import type { EventContext } from './context.js';

/** How far back "recent" reaches, in days. */
export const RECENT_DAYS = 30;
/** How far back "in the wake of", "shortly after" reach, in days. */
export const IMMEDIATE_DAYS = 7;

/** Tokens between a time and the mention it dates, at most. */
const MAX_DISTANCE = 12;
const BOUND_WORDS = new Set(['since', 'until', 'till', 'before', 'by', 'through', 'from']);

/** For each mention (by index), the time expression attached to it, or null. */
export function attachTimes(ctx: EventContext, mentions: readonly EventMention[]): Array<TimeExpression | null> {
  const attached: Array<TimeExpression | null> = mentions.map(() => null);
  const bySentence = new Map<number, number[]>();
  mentions.forEach((m, k) => {
    const list = bySentence.get(m.trigger.sentence) ?? [];
    list.push(k);
    bySentence.set(m.trigger.sentence, list);
  });
  const triggerHeads = new Set(mentions.map((m) => m.trigger.head));
  ctx.a.times.forEach((time) => {
    const first = ctx.tokenAt(time.start);
    const token = ctx.token(first);
    if (!token || token.start >= time.end) return;
    if (BOUND_WORDS.has(ctx.norm(first - 1))) return;
    let last = first;
    while (ctx.token(last + 1) && (ctx.token(last + 1)?.end ?? 0) <= time.end) last++;
    const candidates = bySentence.get(token.sentence);
    if (!candidates) return;
    const content = ctx.contentAt[first] ?? -1;
    let best = -1;
    let bestDistance = Infinity;
    // "the events of June 24": the time dates the noun it modifies, not an event trigger.
    if (ctx.norm(first - 1) === 'of' && !triggerHeads.has(first - 2)) return;
    for (const k of candidates) {
      const m = mentions[k] as EventMention;
      if ((ctx.contentAt[m.trigger.head] ?? -1) !== content) continue;
      // A time after the phrase ("traveled to Kiev last month") wins a tie over one before.
      const distance = last < m.from ? m.from - last + 0.5 : first >= m.to ? first - m.to + 1 : 0;
      if (distance > MAX_DISTANCE || inOtherParenthesis(ctx, m, first, last)) continue;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = k;
      }
    }
    if (best >= 0) {
      const current = attached[best];
      if (!current || rank(time.value.precision) < rank(current.value.precision)) attached[best] = time;
    }
  });
  return attached;
}

/**
 * A time inside a parenthesis the mention is outside of ("called Naryshkin ... [reports, 30
 * Jun-1 Jul 2023]") dates the parenthesis, and the other way round.
 */
function inOtherParenthesis(ctx: EventContext, m: EventMention, first: number, last: number): boolean {
  const before = last < m.from;
  const [from, to] = before ? [last + 1, m.from] : [m.to, first];
  let depth = 0;
  for (let k = from; k < to; k++) {
    // wink keeps some punctuation together ("):"): count the brackets inside each token.
    for (const c of ctx.norm(k)) {
      if (c === '(' || c === '[') depth++;
      else if (c === ')' || c === ']') depth--;
    }
    // Before the mention: a bracket closing what opened before the time.
    if (before && depth < 0) return true;
  }
  // After the mention: a bracket opened between them and still open at the time.
  return !before && depth > 0;
}

function rank(p: Precision): number {
  return p === 'day' ? 0 : p === 'month' ? 1 : 2;
}

/** A window of days with the precision its width allows: a week or less is a day range. */
export function windowValue(start: Day, end: Day): DateValue {
  const width = end - start;
  const precision: Precision = width <= 7 ? 'day' : width <= 62 ? 'month' : 'year';
  return { start: isoDay(start), end: isoDay(end), precision };
}

export function dayOf(iso: string | null | undefined): Day | null {
  return iso ? parseIsoDay(iso) : null;
}

/** The narrower of two compatible dates, or null when they cannot both hold. */
export function narrower(a: DateValue | null, b: DateValue | null): DateValue | null | 'conflict' {
  if (!a) return b;
  if (!b) return a;
  if (a.end < b.start || b.end < a.start) return 'conflict';
  const width = (v: DateValue): number => (parseIsoDay(v.end) ?? 0) - (parseIsoDay(v.start) ?? 0);
  return rank(a.precision) < rank(b.precision) || (a.precision === b.precision && width(a) <= width(b)) ? a : b;
}

export function overlaps(a: DateValue | null, b: DateValue | null): boolean {
  return !a || !b || !(a.end < b.start || b.end < a.start);
}

const IMMEDIATE_BEFORE: ReadonlyArray<readonly string[]> = [
  ['in', 'the', 'wake', 'of'],
  ['in', 'the', 'aftermath', 'of'],
  ['on', 'the', 'heels', 'of'],
  ['shortly', 'after'],
  ['soon', 'after'],
  ['just', 'after'],
  ['hours', 'after'],
  ['days', 'after'],
  ['right', 'after'],
  ['immediately', 'after'],
];
const AFTER = new Set(['after', 'following']);

export type Relation = 'immediately-after' | 'after';

/** How the words before a mention relate it to the clause it hangs on: "in the wake of the summit". */
export function relationBefore(ctx: EventContext, m: EventMention): Relation | null {
  const at = m.from;
  const before = ctx.norm(at - 1);
  if (before !== 'of' && !AFTER.has(before)) return null;
  for (const phrase of IMMEDIATE_BEFORE) {
    if (phrase.every((word, k) => ctx.norm(at - phrase.length + k) === word)) return 'immediately-after';
  }
  return AFTER.has(ctx.norm(at - 1)) ? 'after' : null;
}
