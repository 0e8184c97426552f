import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toDocument } from '../../src/ingest/document.js';
import type { Token } from '../../src/model/document.js';
import type { DateValue } from '../../src/model/findings.js';
import { emptyAnalysis } from '../../src/nlp/pipeline.js';
import { durationDays } from '../../src/nlp/time/duration.js';
import { resolveTimes } from '../../src/nlp/time/resolve.js';
import { timeStage } from '../../src/nlp/time/stage.js';

const SEED = readFileSync(new URL('../../examples/naryshkin-burns-2023-07-13.txt', import.meta.url), 'utf8');

function value(start: string, end: string, precision: DateValue['precision']): DateValue {
  return { start, end, precision };
}

/** What a reader of the sentence sees: each expression's text and its calendar range. */
function times(text: string, date: string | null): Array<[string, DateValue]> {
  return resolveTimes(text, 0, date).map((t) => [t.text, t.value]);
}

describe('time stage on the seed article (published 2023-07-13)', () => {
  const bodyStart = SEED.indexOf('Head of');
  const a = emptyAnalysis(toDocument({ text: SEED, bodyStart, date: '2023-07-13' }));
  timeStage.run(a, {});

  it('finds exactly the three dates the article gives, resolved with the past bias', () => {
    expect(a.times.map((t) => [t.text, t.value, t.explicitYear])).toEqual([
      ['last month', value('2023-06-01', '2023-06-30', 'month'), false],
      ['February 2022', value('2022-02-01', '2022-02-28', 'month'), true],
      ['November', value('2022-11-01', '2022-11-30', 'month'), false],
    ]);
  });

  it('gives offsets into the whole file, each slicing exactly the expression', () => {
    for (const t of a.times) expect(SEED.slice(t.start, t.end)).toBe(t.text);
    expect(a.times.map((t) => [t.start, t.end])).toEqual([
      [SEED.indexOf('Kiev last month') + 'Kiev '.length, SEED.indexOf('Kiev last month') + 'Kiev last month'.length],
      [SEED.indexOf('in February 2022') + 'in '.length, SEED.indexOf('in February 2022') + 'in February 2022'.length],
      [SEED.indexOf('in November') + 'in '.length, SEED.indexOf('in November') + 'in November'.length],
    ]);
    expect(a.times.map((t) => t.start)).toEqual([2781, 3069, 3188]);
  });

  it('does not read the two-day summit, the header date or "the Cold War" as time expressions', () => {
    expect(a.times.some((t) => t.start < bodyStart)).toBe(false);
    expect(a.times.map((t) => t.text)).not.toContain('two-day');
    expect(a.warnings).toEqual([]);
  });
});

