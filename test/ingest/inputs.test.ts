import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countInputs, listFiles } from '../../src/ingest/inputs.js';
import { collect, fixture, recordOf, tempDir } from './helpers.js';

const temp = tempDir();
afterAll(temp.remove);
const at = (...parts: string[]): string => join(temp.dir, ...parts);

/** A folder with one of every kind of input, good and bad. */
beforeAll(() => {
  mkdirSync(at('corpus', 'feeds'), { recursive: true });
  mkdirSync(at('corpus', '.git'));
  writeFileSync(at('corpus', '.git', 'HEAD.txt'), 'ref: refs/heads/main\n');
  writeFileSync(at('corpus', '.notes.txt'), 'A hidden note.\n');
  writeFileSync(at('corpus', 'a-plain.txt'), 'date 2024-03-14\nBridge closes\n\nThe council voted to close the bridge.\n');
  // A .txt that is really an HTML page: content wins over the extension.
  copyFileSync(fixture('harbour-talks.html'), at('corpus', 'b-saved-page.txt'));
  writeFileSync(at('corpus', 'c-binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  writeFileSync(at('corpus', 'd-empty.txt'), '');
  writeFileSync(at('corpus', 'e-blank.jsonl'), '\n  \n\n');
  writeFileSync(at('corpus', 'f-records.jsonl'), '{"id":"j1","text":"First."}\n{"id":"j2","text":\n{"id":"j3","text":"Third."}\n');
  writeFileSync(at('corpus', 'g-utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('The port reopened — at last.\n', 'utf16le')]));
  writeFileSync(at('corpus', 'h-cp1252.txt'), Buffer.from([...Buffer.from('The mayor said: '), 0x93, ...Buffer.from('No comment.'), 0x94, 0x0a]));
  writeFileSync(at('corpus', 'i-bad-utf8.txt'), Buffer.from([...Buffer.from('Text then '), 0xc3, 0x28, 0x01, ...Buffer.from(' and more text after the bad bytes.\n')]));
  copyFileSync(fixture('wire.rss'), at('corpus', 'feeds', 'wire.xml'));
  copyFileSync(fixture('malformed.rss'), at('corpus', 'feeds', 'broken.rss'));
});

describe('readInputs over a folder', () => {
  it('lists files recursively in sorted order, skipping dotfiles and dot-folders', async () => {
    const corpus = at('corpus');
    expect(await listFiles([corpus, at('missing.txt'), '-'])).toEqual([
      ...[
        'a-plain.txt', 'b-saved-page.txt', 'c-binary.txt', 'd-empty.txt', 'e-blank.jsonl', 'f-records.jsonl',
        'feeds/broken.rss', 'feeds/wire.xml', 'g-utf16.txt', 'h-cp1252.txt', 'i-bad-utf8.txt',
      ].map((name) => ({ kind: 'file', path: join(corpus, name) })),
      { kind: 'error', path: at('missing.txt'), reason: 'no such file or directory' },
      { kind: 'stdin' },
    ]);
  });

  it('reads every good input and reports every bad one with its path and reason', async () => {
    const c = (name: string): string => at('corpus', name);
    const results = await collect([at('corpus')]);
    const summary = results.map((r) =>
      r.ok ? { path: r.record.path, warnings: r.record.warnings?.map((w) => w.code) ?? [] } : { path: r.path, line: r.line, reason: r.reason },
    );
    expect(summary).toEqual([
      { path: c('a-plain.txt'), warnings: [] },
      { path: c('b-saved-page.txt'), warnings: [] },
      { path: c('c-binary.txt'), line: undefined, reason: 'binary file' },
      { path: c('d-empty.txt'), line: undefined, reason: 'empty file' },
      { path: c('e-blank.jsonl'), line: undefined, reason: 'empty file' },
      { path: `${c('f-records.jsonl')}:1`, warnings: [] },
      { path: c('f-records.jsonl'), line: 2, reason: expect.stringMatching(/^invalid JSON: /) },
      { path: `${c('f-records.jsonl')}:3`, warnings: [] },
      {
        path: c('feeds/broken.rss'),
        line: undefined,
        reason: expect.stringMatching(/^malformed feed: Expected closing tag 'item'/),
      },
      { path: `${c('feeds/wire.xml')}#1`, warnings: [] },
      { path: `${c('feeds/wire.xml')}#2`, warnings: [] },
      { path: `${c('feeds/wire.xml')}#3`, warnings: ['bad-date'] },
      { path: `${c('feeds/wire.xml')}#4`, line: undefined, reason: 'feed item has no content or description' },
      { path: c('g-utf16.txt'), warnings: [] },
      { path: c('h-cp1252.txt'), warnings: ['decoded-as-windows-1252'] },
      { path: c('i-bad-utf8.txt'), line: undefined, reason: 'invalid UTF-8 (byte 0xC3 at offset 10) and not Windows-1252 text' },
    ]);
    const byPath = new Map(results.flatMap((r) => (r.ok ? [[r.record.path, r.record] as const] : [])));
    expect(byPath.get(c('a-plain.txt'))).toMatchObject({ date: '2024-03-14', title: 'Bridge closes', bodyStart: 16 });
    expect(byPath.get(c('b-saved-page.txt'))).toMatchObject({ title: 'Harbour talks end without deal', date: '2024-03-14' });
    expect(byPath.get(c('g-utf16.txt'))?.text).toBe('The port reopened — at last.\n');
    expect(byPath.get(c('h-cp1252.txt'))?.text).toBe('The mayor said: “No comment.”\n');
  });

  it('counts the results a run will yield, for the progress total', async () => {
    const results = await collect([at('corpus'), at('missing.txt')]);
    expect(await countInputs([at('corpus'), at('missing.txt')])).toBe(results.length);
    expect(await countInputs(['-'])).toBe(0);
  });

  it('accepts several paths, reports a missing one and goes on', async () => {
    const results = await collect([at('missing.txt'), at('corpus', 'a-plain.txt'), fixture('bad-date-header.txt')]);
    expect(results[0]).toEqual({ ok: false, path: at('missing.txt'), reason: 'no such file or directory' });
    expect(recordOf(results[1]).path).toBe(at('corpus', 'a-plain.txt'));
    expect(recordOf(results[2]).warnings?.[0]?.code).toBe('bad-date-header');
    expect(results).toHaveLength(3);
  });

  it('reads a dotfile named explicitly and survives a symlink loop', async () => {
    mkdirSync(at('loop', 'inner'), { recursive: true });
    writeFileSync(at('loop', 'inner', 'note.txt'), 'A note about the harbour.\n');
    symlinkSync(at('loop'), at('loop', 'inner', 'back'));
    expect(await listFiles([at('loop')])).toEqual([{ kind: 'file', path: at('loop', 'inner', 'note.txt') }]);
    expect(recordOf((await collect([at('corpus', '.notes.txt')]))[0]).text).toBe('A hidden note.\n');
  });
});

describe('large inputs', () => {
  it('reads a 50 MB text file as one record', async () => {
    const path = at('big.txt');
    const paragraph = 'The ferry operator said services would resume on Monday, officials confirmed.\n\n';
    const text = `date 2024-03-14 ${paragraph.repeat(Math.ceil((50 * 1024 * 1024) / paragraph.length))}`;
    writeFileSync(path, text);
    const results = await collect([path]);
    expect(results).toHaveLength(1);
    const record = recordOf(results[0]);
    expect(record.text.length).toBe(text.length);
    expect(record.text.length).toBeGreaterThan(50 * 1024 * 1024);
    expect(record).toMatchObject({ date: '2024-03-14', bodyStart: 16 });
    expect(record.title).toBeUndefined();
  }, 20_000);
});
