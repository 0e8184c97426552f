/** Exports: CSV that spreadsheets cannot be tricked by, Markdown that renders no markup, JSONL that parses. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCommand } from '../../src/cli/commands/export.js';
import { serveCommand } from '../../src/cli/commands/serve.js';
import { UsageError } from '../../src/cli/errors.js';
import { CSV_HEADER, csvCell, csvRow, eventCsvRows, exportChunks, exportFileName } from '../../src/export/index.js';
import { analyse } from '../../src/nlp/pipeline.js';
import { toDocument } from '../../src/ingest/document.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { type Fixture, XSS, callEvent, fixtureStore, otherEvent, withLinks } from './fixtures.js';

let fx: Fixture;
let dir: string;

beforeAll(async () => {
  fx = await fixtureStore();
  dir = mkdtempSync(join(tmpdir(), 'rashomon-export-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const c of chunks) out += c;
  return out;
}

/** A small RFC 4180 reader, to check the writer round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  return rows;
}

describe('CSV', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvCell('=1+2')).toBe("'=1+2");
    expect(csvCell('+33 1')).toBe("'+33 1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=cmd')).toBe("'\t=cmd");
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell(42)).toBe('42');
    expect(csvCell(null)).toBe('');
    expect(csvRow(['a', 1, null])).toBe('a,1,\r\n');
  });

  it('writes a row per piece of evidence that reads back exactly', () => {
    const event = callEvent('seed');
    const rows = parseCsv(eventCsvRows(event).join(''));
    expect(rows).toHaveLength(5);
    const conflict = rows.filter((r) => r[4] === 'conflict');
    expect(conflict.map((r) => r[8])).toEqual(['U.S. officials', 'Naryshkin']);
    expect(conflict[0]?.[7]).toBe('different main purpose: reassuring Moscow about the mutiny vs. discussing Ukraine');
    expect(conflict[1]?.[12]).toBe(event.points[1]?.evidence[1]?.text);
    expect(Number(conflict[1]?.[10])).toBe(event.points[1]?.evidence[1]?.start);
    const summit = parseCsv(eventCsvRows(otherEvent()).join(''));
    expect(summit[0]?.[1]).toBe(`'=HYPERLINK("http://x") <b>NATO</b> summit, "Vilnius"`);
    expect(summit[0]?.[6]).toBe(`'-2+3 leaders met`);
    expect(summit[0]?.slice(8)).toEqual(['', '', '', '', '']);
  });
});

describe('Markdown', () => {
  it('puts the accounts side by side, one column per source, and escapes document text', async () => {
    const store = withLinks(openSqliteStore(':memory:'), [callEvent('seed'), otherEvent()], []);
    const md = await collect(exportChunks(store, 'md'));
    expect(md.match(/^# /gm)).toHaveLength(2);
    expect(md).toContain('\n---\n');
    expect(md).toMatch(/\| Point \| Status \| (Naryshkin \| U\.S\. officials|U\.S\. officials \| Naryshkin) \|/);
    const conflictRow = md.split('\n').find((l) => l.startsWith('| The main purpose of the call |'));
    expect(conflictRow?.split(' | ')).toHaveLength(4);
    expect(md).toContain('different main purpose: reassuring Moscow about the mutiny vs. discussing Ukraine');
    expect(md).not.toContain('<b>NATO</b>');
    expect(md).toContain('\\<b\\>NATO\\</b\\>');
  });
});

describe('exportChunks', () => {
  it('exports documents as JSONL when the store has no events', async () => {
    const store = openSqliteStore(':memory:');
    await store.putDocuments([analyse(toDocument(XSS))]);
    const lines = (await collect(exportChunks(store, 'jsonl'))).trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toMatchObject({ doc: { id: 'xss-doc', text: XSS.text } });
    expect(await collect(exportChunks(store, 'csv'))).toBe(csvRow(CSV_HEADER));
    expect(await collect(exportChunks(store, 'md'))).toContain('No events in the store yet.');
  });

  it('exports one event or all, with document titles in the report', async () => {
    const one = (await collect(exportChunks(fx.store, 'jsonl', { event: 'ev-call' }))).trim().split('\n');
    expect(one.map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['ev-call']);
    const md = await collect(exportChunks(fx.store, 'md'));
    expect(md).toContain('CIA chief called Russian spy boss');
    expect(md.match(/^# /gm)).toHaveLength(2);
  });

  it('names files safely', () => {
    expect(exportFileName('csv')).toBe('rashomon-events.csv');
    expect(exportFileName('md', { event: '../../etc/"x"' })).toBe('rashomon-event-_etc_x_.md');
  });
});

describe('rashomon export and serve (commands)', () => {
  it('writes the export to --out and refuses an unknown event or format', async () => {
    const db = join(dir, 'cli.db');
    const store = openSqliteStore(db);
    await store.putDocuments([analyse(toDocument(XSS))]);
    await store.close();
    const out = join(dir, 'out.jsonl');
    expect(await exportCommand.run(['--format', 'jsonl', '--db', db, '--out', out])).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8').trim())).toMatchObject({ doc: { id: 'xss-doc' } });
    expect(await exportCommand.run(['--format', 'csv', '--db', db, '--event', 'nope', '--out', join(dir, 'x.csv')])).toBe(1);
    await expect(exportCommand.run(['--format', 'xls', '--db', db])).rejects.toThrow(/--format: expected one of jsonl, csv, md/);
    await expect(exportCommand.run(['--db', db])).rejects.toBeInstanceOf(UsageError);
    await expect(exportCommand.run(['--format', 'csv', '--db', db, '--out', join(dir, 'no', 'such', 'dir.csv')])).rejects.toThrow(/ENOENT/);
  });

  it('serve refuses a public host without a token as a usage error', async () => {
    const saved = process.env['RASHOMON_TOKEN'];
    delete process.env['RASHOMON_TOKEN'];
    try {
      await expect(serveCommand.run(['--host', '0.0.0.0', '--port', '0', '--db', join(dir, 'serve.db')])).rejects.toThrow(UsageError);
      await expect(serveCommand.run(['--port', 'eighty'])).rejects.toThrow(/--port/);
    } finally {
      if (saved !== undefined) process.env['RASHOMON_TOKEN'] = saved;
    }
  });
});
