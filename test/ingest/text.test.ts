import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDateHeader, readText, titleOf } from '../../src/ingest/text.js';
import { collect, fixture, recordOf } from './helpers.js';

const seedPath = new URL('../../examples/naryshkin-burns-2023-07-13.txt', import.meta.url);

describe('text reader', () => {
  it('reads the seed article: header and body on one line, date set, offsets into the whole file', async () => {
    const raw = readFileSync(seedPath, 'utf8');
    const [result, ...rest] = await collect([seedPath.pathname]);
    expect(rest).toEqual([]);
    const record = recordOf(result);
    expect(record.text).toBe(raw);
    expect(record.date).toBe('2023-07-13');
    expect(record.bodyStart).toBe(raw.indexOf('Head of Russia’s'));
    expect(record.text.slice(record.bodyStart)).toMatch(/^Head of Russia’s Foreign Intelligence Service, Sergei Naryshkin,/);
    // The first paragraph is a long sentence, not a headline.
    expect(record.title).toBeUndefined();
    expect(record.warnings).toBeUndefined();
    expect(record.path).toBe(seedPath.pathname);
  });

  it('reads a header on its own line and a headline after it', () => {
    const text = 'date 2024-01-05\nBridge to close for repairs\n\nThe council voted on Monday to close the bridge.\n';
    const result = readText(text, 'bridge.txt');
    expect(recordOf(result)).toEqual({
      text,
      path: 'bridge.txt',
      date: '2024-01-05',
      bodyStart: text.indexOf('Bridge'),
      title: 'Bridge to close for repairs',
    });
  });

  it('ingests a file with an impossible header date, without a date and with a warning', async () => {
    const record = recordOf((await collect([fixture('bad-date-header.txt')]))[0]);
    expect(record.text).toBe(' date 2023-13-45 The council met on Monday.\n\nIt voted to close the bridge.\n');
    expect(record.date).toBeUndefined();
    expect(record.bodyStart).toBe(record.text.indexOf('The council'));
    expect(record.warnings).toEqual([
      { code: 'bad-date-header', stage: 'ingest', message: 'date header ignored: month 13 does not exist', start: 6, end: 16 },
    ]);
    const { start, end } = record.warnings?.[0] ?? {};
    expect(record.text.slice(start, end)).toBe('2023-13-45');
  });

  it.each([
    ['date 0000-00-00 Body.', 'date header ignored: year 0000 does not exist'],
    ['date 2023-02-29 Body.', 'date header ignored: day 29 does not exist in 2023-02'],
    ['date 2999-01-01 Body.', 'date header ignored: 2999-01-01 is in the future (after '],
    ['date 13/07/2023 Body.', 'date header ignored: "13/07/2023" is not in YYYY-MM-DD form'],
  ])('drops the header date in %j with a warning saying why', (text, message) => {
    const record = recordOf(readText(text, 'x.txt'));
    expect(record.date).toBeUndefined();
    expect(record.bodyStart).toBe(text.indexOf('Body'));
    expect(record.warnings?.map((w) => w.code)).toEqual(['bad-date-header']);
    expect(record.warnings?.[0]?.message.startsWith(message)).toBe(true);
  });

  it('accepts a leap day and tomorrow, and does not mistake prose for a header', () => {
    const now = new Date('2024-03-10T12:00:00Z');
    expect(readDateHeader('  date 2024-02-29\nBody', now)).toEqual({ date: '2024-02-29', bodyStart: 18 });
    expect(readDateHeader('date 2024-03-11 Body', now)).toEqual({ date: '2024-03-11', bodyStart: 16 });
    expect(readDateHeader('date 2024-03-12 Body', now)?.warning?.message).toBe(
      'date header ignored: 2024-03-12 is in the future (after 2024-03-11)',
    );
    expect(readDateHeader('Date palms grow along the river.')).toBeNull();
    const record = recordOf(readText('Dates of the talks were not given.\n\nMore text.', 'x.txt'));
    expect(record.bodyStart).toBeUndefined();
    expect(record.warnings).toBeUndefined();
  });

  it('takes a title only from a short first paragraph that does not end like a sentence', () => {
    expect(titleOf('\n  Is the war over?\n\nOfficials disagree.')).toBe('Is the war over?');
    expect(titleOf('Officials met on Monday.\n\nThey disagreed.')).toBeUndefined();
    expect(titleOf('What the minister said:\n\nNothing.')).toBeUndefined();
    // Hard-wrapped prose: the first line is not a paragraph of its own.
    expect(titleOf('Officials met on Monday and\nthey disagreed about the call.')).toBeUndefined();
    expect(titleOf('A headline with nothing after it\n')).toBeUndefined();
    expect(titleOf(`${'Long '.repeat(50)}\n\nBody.`)).toBeUndefined();
    expect(titleOf('2024\n\nBody.')).toBeUndefined();
  });
});
