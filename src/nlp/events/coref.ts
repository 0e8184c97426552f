/**
 * Mentions of one event in a document are one event: "his recent phone conversation with CIA
 * Director William Burns" = "Burns had contacted Naryshkin" = "the call" = "his conversation with
 * Burns". A mention joins the most recent earlier event that
 *   - has a compatible type (ontology `compatibleTypes`: a call is talks, never a meeting),
 *   - has no conflicting date,
 *   - shares participants: two when both name two or more (a Biden-Putin call is not a
 *     Biden-Zelensky call), one otherwise; a definite mention naming no one ("the call", "this
 *     visit", "the conversation") refers to the most recent event told with the same noun, else
 *     of the same type.
 * "traveled to Kiev to meet with Zelensky": the purpose verb adds to the trip rather than making
 * a second event. Generic mentions ("American contact", "high-level contacts") make no event.
 */
import type { DateValue, TimeExpression } from '../../model/findings.js';
import type { EventMention } from './arguments.js';
import type { EventContext } from './context.js';
import { narrower, relationBefore } from './dating.js';
import { PLURAL_ONLY } from './lexicon.js';
import { compatibleTypes, moreSpecific, type EventType } from './ontology.js';

export interface DraftEvent {
  type: EventType;
  mentions: EventMention[];
  participants: string[];
  place: string | null;
  date: DateValue | null;
  /** The time expressions that dated it. */
  times: TimeExpression[];
  planned: boolean;
  /** Token index of the last mention's trigger, for recency. */
  last: number;
}

const PURPOSE_REACH = 16;

export function clusterMentions(
  ctx: EventContext,
  mentions: readonly EventMention[],
  times: ReadonlyArray<TimeExpression | null>,
): DraftEvent[] {
  const drafts: DraftEvent[] = [];
  // The same drafts, least recently mentioned first: mentions come in text order, so a draft
  // moves to the end whenever it is mentioned.
  const recent: DraftEvent[] = [];
  mentions.forEach((m, k) => {
    const time = times[k] ?? null;
    if (m.modality === 'unreal' && !time) return;
    const date = time?.value ?? null;
    const purposeOf = m.trigger.kind === 'verb' && ctx.norm(m.trigger.from - 1) === 'to' ? purposeHost(recent, m) : null;
    const host = purposeOf ?? antecedent(ctx, recent, m, date);
    if (host) {
      absorb(host, m, time, purposeOf !== null);
      recent.splice(recent.indexOf(host), 1);
      recent.push(host);
      return;
    }
    if (!isSpecific(ctx, m, date)) return;
    const draft: DraftEvent = {
      type: m.trigger.type,
      mentions: [m],
      participants: [...m.participants],
      place: m.place,
      date,
      times: time ? [time] : [],
      planned: m.modality !== 'actual',
      last: m.trigger.head,
    };
    drafts.push(draft);
    recent.push(draft);
  });
  return drafts;
}

/** The event a purpose infinitive belongs to: "traveled to Kiev last month to meet with ...". */
function purposeHost(recent: readonly DraftEvent[], m: EventMention): DraftEvent | null {
  for (let k = recent.length - 1; k >= 0; k--) {
    const d = recent[k] as DraftEvent;
    if (d.last < m.trigger.head - PURPOSE_REACH) return null;
    const lastMention = d.mentions[d.mentions.length - 1];
    if (lastMention && lastMention.trigger.sentence === m.trigger.sentence && compatibleTypes(d.type, m.trigger.type)) return d;
  }
  return null;
}

function antecedent(ctx: EventContext, recent: readonly DraftEvent[], m: EventMention, date: DateValue | null): DraftEvent | null {
  const ordered = [...recent].reverse();
  // "following the U.S.-Russia Summit", "in the wake of the summit": an earlier, other event
  // than the one its sentence is about.
  const related = relationBefore(ctx, m) !== null;
  if (m.participants.length === 0) {
    // "the call", "this visit": the most recent event told with the same noun, else of the same
    // type. A bare noun ("American contact") is a kind, not a reference.
    if (m.determiner === 'bare' && m.trigger.kind === 'noun') return null;
    const lemma = headLemma(ctx, m);
    const usable = ordered.filter(
      (d) => compatibleTypes(d.type, m.trigger.type) && narrower(d.date, date) !== 'conflict' && !(related && sameSentence(d, m)),
    );
    return usable.find((d) => d.mentions.some((o) => headLemma(ctx, o) === lemma)) ?? usable.find((d) => d.type === m.trigger.type) ?? null;
  }
  for (const d of ordered) {
    if (!compatibleTypes(d.type, m.trigger.type)) continue;
    if (narrower(d.date, date) === 'conflict') continue;
    if (related && sameSentence(d, m)) continue;
    if (d.participants.length === 0) {
      // An event known only by its noun ("the U.S.-Russia Summit") is taken up by a mention of
      // the same kind that names who took part, not by any compatible one.
      if (m.determiner === 'indefinite' || !sameKind(ctx, d, m)) continue;
      return d;
    }
    let shared = 0;
    for (const p of m.participants) if (d.participants.includes(p)) shared++;
    const needed = m.participants.length >= 2 && d.participants.length >= 2 ? 2 : 1;
    if (shared >= needed) return d;
  }
  return null;
}

function headLemma(ctx: EventContext, m: EventMention): string {
  return ctx.token(m.trigger.head)?.lemma ?? '';
}

function sameKind(ctx: EventContext, d: DraftEvent, m: EventMention): boolean {
  const lemma = headLemma(ctx, m);
  return d.type === m.trigger.type || d.mentions.some((o) => headLemma(ctx, o) === lemma);
}

function sameSentence(d: DraftEvent, m: EventMention): boolean {
  return d.mentions.some((o) => o.trigger.sentence === m.trigger.sentence);
}

function absorb(d: DraftEvent, m: EventMention, time: TimeExpression | null, purpose: boolean): void {
  d.mentions.push(m);
  for (const p of m.participants) if (!d.participants.includes(p)) d.participants.push(p);
  d.place ??= m.place;
  if (!purpose) d.type = moreSpecific(d.type, m.trigger.type) as EventType;
  if (time) {
    const merged = narrower(d.date, time.value);
    if (merged !== 'conflict') d.date = merged;
    d.times.push(time);
  }
  if (m.modality === 'actual') d.planned = false;
  d.last = Math.max(d.last, m.trigger.head);
}

/**
 * Worth an event of its own: it names someone, a place or a date, or is a definite description.
 * A bare plural ("contacts between officials") is a habit, not an event; a bare singular with
 * nothing around it ("American contact") is a kind of thing.
 */
function isSpecific(ctx: EventContext, m: EventMention, date: DateValue | null): boolean {
  if (date) return true;
  const lemma = ctx.token(m.trigger.head)?.lemma ?? '';
  if (m.trigger.plural && m.determiner === 'bare' && !PLURAL_ONLY.has(lemma)) return false;
  if (m.participants.length > 0 || m.place !== null) return true;
  return m.determiner === 'definite' || m.determiner === 'possessive';
}