describe('resolveTimes: phrases in an article published Thursday 2023-07-13', () => {
  const cases: Array<[string, string, DateValue]> = [
    ['Talks were held in November.', 'November', value('2022-11-01', '2022-11-30', 'month')],
    ['It rained in June.', 'June', value('2023-06-01', '2023-06-30', 'month')],
    ['They met in July.', 'July', value('2023-07-01', '2023-07-31', 'month')],
    ['He spoke on Monday.', 'Monday', value('2023-07-10', '2023-07-10', 'day')],
    ['The ministry said Sunday that it agreed.', 'Sunday', value('2023-07-09', '2023-07-09', 'day')],
    ['She left last Thursday.', 'last Thursday', value('2023-07-06', '2023-07-06', 'day')],
    ['They meet next Monday.', 'next Monday', value('2023-07-17', '2023-07-17', 'day')],
    ['Burns traveled to Kiev last month.', 'last month', value('2023-06-01', '2023-06-30', 'month')],
    ['Prices rose last year.', 'last year', value('2022-01-01', '2022-12-31', 'year')],
    ['It happened yesterday.', 'yesterday', value('2023-07-12', '2023-07-12', 'day')],
    ['It happened last night.', 'last night', value('2023-07-12', '2023-07-12', 'day')],
    ['It happened today.', 'today', value('2023-07-13', '2023-07-13', 'day')],
    ['They met last week.', 'last week', value('2023-07-03', '2023-07-09', 'day')],
    ['They meet this week.', 'this week', value('2023-07-10', '2023-07-16', 'day')],
    ['They meet next week.', 'next week', value('2023-07-17', '2023-07-23', 'day')],
    ['It ended at the end of last month.', 'the end of last month', value('2023-06-21', '2023-06-30', 'day')],
    ['They met earlier this month.', 'earlier this month', value('2023-07-01', '2023-07-13', 'day')],
    ['They meet later this month.', 'later this month', value('2023-07-13', '2023-07-31', 'day')],
    ['It grew earlier this year.', 'earlier this year', value('2023-01-01', '2023-07-13', 'day')],
    ['Russia invaded in February 2022.', 'February 2022', value('2022-02-01', '2022-02-28', 'month')],
    ['Crimea was annexed in 2014.', '2014', value('2014-01-01', '2014-12-31', 'year')],
    ['The war has lasted since 2014.', '2014', value('2014-01-01', '2014-12-31', 'year')],
    ['It began in mid-2014.', 'mid-2014', value('2014-05-01', '2014-08-31', 'month')],
    ['Talks stalled late last year.', 'late last year', value('2022-09-01', '2022-12-31', 'month')],
    ['It opened in early June.', 'early June', value('2023-06-01', '2023-06-10', 'day')],
    ['It closed mid-June.', 'mid-June', value('2023-06-11', '2023-06-20', 'day')],
    ['It closed at the end of June.', 'the end of June', value('2023-06-21', '2023-06-30', 'day')],
    ['A deal is unlikely before the end of the year.', 'the end of the year', value('2023-09-01', '2023-12-31', 'month')],
    ['He resigned three days ago.', 'three days ago', value('2023-07-10', '2023-07-10', 'day')],
    ['He resigned two weeks ago.', 'two weeks ago', value('2023-06-26', '2023-07-02', 'day')],
    ['He resigned two years ago.', 'two years ago', value('2021-01-01', '2021-12-31', 'year')],
    ['Fighting grew in the past week.', 'past week', value('2023-07-06', '2023-07-13', 'day')],
    ['Shelling resumed over the weekend.', 'weekend', value('2023-07-08', '2023-07-09', 'day')],
    ['The vote is on July 20.', 'July 20', value('2022-07-20', '2022-07-20', 'day')],
    ['The vote was on Jan. 5.', 'Jan. 5', value('2023-01-05', '2023-01-05', 'day')],
    ['The vote was on 24 Feb.', '24 Feb', value('2023-02-24', '2023-02-24', 'day')],
    ['It happened last March.', 'last March', value('2023-03-01', '2023-03-31', 'month')],
    ['It will happen next March.', 'next March', value('2024-03-01', '2024-03-31', 'month')],
    ['Since May, talks have stalled.', 'May', value('2023-05-01', '2023-05-31', 'month')],
    ['He was arrested on March 3, 2022.', 'March 3, 2022', value('2022-03-03', '2022-03-03', 'day')],
    ['Talks ran from March 3 to March 5.', 'March 3 to March 5', value('2023-03-03', '2023-03-05', 'day')],
    ['The ceasefire held from November to January.', 'November to January', value('2022-11-01', '2023-01-31', 'month')],
    ['The report is dated 2023-07-01.', '2023-07-01', value('2023-07-01', '2023-07-01', 'day')],
  ];
  it.each(cases)('%s → %s', (sentence, text, expected) => {
    expect(times(sentence, '2023-07-13')).toEqual([[text, expected]]);
  });

  it('reads every listed month and year in a list or range', () => {
    expect(times('Elections were held between March and May.', '2023-07-13')).toEqual([
      ['March', value('2023-03-01', '2023-03-31', 'month')],
      ['May', value('2023-05-01', '2023-05-31', 'month')],
    ]);
    expect(times('Sanctions applied from 2014 to 2016.', '2023-07-13').map(([t]) => t)).toEqual(['2014', '2016']);
  });

  it('does not read a number after a month as a two-digit year', () => {
    expect(times('As of April, 35 million people had signed.', '2023-07-13')).toEqual([
      ['April', value('2023-04-01', '2023-04-30', 'month')],
    ]);
    expect(times('On March 15, 35 people died.', '2023-07-13')).toEqual([
      ['March 15', value('2023-03-15', '2023-03-15', 'day')],
    ]);
  });

  it('marks whether the year came from the text', () => {
    const [withYear, withoutYear] = resolveTimes('On Feb. 24, 2022, and in November, troops moved.', 0, '2023-07-13');
    expect(withYear?.explicitYear).toBe(true);
    expect(withoutYear?.explicitYear).toBe(false);
  });
});

