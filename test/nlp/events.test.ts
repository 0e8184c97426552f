import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { toDocument } from '../../src/ingest/document.js';
import type { AnalysedDocument } from '../../src/model/document.js';
import type { EventFinding } from '../../src/model/findings.js';
import { eventNotes, eventsStage, mainEvent } from '../../src/nlp/events/stage.js';
import { analyse } from '../../src/nlp/pipeline.js';
import { packagePath } from '../../src/paths.js';

function analysed(text: string, date: string, title?: string): AnalysedDocument {
  return analyse(toDocument({ text, date, ...(title ? { title } : {}) }));
}

function names(a: AnalysedDocument, keys: readonly string[]): string[] {
  return keys.map((k) => a.entities.find((e) => e.key === k)?.name ?? k);
}

function spanTexts(a: AnalysedDocument, e: EventFinding): string[] {
  return e.mentions.map((m) => a.doc.text.slice(m.start, m.end));
}

describe('events stage: the seed article', () => {
  let a: AnalysedDocument;
  let text: string;
  const byType = (type: string): EventFinding[] => a.events.filter((e) => e.type === type);
  const one = (type: string): EventFinding => {
    const found = byType(type);
    expect(found, `one ${type} event`).toHaveLength(1);
    return found[0] as EventFinding;
  };

  beforeAll(() => {
    text = readFileSync(packagePath('examples', 'naryshkin-burns-2023-07-13.txt'), 'utf8');
    a = analyse(toDocument({ text, bodyStart: text.indexOf('Head of'), date: '2023-07-13' }));
  });

  it('finds one phone call between Naryshkin and Burns, mentioned nine ways', () => {
    const call = one('call');
    expect(call.label).toBe('Phone call: Sergei Naryshkin – William Burns');
    expect(names(a, call.participants)).toEqual(['Sergei Naryshkin', 'William Burns']);
    const mentions = spanTexts(a, call);
    expect(mentions[0]).toBe('his recent phone conversation with CIA Director William Burns');
    expect(mentions).toContain('Burns had contacted Naryshkin');
    expect(mentions).toContain('the call');
    expect(mentions).toContain('his conversation with Burns');
    expect(mentions).toContain('the phone call between Naryshkin and Burns');
    expect(mentions).not.toContain('American contact');
    expect(call.trigger.map((t) => text.slice(t.start, t.end))).toContain('phone conversation');
    expect(text.slice(call.start, call.end)).toBe(mentions[0]);
  });

  it('dates the call by "recent": the month before publication, no more precise than the text', () => {
    const call = one('call');
    expect(call.date).toEqual({ start: '2023-06-13', end: '2023-07-13', precision: 'month' });
    // Late June 2023 (after the mutiny of 23-24 June) lies inside; the text says nothing narrower.
    expect(call.date!.start <= '2023-06-23' && call.date!.end >= '2023-06-23').toBe(true);
    expect(eventNotes(a).get(call.key)).toMatchObject({ basis: 'recent', cameo: '04', family: 'consult' });
  });

  it('keeps the statement time apart from the event time', () => {
    const call = one('call');
    expect(eventNotes(a).get(call.key)?.reported).toEqual({ start: '2023-07-13', end: '2023-07-13', precision: 'day' });
  });

  it('finds the mutiny, undated but no later than the call it preceded', () => {
    const mutiny = one('mutiny');
    expect(names(a, mutiny.participants)).toEqual(['Yevgeny Prigozhin']);
    expect(spanTexts(a, mutiny)).toEqual(['a short-lived mutiny by Yevgeny Prigozhin', 'the mutiny']);
    expect(mutiny.date).toBeNull();
    expect(eventNotes(a).get(mutiny.key)?.notAfter).toBe('2023-07-13');
  });

  it('dates the two-day NATO summit to the week before the comments that come in its wake', () => {
    const summit = one('summit');
    expect(names(a, summit.participants)).toEqual(['North Atlantic Treaty Organization']);
    expect(summit.date).toEqual({ start: '2023-07-06', end: '2023-07-13', precision: 'day' });
    expect(eventNotes(a).get(summit.key)).toMatchObject({ basis: 'related', days: 2 });
    expect(spanTexts(a, summit)).toContain('the summit');
  });

  it("finds Burns's trip to Kiev last month, with Zelensky, as one visit", () => {
    const visit = one('visit');
    expect(names(a, visit.participants)).toEqual(['William Burns', 'Volodymyr Zelensky', 'Ukrainian intelligence officials']);
    expect(names(a, [visit.place ?? ''])).toEqual(['Kiev']);
    expect(visit.date).toEqual({ start: '2023-06-01', end: '2023-06-30', precision: 'month' });
    expect(spanTexts(a, visit)).toContain('this visit');
  });

  it('finds the invasion of February 2022', () => {
    const invasion = one('invasion');
    expect(names(a, invasion.participants)).toEqual(['Russia', 'Ukraine']);
    expect(invasion.date).toEqual({ start: '2022-02-01', end: '2022-02-28', precision: 'month' });
    expect(eventNotes(a).get(invasion.key)?.cameo).toBe('19');
  });

  it("finds Sullivan's talks in November with Ushakov and Patrushev, not with their affiliations", () => {
    const talks = one('talks');
    expect(names(a, talks.participants)).toEqual(['Jake Sullivan', 'Yuri Ushakov', 'Nikolai Patrushev']);
    expect(talks.date).toEqual({ start: '2022-11-01', end: '2022-11-30', precision: 'month' });
  });

  it('names the call as the main event', () => {
    expect(mainEvent(a)).toBe(one('call').key);
  });

  it('gives every event a span of the text and readable keys in order', () => {
    expect(a.events.map((e) => e.key)).toEqual(a.events.map((_, i) => `v${i + 1}`));
    for (const e of a.events) {
      for (const span of [...e.mentions, ...e.trigger]) {
        expect(span.end).toBeGreaterThan(span.start);
        expect(span.start).toBeGreaterThanOrEqual(a.doc.bodyStart);
      }
    }
  });
});

