import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { CRASH_BATCH, CRASH_DOCUMENTS, crashCorpus } from './crash-corpus.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const viteNode = join(repo, 'node_modules', 'vite-node', 'vite-node.mjs');
const dir = mkdtempSync(join(tmpdir(), 'rashomon-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the writer and SIGKILLs it as soon as it starts writing batch `killAt`; resolves with its output. */
function writeAndKill(db: string, killAt: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [viteNode, join(repo, 'test/store/crash-writer.ts')], {
      cwd: repo,
      env: { ...process.env, RASHOMON_DB: db },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(`writing ${killAt}\n`)) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(out);
      else reject(new Error(`writer exited with ${code} before it was killed:\n${out}\n${err}`));
    });
  });
}

it('a writer killed inside a transaction leaves whole batches only, and a rerun completes the store', async () => {
  expect(existsSync(viteNode)).toBe(true);
  const db = join(dir, 'crash.db');
  const out = await writeAndKill(db, 2);
  expect(out).toContain('committed 1\n');

  const store = openSqliteStore(db);
  expect(await store.integrityCheck()).toEqual([]);
  const { total, items } = await store.listDocuments({ limit: CRASH_DOCUMENTS, offset: 0 });
  // Batches 0 and 1 committed; batch 2 was being written (it may just have finished), never half of it.
  expect([2 * CRASH_BATCH, 3 * CRASH_BATCH]).toContain(total);
  for (const summary of items) expect(summary.sentenceCount).toBeGreaterThan(0);

  const results = await store.putDocuments(crashCorpus());
  expect(results.filter((r) => r.status === 'unchanged')).toHaveLength(total);
  expect(results.filter((r) => r.status === 'added')).toHaveLength(CRASH_DOCUMENTS - total);
  const after = await store.listDocuments({ limit: CRASH_DOCUMENTS + 1, offset: 0 });
  expect(after.total).toBe(CRASH_DOCUMENTS);
  expect(new Set(after.items.map((d) => d.id)).size).toBe(CRASH_DOCUMENTS);
  expect((await store.stats()).sentences).toBe(crashCorpus().reduce((n, a) => n + a.sentences.length, 0));
  expect(await store.integrityCheck()).toEqual([]);
  await store.close();
}, 60_000);