describe('resolveTimes: the past bias around the publication day', () => {
  it('takes a Monday article\'s "Monday" as that day and "last Monday" as the week before', () => {
    expect(times('He spoke on Monday.', '2023-07-10')).toEqual([['Monday', value('2023-07-10', '2023-07-10', 'day')]]);
    expect(times('He spoke last Monday.', '2023-07-10')).toEqual([
      ['last Monday', value('2023-07-03', '2023-07-03', 'day')],
    ]);
  });

  it('crosses the year in a January article', () => {
    expect(times('Talks broke down in December.', '2023-01-05')).toEqual([
      ['December', value('2022-12-01', '2022-12-31', 'month')],
    ]);
    expect(times('Talks broke down last month.', '2023-01-05')).toEqual([
      ['last month', value('2022-12-01', '2022-12-31', 'month')],
    ]);
    expect(times('Talks broke down last week.', '2023-01-05')).toEqual([
      ['last week', value('2022-12-26', '2023-01-01', 'day')],
    ]);
  });
});

describe('resolveTimes: a clause in the future tense looks forward (published 2023-07-13)', () => {
  const cases: Array<[string, string, DateValue]> = [
    ['Officials will meet on Monday.', 'Monday', value('2023-07-17', '2023-07-17', 'day')],
    ['The senator is up for re-election in November.', 'November', value('2023-11-01', '2023-11-30', 'month')],
    ['Taxes will rise on Jan. 1.', 'Jan. 1', value('2024-01-01', '2024-01-01', 'day')],
    ['He said he will decide by June.', 'June', value('2024-06-01', '2024-06-30', 'month')],
    ['Sentencing has been set for July 11.', 'July 11', value('2023-07-11', '2023-07-11', 'day')],
    ['On January 1 taxes will go up.', 'January 1', value('2024-01-01', '2024-01-01', 'day')],
  ];
  it.each(cases)('%s → %s', (sentence, text, expected) => {
    expect(times(sentence, '2023-07-13')).toEqual([[text, expected]]);
  });

  it('keeps the past bias after the future clause has ended', () => {
    expect(times('“Prices will fall,” she told reporters on Monday.', '2023-07-13')).toEqual([
      ['Monday', value('2023-07-10', '2023-07-10', 'day')],
    ]);
    expect(times('He has not said what he will do, but the AP reported Tuesday that he was leaning.', '2023-07-13')).toEqual([
      ['Tuesday', value('2023-07-11', '2023-07-11', 'day')],
    ]);
    expect(times('Talks that will resume have stalled since May.', '2023-07-13')).toEqual([
      ['May', value('2023-05-01', '2023-05-31', 'month')],
    ]);
  });
});

describe('resolveTimes: what is not a date', () => {
  const notDates = [
    'Officials may meet again.',
    'May officials meet in person?',
    'Theresa May said the deal was done.',
    'Thousands joined the march on Washington.',
    'The second round was postponed.',
    'He tried a second time.',
    'Now the talks are over.',
    'Right now, nobody knows.',
    'The meeting starts at 3 pm.',
    'The Sunday Times reported the leak.',
    'Crowds marked Bloody Sunday in silence.',
    'Leaders gathered for a two-day summit.',
    'The ceasefire lasted for three days.',
    'A decision is due within two weeks.',
    'They had met the day before.',
    'He left the next day.',
    'Some 2,000 troops crossed.',
    'He won the 2014 election.',
    'In 2000 people were arrested.',
    'The vote was 5/4 against.',
    'They agreed to meet on a Monday.',
    'He told NBC’s “Today” show he was leaving.',
  ];
  it.each(notDates)('%s', (sentence) => {
    expect(times(sentence, '2023-07-13')).toEqual([]);
  });
});