describe('events stage: rules', () => {
  it('reads an official readout: "spoke today with" is talks on the publication date', () => {
    const a = analysed('President Biden spoke today with President Putin. The leaders discussed ransomware.', '2021-07-09');
    expect(a.events).toHaveLength(1);
    const e = a.events[0] as EventFinding;
    expect(e.type).toBe('talks');
    expect(names(a, e.participants)).toEqual(['Biden', 'Putin']);
    expect(e.date).toEqual({ start: '2021-07-09', end: '2021-07-09', precision: 'day' });
  });

  it('keeps two calls with different counterparts apart, each with its own date', () => {
    const a = analysed(
      'President Biden spoke by phone with President Putin on Monday. On Thursday, Biden spoke with President Zelensky. The call with Zelensky lasted an hour.',
      '2022-03-05',
    );
    const calls = a.events.filter((e) => e.type === 'call' || e.type === 'talks');
    expect(calls.map((e) => names(a, e.participants))).toEqual([
      ['Biden', 'Putin'],
      ['Biden', 'Zelensky'],
    ]);
    expect(calls.map((e) => e.date?.start)).toEqual(['2022-02-28', '2022-03-03']);
    expect(calls[1]?.mentions).toHaveLength(2);
  });

  it('makes no event of what did not happen or is no event', () => {
    const a = analysed(
      'Naryshkin expressed a willingness to meet with Burns. Steele called Obama a liar. The senator called for calm. High-level contacts have been scarce.',
      '2023-07-13',
    );
    expect(a.events.map((e) => e.type)).toEqual(['appeal']);
  });

  it('dates a time in the reporting clause to the statement, not to the event reported', () => {
    const a = analysed('Naryshkin said on Tuesday that he spoke with Burns in late June.', '2023-07-13');
    const talks = a.events.find((e) => e.type === 'talks');
    expect(talks?.date).toEqual({ start: '2023-06-21', end: '2023-06-30', precision: 'day' });
    expect(eventNotes(a).get(talks?.key ?? '')?.reported?.start).toBe('2023-07-11');
  });

  it('does nothing on a document without tokens', () => {
    const a = analysed('x', '2023-07-13');
    const empty = { ...a, tokens: [], events: [] };
    eventsStage.run(empty, {});
    expect(empty.events).toEqual([]);
  });
});
