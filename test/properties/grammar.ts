/**
 * fast-check arbitraries for news-like documents: sentences from a small grammar of names, titles,
 * cues, quotes (straight, curly, guillemets, unbalanced) and dates, with random Unicode noise
 * (astral characters, combining marks, zero-width and bidi controls, odd whitespace) mixed in.
 */
import fc from 'fast-check';
import type { SourceRecord } from '../../src/model/document.js';

const PEOPLE = [
  'Sergei Lavrov', 'Antony Blinken', 'William Burns', 'Sergei Naryshkin', 'Olena Kovalenko', 'Xi Jinping',
  'Emmanuel Macron', 'Maria Zakharova', 'Jake Sullivan', 'Recep Tayyip Erdogan', 'Ana Silva', 'Kenji Sato',
];
const TITLES = ['Foreign Minister', 'CIA Director', 'President', 'spokeswoman', 'national security adviser', 'the envoy', ''];
const GROUPS = ['the Kremlin', 'the White House', 'U.S. officials', 'the Foreign Ministry', 'NATO', 'Ukraine', 'Beijing', 'a senior diplomat'];
const PLACES = ['Geneva', 'Moscow', 'Washington', 'Kyiv', 'Istanbul', 'Vilnius', 'Beijing'];
const CUES = ['said', 'told reporters', 'claimed', 'insisted', 'denied', 'confirmed', 'warned', 'added', 'stated'];
const EVENTS = ['met with', 'spoke by phone with', 'held talks with', 'visited', 'called'];
const TOPICS = ['the war in Ukraine', 'grain exports', 'nuclear arms control', 'a prisoner exchange', 'sanctions', 'the mutiny'];
const DATES = ['on Monday', 'last week', 'on July 13, 2023', 'in March', 'yesterday', 'on 2023-06-24', 'earlier this month', 'two days later'];
const QUOTES: ReadonlyArray<[string, string]> = [['"', '"'], ['\u201c', '\u201d'], ['\u00ab', '\u00bb'], ['\u2018', '\u2019'], ['"', ''], ['', '\u201d']];

const speaker = fc.oneof(
  fc.tuple(fc.constantFrom(...TITLES), fc.constantFrom(...PEOPLE)).map(([t, p]) => (t ? `${t} ${p}` : p)),
  fc.constantFrom(...GROUPS),
);
const clause = fc
  .tuple(fc.constantFrom(...PEOPLE, ...GROUPS), fc.constantFrom(...EVENTS), fc.constantFrom(...PEOPLE, ...PLACES), fc.constantFrom(...DATES), fc.constantFrom(...TOPICS))
  .map(([a, verb, b, when, topic]) => `${a} ${verb} ${b} ${when} to discuss ${topic}`);

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** One sentence of a news report. */
export const sentence: fc.Arbitrary<string> = fc.oneof(
  // X said that ...
  fc.tuple(speaker, fc.constantFrom(...CUES), clause).map(([s, cue, c]) => `${capitalise(s)} ${cue} that ${c}.`),
  // "...," X said.
  fc.tuple(fc.constantFrom(...QUOTES), clause, speaker, fc.constantFrom(...CUES)).map(([[open, close], c, s, cue]) => `${open}${capitalise(c)},${close} ${s} ${cue}.`),
  // According to X, ...
  fc.tuple(speaker, clause).map(([s, c]) => `According to ${s}, ${c}.`),
  // Narration with a date.
  clause.map((c) => `${capitalise(c)}.`),
  // X said: "..." (the quote may never close).
  fc.tuple(speaker, fc.constantFrom(...CUES), fc.constantFrom(...QUOTES), clause).map(([s, cue, [open, close], c]) => `${capitalise(s)} ${cue}: ${open}${capitalise(c)}.${close}`),
);

/** Characters that break naive offset arithmetic or tokenisers. */
const NOISE_CHARS = [
  '\u200b', '\u200d', '\u202e', '\u202c', '\ufeff', '\u0301', '\u0335', '\u00a0', '\u2028', '\u2029', '\t', '\r\n',
  '\ud83d\ude00', '\ud83d\udc4d\ud83c\udffd', '\ud835\udc00', '\ud83c\uddfa\ud83c\uddf8', '\u00e9', 'e\u0301', '\u4e2d\u6587', '\u0416', '\u2026', '\u2014',
];

/** A run of random Unicode: listed troublemakers or any code point (full Unicode, so surrogate pairs too). */
export const noise: fc.Arbitrary<string> = fc.oneof(
  fc.array(fc.constantFrom(...NOISE_CHARS), { minLength: 1, maxLength: 4 }).map((xs) => xs.join('')),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }),
);

/** Sentences in paragraphs, with noise between and inside sentences. */
export const newsText: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(sentence, fc.option(noise, { freq: 3 }), fc.constantFrom(' ', ' ', ' ', '\n\n', '\n'), fc.option(fc.nat(), { freq: 4 })),
    { minLength: 1, maxLength: 7 },
  )
  .map((parts) =>
    parts
      .map(([s, extra, gap, at]) => {
        if (extra === null) return s + gap;
        // Noise goes between sentences, or at a random place inside one.
        const i = at === null ? s.length : at % (s.length + 1);
        return s.slice(0, i) + extra + s.slice(i) + gap;
      })
      .join(''),
  );

/** A record as a reader would give it: text, maybe a date and publisher and source. */
export const newsRecord: fc.Arbitrary<SourceRecord> = fc
  .record(
    {
      text: newsText,
      date: fc.constantFrom('2023-06-30', '2023-07-13', '2024-01-05'),
      publisher: fc.constantFrom('Wire', 'The Daily Ledger', 'TASS', 'The White House'),
      source: fc.constantFrom('Russia', 'United States', 'Ukraine'),
    },
    { requiredKeys: ['text'] },
  )
  .map((r) => r as SourceRecord);