describe('resolveTimes: a document with no publication date', () => {
  it('keeps only expressions that name their own year', () => {
    const text = 'Burns went to Kiev last month and on Monday, in June and yesterday; the summit of July 11, 2023 followed a war under way since 2014.';
    expect(times(text, null)).toEqual([
      ['July 11, 2023', value('2023-07-11', '2023-07-11', 'day')],
      ['2014', value('2014-01-01', '2014-12-31', 'year')],
    ]);
  });
});

describe('resolveTimes: offsets', () => {
  it('slices each expression exactly from the text and ignores everything before `from`', () => {
    const header = 'date 2023-07-13\nIn 2019 a header line.\n';
    const body = 'Officials said Monday that, in November, the talks of Feb. 24, 2022 (and last week’s) failed.\n\nSince 2014, “yesterday” mattered.';
    const text = header + body;
    const found = resolveTimes(text, header.length, '2023-07-13');
    expect(found.map((t) => t.text)).toEqual(['Monday', 'November', 'Feb. 24, 2022', 'last week', '2014', 'yesterday']);
    for (const t of found) {
      expect(text.slice(t.start, t.end)).toBe(t.text);
      expect(t.start).toBeGreaterThanOrEqual(header.length);
    }
  });

  it('finds each expression once in a long sentence with no break', () => {
    const filler = 'and the officials talked about grain exports '.repeat(30);
    const text = `In March ${filler} in April ${filler} on Monday ${filler}.`;
    expect(resolveTimes(text, 0, '2023-07-13').map((t) => t.text)).toEqual(['March', 'April', 'Monday']);
  });
});

describe('time stage', () => {
  function tokensOf(text: string, pos: Record<string, string>): Token[] {
    const tokens: Token[] = [];
    for (const m of text.matchAll(/\S+/g)) {
      const word = m[0].replace(/[.,]$/, '');
      tokens.push({ start: m.index, end: m.index + word.length, text: word, norm: word.toLowerCase(), lemma: word.toLowerCase(), pos: pos[word] ?? 'NOUN', sentence: 0 });
    }
    return tokens;
  }

  it('drops a month name that the POS tagger reads as a verb', () => {
    const text = 'Officials said that by May they would decide.';
    const asVerb = emptyAnalysis(toDocument({ text, date: '2023-07-13' }));
    asVerb.tokens = tokensOf(text, { May: 'AUX' });
    timeStage.run(asVerb, {});
    expect(asVerb.times).toEqual([]);
    const asNoun = emptyAnalysis(toDocument({ text, date: '2023-07-13' }));
    asNoun.tokens = tokensOf(text, { May: 'PROPN' });
    timeStage.run(asNoun, {});
    expect(asNoun.times.map((t) => [t.text, t.value])).toEqual([['May', value('2023-05-01', '2023-05-31', 'month')]]);
  });

  it('warns about an impossible document date and resolves only expressions with their own year', () => {
    const a = emptyAnalysis(toDocument({ text: 'Last month, and in March 2021, they met.', date: '2023-13-45' }));
    timeStage.run(a, {});
    expect(a.times.map((t) => t.text)).toEqual(['March 2021']);
    expect(a.warnings.map((w) => [w.code, w.stage])).toEqual([['time-bad-document-date', 'time']]);
  });
});

describe('durationDays', () => {
  it.each([
    ['the two-day summit', 2],
    ['a three-day visit', 3],
    ['a 48-hour ceasefire', 2],
    ['a 10-day trip', 10],
    ['a week-long tour', 7],
    ['a two-week truce', 14],
  ])('%s → %d days', (text, days) => {
    expect(durationDays(text)).toBe(days);
  });

  it.each(['a 10-year-old boy', 'for two days', 'last month', 'the summit'])('%s → null', (text) => {
    expect(durationDays(text)).toBeNull();
  });
});
