/**
 * From clustered mentions to `EventFinding`s: keys `v1`, `v2`, ... in order of first mention,
 * readable labels, spans, and the dates the text implies but does not state (`dating.ts`).
 */
import type { Span } from '../../model/document.js';
import type { DateValue, EventFinding } from '../../model/findings.js';
import { dayValue, isoDay } from '../time/calendar.js';
import { durationDays } from '../time/duration.js';
import type { EventContext } from './context.js';
import type { DraftEvent } from './coref.js';
import { dayOf, IMMEDIATE_DAYS, RECENT_DAYS, relationBefore, windowValue } from './dating.js';
import type { EventNotes } from './notes.js';
import { familyOf, typeInfo } from './ontology.js';

export interface Built {
  events: EventFinding[];
  notes: Map<string, EventNotes>;
}

export function buildEvents(ctx: EventContext, drafts: DraftEvent[]): Built {
  drafts.sort((x, y) => (x.mentions[0]?.from ?? 0) - (y.mentions[0]?.from ?? 0));
  const notes = new Map<string, EventNotes>();
  const keys = drafts.map((_, k) => `v${k + 1}`);
  drafts.forEach((d, k) => {
    notes.set(keys[k] as string, {
      family: familyOf(d.type),
      cameo: typeInfo(d.type).cameo,
      basis: d.date ? 'explicit' : null,
      notAfter: null,
      planned: d.planned,
      reported: reportedTime(ctx, d),
      days: lengthInDays(ctx, d),
    });
  });
  inferDates(ctx, drafts, keys, notes);
  const events = drafts.map((d, k) => finding(ctx, d, keys[k] as string));
  return { events, notes };
}

function span(ctx: EventContext, from: number, to: number): Span {
  return { start: ctx.token(from)?.start ?? 0, end: ctx.token(to - 1)?.end ?? 0 };
}

function finding(ctx: EventContext, d: DraftEvent, key: string): EventFinding {
  const mentions = d.mentions.map((m) => span(ctx, m.from, m.to));
  const first = mentions[0] ?? { start: 0, end: 0 };
  return {
    kind: 'event',
    key,
    type: d.type,
    label: label(ctx, d),
    trigger: d.mentions.map((m) => span(ctx, m.trigger.from, m.trigger.to)),
    participants: [...d.participants],
    place: d.place,
    date: d.date,
    mentions,
    start: first.start,
    end: first.end,
  };
}

/** "Phone call: Sergei Naryshkin – William Burns"; "Summit: North Atlantic Treaty Organization". */
function label(ctx: EventContext, d: DraftEvent): string {
  const name = (key: string): string => ctx.entities.get(key)?.name ?? key;
  const who = d.participants.slice(0, 3).map(name);
  const head = typeInfo(d.type).label;
  if (who.length > 0) return `${head}: ${who.join(' – ')}${d.participants.length > 3 ? ' and others' : ''}`;
  return d.place ? `${head} in ${name(d.place)}` : head;
}

/**
 * Dates the text implies: "recent" is the month before publication; "X in the wake of Y" puts Y
 * in the week before X, "X after Y" bounds Y by X's end. Run twice, so that a date found for one
 * event can date the one that hangs on it.
 */
function inferDates(ctx: EventContext, drafts: DraftEvent[], keys: string[], notes: Map<string, EventNotes>): void {
  const published = dayOf(ctx.a.doc.date);
  if (published === null) return;
  drafts.forEach((d, k) => {
    if (d.date || !d.mentions.some((m) => m.recent)) return;
    d.date = windowValue(published - RECENT_DAYS, published);
    const n = notes.get(keys[k] as string);
    if (n) n.basis = 'recent';
  });
  const related = drafts.some((d) => !d.date && d.mentions.some((m) => relationBefore(ctx, m) !== null));
  if (!related) return;
  const owner = new Map<object, number>();
  drafts.forEach((d, k) => d.mentions.forEach((m) => owner.set(m, k)));
  const all = drafts.flatMap((d) => d.mentions).sort((x, y) => x.from - y.from);
  for (let pass = 0; pass < 2; pass++) {
    drafts.forEach((d, k) => {
      const n = notes.get(keys[k] as string);
      if (d.date || !n) return;
      for (const m of d.mentions) {
        const relation = relationBefore(ctx, m);
        if (!relation) continue;
        // The event the phrase hangs on: the nearest mention before it in its sentence.
        const anchor = all.filter((o) => o.trigger.sentence === m.trigger.sentence && o.to <= m.from && owner.get(o) !== k).pop();
        const anchorDraft = anchor ? drafts[owner.get(anchor) ?? -1] : undefined;
        const anchorDate = anchorDraft?.date ?? (anchorDraft && familyOf(anchorDraft.type) === 'statement' ? dayValue(published) : null);
        if (!anchorDate) continue;
        const end = dayOf(anchorDate.end) ?? published;
        if (relation === 'immediately-after') {
          const start = (dayOf(anchorDate.start) ?? end) - IMMEDIATE_DAYS;
          d.date = windowValue(start, end);
          n.basis = 'related';
          n.notAfter = null;
          break;
        }
        n.notAfter = n.notAfter && n.notAfter < anchorDate.end ? n.notAfter : isoDay(end);
      }
    });
  }
}

/** A statement's own time: the time in the reporting clause outside what is quoted, else the publication date. */
function reportedTime(ctx: EventContext, d: DraftEvent): DateValue | null {
  const published = dayOf(ctx.a.doc.date);
  const first = d.mentions[0];
  if (!first) return null;
  const attribution = ctx.contentAt[first.trigger.head] ?? -1;
  if (attribution >= 0) {
    const at = ctx.a.attributions[attribution];
    const cue = at?.cue.spans[0];
    if (at && cue) {
      const sentence = ctx.sentence(ctx.tokenAt(cue[0]));
      for (const time of ctx.a.times) {
        if (!sentence || time.start < sentence.start || time.end > sentence.end) continue;
        const inContent = at.content.spans.some(([s, e]) => time.start >= s && time.end <= e);
        if (!inContent) return time.value;
      }
    }
  }
  return published === null ? null : dayValue(published);
}

function lengthInDays(ctx: EventContext, d: DraftEvent): number | null {
  for (const m of d.mentions) {
    const s = span(ctx, m.from, m.trigger.to);
    const days = durationDays(ctx.a.doc.text.slice(s.start, s.end));
    if (days !== null) return days;
  }
  return null;
}
