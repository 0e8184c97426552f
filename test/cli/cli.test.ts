import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';

const BASIL = new URL('../../../shared/data/basil-dev/articles.jsonl', import.meta.url);
const SEED = new URL('../../examples/naryshkin-burns-2023-07-13.txt', import.meta.url);
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rashomon-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rashomon CLI', () => {
  it('prints usage with examples and exits 2 on a usage error', () => {
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('rashomon ingest examples/');
    const ingestHelp = cli(['ingest', '--help']);
    expect(ingestHelp.stdout).toContain('Examples:');
    expect(cli(['frobnicate']).code).toBe(2);
    expect(cli(['ingest']).code).toBe(2);
    const bad = cli(['docs', '--limit', 'many', '--db', join(dir, 'x.db')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--limit');
  });

  it('ingests a folder with one binary file and one bad JSONL line, lists both failures, exits 1', () => {
    const folder = join(dir, 'mixed');
    mkdirSync(folder);
    writeFileSync(join(folder, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 2, 3, 0, 0]));
    writeFileSync(
      join(folder, 'records.jsonl'),
      '{"id":"r1","text":"The ministers met in Geneva on Monday."}\n{"id":"r2","text":7}\n{"id":"r3","text":"They agreed to meet again."}\n',
    );
    copyFileSync(SEED, join(folder, 'seed.txt'));
    const db = join(dir, 'mixed.db');
    const r = cli(['ingest', folder, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${join(folder, 'photo.jpg')}: binary file`);
    expect(r.stderr).toContain(`${join(folder, 'records.jsonl')}:2:`);
    expect(r.stdout).toMatch(/^3 documents: 3 added, 0 updated, 0 unchanged; 2 failed/);
    const docs = JSON.parse(cli(['docs', '--db', db, '--json']).stdout) as { total: number; items: Array<{ id: string }> };
    expect(docs.total).toBe(3);
    expect(docs.items.map((d) => d.id).sort()).toEqual(expect.arrayContaining(['r1', 'r3']));
  });

  it('reads JSONL from stdin with -', () => {
    const db = join(dir, 'stdin.db');
    const r = cli(['ingest', '-', '--db', db, '--json'], { input: '{"id":"s1","text":"Talks resumed in Vienna."}\n' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ added: 1, failed: [] });
  });

  it('searches, shows and counts what was ingested', () => {
    const db = join(dir, 'seed.db');
    expect(cli(['ingest', SEED.pathname, '--db', db]).code).toBe(0);
    const search = JSON.parse(cli(['search', 'pretext', '--db', db, '--json']).stdout) as {
      hits: Array<{ docId: string; snippet: string; sentenceStart: number; sentenceEnd: number }>;
    };
    expect(search.hits).toHaveLength(1);
    const hit = search.hits[0]!;
    expect(hit.snippet).toContain('⟦pretext⟧');
    const text = readFileSync(SEED, 'utf8');
    expect(text.slice(hit.sentenceStart, hit.sentenceEnd)).toMatch(/^Contrary to this, Naryshkin claimed/);
    const shown = JSON.parse(cli(['show', hit.docId.slice(0, 6), '--db', db, '--json']).stdout) as {
      doc: { text: string; date: string };
    };
    expect(shown.doc.text).toBe(text);
    expect(shown.doc.date).toBe('2023-07-13');
    const plainSearch = cli(['search', 'pretext', '--db', db]);
    expect(plainSearch.stdout).toContain('[pretext]');
    const stats = JSON.parse(cli(['stats', '--db', db, '--json']).stdout) as { documents: number; sentences: number };
    expect(stats.documents).toBe(1);
    expect(stats.sentences).toBeGreaterThan(20);
    // The store names the document's main event, as `compare` does.
    const compared = JSON.parse(cli(['compare', SEED.pathname, '--json']).stdout) as { documents: Array<{ main_event: string | null }> };
    const main = compared.documents[0]?.main_event;
    expect(main).toMatch(/^ev/);
    const event = JSON.parse(cli(['event', main as string, '--db', db, '--json']).stdout) as { documents: Array<{ id: string; main_event: string | null }> };
    expect(event.documents).toEqual([expect.objectContaining({ id: hit.docId, main_event: main })]);
  });

  it.skipIf(!existsSyncSafe(BASIL))('ingests BASIL dev: 150 added, then 150 unchanged', () => {
    const db = join(dir, 'basil.db');
    const first = cli(['ingest', BASIL.pathname, '--db', db]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^150 documents: 150 added, 0 updated, 0 unchanged; 0 failed/);
    const second = cli(['ingest', BASIL.pathname, '--db', db]);
    expect(second.stdout).toMatch(/^150 documents: 0 added, 0 updated, 150 unchanged; 0 failed/);
  });
});

function existsSyncSafe(url: URL): boolean {
  try {
    readFileSync(url, { flag: 'r' }).subarray(0, 1);
    return true;
  } catch {
    console.warn(`skipped: ${url.pathname} is absent (research data lives in ../shared/data)`);
    return false;
  }
}
