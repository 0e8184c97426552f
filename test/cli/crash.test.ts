/**
 * Crash safety end to end: SIGKILL a real `rashomon ingest` mid-way, run it again, and the store is
 * sound with every document exactly once.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { articles } from '../../bench/corpus.js';
import { cli, cliAsync } from './run-cli.js';

const DOCS = 300;
const dir = mkdtempSync(join(tmpdir(), 'rashomon-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function countDocuments(db: string): number {
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (conn.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    } finally {
      conn.close();
    }
  } catch {
    return 0;
  }
}

describe('ingest killed mid-way', () => {
  it('leaves a sound store, and a rerun completes it with every document once', async () => {
    const corpus = join(dir, 'corpus.jsonl');
    writeFileSync(corpus, [...articles(DOCS, 11)].map((a) => JSON.stringify(a)).join('\n'));
    const db = join(dir, 'crash.db');
    const child = cliAsync(['ingest', corpus, '--db', db, '--batch', '10']);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    let seen = 0;
    for (let i = 0; i < 1200 && seen < 40; i++) {
      await new Promise((r) => setTimeout(r, 25));
      seen = countDocuments(db);
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const partial = countDocuments(db);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(DOCS);

    const again = cli(['ingest', corpus, '--db', db, '--json']);
    expect(again.code).toBe(0);
    const report = JSON.parse(again.stdout) as { added: number; unchanged: number };
    expect(report.added + report.unchanged).toBe(DOCS);
    expect(report.unchanged).toBeGreaterThanOrEqual(partial);

    const conn = new Database(db, { readonly: true });
    try {
      expect(conn.prepare('PRAGMA integrity_check').pluck().all()).toEqual(['ok']);
      expect(conn.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(DOCS);
      expect(conn.prepare('SELECT count(DISTINCT content_hash) FROM documents').pluck().get()).toBe(DOCS);
      // No partial document: every document has all its sentences.
      const short = conn
        .prepare('SELECT count(*) FROM documents d WHERE d.sentence_count != (SELECT count(*) FROM sentences s WHERE s.doc_id = d.id)')
        .pluck()
        .get();
      expect(short).toBe(0);
    } finally {
      conn.close();
    }
  }, 120_000);
});
