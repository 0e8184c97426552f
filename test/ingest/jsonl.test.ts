import { createReadStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { readJsonl, splitLines } from '../../src/ingest/jsonl.js';
import { collect, fixture, recordOf, tempDir } from './helpers.js';

const temp = tempDir();
afterAll(temp.remove);

async function all<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

describe('JSONL reader', () => {
  it('reads good lines and reports each bad one with its line number and reason', async () => {
    const path = fixture('mixed.jsonl');
    expect(await collect([path])).toEqual([
      {
        ok: true,
        record: {
          text: 'Negotiators left without a deal.',
          path: `${path}:1`,
          id: 'r1',
          title: 'Harbour talks end',
          publisher: 'The Coastal Ledger',
          date: '2024-03-14',
        },
      },
      { ok: false, path, line: 2, reason: expect.stringMatching(/^invalid JSON: .*position 143/) },
      { ok: false, path, line: 4, reason: 'text: expected a string, got a number' },
      { ok: false, path, line: 5, reason: 'id: expected a string, got a number' },
      { ok: false, path, line: 6, reason: 'text: required (a non-empty string)' },
      { ok: false, path, line: 7, reason: 'expected a JSON object, got an array' },
      {
        ok: true,
        record: {
          text: 'A record with an impossible date.',
          path: `${path}:8`,
          id: 'r4',
          warnings: [{ code: 'bad-date', stage: 'ingest', message: 'date ignored: day 30 does not exist in 2024-02' }],
        },
      },
      { ok: true, record: { text: 'Nulls and empty strings mean absent.', path: `${path}:10`, id: 'r5' } },
    ]);
  });

  it('normalises ISO date-times to the written calendar day and keeps ids exactly', async () => {
    const lines = [
      '{"id": " spaced id ", "date": "2024-03-15T23:30:00-05:00", "text": "A"}',
      '{"date": "2024-03-15 08:00", "text": "B", "title": "  Padded  "}',
      '{"date": "15 March 2024", "text": "C"}',
      '{"text": "   "}',
      '{"text": "D", "source": 3}',
    ];
    const results = await all(readJsonl(Readable.from([lines.join('\n')]), 'mem.jsonl'));
    expect(results).toEqual([
      { ok: true, record: { text: 'A', path: 'mem.jsonl:1', id: ' spaced id ', date: '2024-03-15' } },
      { ok: true, record: { text: 'B', path: 'mem.jsonl:2', title: 'Padded', date: '2024-03-15' } },
      {
        ok: true,
        record: {
          text: 'C',
          path: 'mem.jsonl:3',
          warnings: [{ code: 'bad-date', stage: 'ingest', message: 'date ignored: "15 March 2024" is not YYYY-MM-DD or an ISO date-time' }],
        },
      },
      { ok: false, path: 'mem.jsonl', line: 4, reason: 'text: must not be empty' },
      { ok: false, path: 'mem.jsonl', line: 5, reason: 'source: expected a string, got a number' },
    ]);
  });

  it('handles a BOM, CRLF line ends and an invalid UTF-8 line among good ones', async () => {
    const path = join(temp.dir, 'crlf.jsonl');
    const bad = Buffer.from([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]); // {"text":"\xff"}
    writeFileSync(path, Buffer.concat([Buffer.from('\uFEFF{"text": "one"}\r\n'), bad, Buffer.from('\r\n{"text": "three"}\r\n')]));
    expect(await collect([path])).toEqual([
      { ok: true, record: { text: 'one', path: `${path}:1` } },
      { ok: false, path, line: 2, reason: 'invalid UTF-8 (byte 0xFF at column 10)' },
      { ok: true, record: { text: 'three', path: `${path}:3` } },
    ]);
  });

  it('splits lines correctly however the bytes are chunked', async () => {
    const text = '{"text":"é one"}\n\n{"text":"two"}\n{"text":"three"}';
    const bytes = Buffer.from(text);
    for (const size of [1, 2, 3, 7, 64]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      const lines = (await all(splitLines(Readable.from(chunks)))).map((l) => Buffer.from(l as Uint8Array).toString());
      expect(lines).toEqual(['{"text":"é one"}', '', '{"text":"two"}', '{"text":"three"}']);
    }
  });

  it('reads a 20 MB line', async () => {
    const path = join(temp.dir, 'long.jsonl');
    const long = 'The delegation met again. '.repeat(800_000);
    writeFileSync(path, `{"id":"short","text":"x"}\n${JSON.stringify({ id: 'long', text: long })}\n{"id":"after","text":"y"}\n`);
    const results = await all(readJsonl(createReadStream(path, { highWaterMark: 64 * 1024 }), path));
    expect(results.map((r) => (r.ok ? r.record.id : r.reason))).toEqual(['short', 'long', 'after']);
    expect(recordOf(results[1]).text.length).toBe(long.length);
  });

  it('reads JSONL from stdin when the path is "-"', async () => {
    const stdin = Readable.from([Buffer.from('{"id":"s1","text":"From a pipe."}\n{"te'), Buffer.from('xt": 1}\n')]);
    expect(await collect(['-'], { stdin })).toEqual([
      { ok: true, record: { text: 'From a pipe.', path: '<stdin>:1', id: 's1' } },
      { ok: false, path: '<stdin>', line: 2, reason: 'text: expected a string, got a number' },
    ]);
  });
});

const basil = new URL('../../../shared/data/basil-dev/articles.jsonl', import.meta.url).pathname;
const basilPresent = existsSync(basil);
if (!basilPresent) console.warn(`skipping the BASIL reading test: ${basil} not found (research data is not in the repo)`);

describe.skipIf(!basilPresent)('JSONL reader on BASIL (research data, read in place)', () => {
  it('reads 150 records with the ids as given', async () => {
    const expected = readFileSync(basil, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => (JSON.parse(line) as { id: string }).id);
    const results = await collect([basil]);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results).toHaveLength(150);
    expect(results.map((r) => recordOf(r).id)).toEqual(expected);
    expect(recordOf(results[0])).toMatchObject({
      id: '2b95d2cf-e979-4f9c-ae27-9a5370934f23_1',
      title: 'Michael Steele Criticized for Afghanistan Comments',
      date: '2010-07-02',
      publisher: 'The New York Times',
      path: `${basil}:1`,
    });
  });
});
