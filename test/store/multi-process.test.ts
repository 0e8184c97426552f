/**
 * Processes against one PostgreSQL database, killed mid-way. Two `rashomon ingest` processes (the
 * built CLI) write overlapping corpora at once; one is SIGKILLed after it has committed some of its
 * documents and run again: afterwards the store holds every document exactly once, passes its
 * integrity check, and every document is linked. And a writer killed inside a transaction leaves
 * whole batches only, as on SQLite (crash.test.ts).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { articles } from '../../bench/corpus.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import { CRASH_BATCH, CRASH_DOCUMENTS, crashCorpus } from './crash-corpus.js';
import { createTestDatabase, unavailable } from './pg-server.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(repo, 'dist/src/cli/main.js');
const viteNode = join(repo, 'node_modules', 'vite-node', 'vite-node.mjs');

const DOCUMENTS = 300;
/** Process one ingests articles [0, 200), process two [100, 300): a hundred in common. */
const SPLIT = { one: [0, 200], two: [100, 300] } as const;

const reason = await unavailable();
if (reason !== null) {
  it.skip(`two ingest processes on PostgreSQL (skipped: ${reason})`, () => undefined);
} else {
  const dir = mkdtempSync(join(tmpdir(), 'rashomon-multi-'));
  const db = await createTestDatabase('multi');
  afterAll(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every document exactly once, whole and linked, when one of two ingest processes is killed and run again', async () => {
    expect(existsSync(cli), `${cli} is missing: run npm run build first`).toBe(true);
    const corpus = [...articles(DOCUMENTS, 11)];
    const files = { one: join(dir, 'one.jsonl'), two: join(dir, 'two.jsonl') };
    for (const name of ['one', 'two'] as const) {
      const [from, to] = SPLIT[name];
      writeFileSync(files[name], corpus.slice(from, to).map((a) => JSON.stringify(a)).join('\n'));
    }
    const ingest = (file: string) =>
      run(spawn(process.execPath, [cli, 'ingest', file, '--db', db.url, '--batch', '16', '--workers', '1', '--json'], {
        cwd: repo,
        stdio: ['ignore', 'pipe', 'pipe'],
      }));

    const one = ingest(files.one);
    const two = ingest(files.two);
    // Kill process two once it has committed documents only it ingests (so mid-way, never before its first batch).
    const onlyTwo = corpus.slice(SPLIT.one[1]).map((a) => a.id);
    await until(async () => {
      const [row] = await db
        .sql<{ n: number }>('SELECT count(*)::int AS n FROM documents WHERE id = ANY($1)', [onlyTwo])
        // The table appears once the first process has migrated the fresh database.
        .catch((error: { code?: string }) => (error.code === '42P01' ? [] : Promise.reject(error)));
      return (row?.n ?? 0) >= 16;
    }, two);
    two.child.kill('SIGKILL');
    expect(await two.done).toEqual({ code: null, signal: 'SIGKILL', report: null });
    const killedAt = (await db.sql<{ n: number }>('SELECT count(*)::int AS n FROM documents WHERE id = ANY($1)', [onlyTwo]))[0]?.n ?? 0;
    expect(killedAt).toBeLessThan(onlyTwo.length);

    const first = await one.done;
    expect(first).toMatchObject({ code: 0, report: { failed: [] } });
    const again = await ingest(files.two).done;
    expect(again).toMatchObject({ code: 0, report: { failed: [] } });
    // The rerun finds what was stored before the kill (and what process one stored) unchanged.
    expect((again.report?.added ?? 0) + (again.report?.unchanged ?? 0)).toBe(200);
    expect(again.report?.added).toBeGreaterThan(0);

    const store = await openPostgresStore(db.url);
    try {
      const listed = await store.listDocuments({ limit: DOCUMENTS + 10, offset: 0 });
      expect(listed.total).toBe(DOCUMENTS);
      expect(listed.items.map((d) => d.id).sort()).toEqual(corpus.map((a) => a.id).sort());
      expect(await store.integrityCheck()).toEqual([]);
      expect(await store.unlinkedDocuments(DOCUMENTS)).toEqual([]);
      const stats = await store.stats();
      expect(stats).toMatchObject({ documents: DOCUMENTS, analysed: DOCUMENTS });
      expect(stats.sentences).toBe(listed.items.reduce((n, d) => n + d.sentenceCount, 0));
      // Linked means linked through: every document with entities has its entity links, and every
      // document is in some event.
      const [unlinkedEntities] = await db.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM documents d WHERE EXISTS (SELECT 1 FROM findings f WHERE f.doc_id = d.id AND f.kind = 'entity')
           AND NOT EXISTS (SELECT 1 FROM document_entities de WHERE de.doc_id = d.id)`,
      );
      expect(unlinkedEntities?.n).toBe(0);
      const [withoutEvent] = await db.sql<{ n: number }>(
        'SELECT count(*)::int AS n FROM documents d WHERE NOT EXISTS (SELECT 1 FROM event_documents e WHERE e.doc_id = d.id)',
      );
      expect(withoutEvent?.n).toBe(0);
      const events = await store.listEvents({ limit: 5, offset: 0 });
      expect(events.total).toBeGreaterThan(50);
    } finally {
      await store.close();
    }
  }, 600_000);

  it('a writer killed inside a transaction leaves whole batches only, and a rerun completes the store', async () => {
    const url = await db.freshSchema();
    const writer = run(
      spawn(process.execPath, [viteNode, join(repo, 'test/store/crash-writer.ts')], {
        cwd: repo,
        env: { ...process.env, RASHOMON_DB: url },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    let out = '';
    writer.child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('writing 2\n')) writer.child.kill('SIGKILL');
    });
    expect(await writer.done).toMatchObject({ signal: 'SIGKILL' });
    expect(out).toContain('committed 1\n');

    const store = await openPostgresStore(url);
    try {
      expect(await store.integrityCheck()).toEqual([]);
      const { total, items } = await store.listDocuments({ limit: CRASH_DOCUMENTS, offset: 0 });
      // Batches 0 and 1 committed; batch 2 was being written (it may just have finished), never half of it.
      expect([2 * CRASH_BATCH, 3 * CRASH_BATCH]).toContain(total);
      for (const summary of items) expect(summary.sentenceCount).toBeGreaterThan(0);
      const results = await store.putDocuments(crashCorpus());
      expect(results.filter((r) => r.status === 'unchanged')).toHaveLength(total);
      expect(results.filter((r) => r.status === 'added')).toHaveLength(CRASH_DOCUMENTS - total);
      expect((await store.stats()).sentences).toBe(crashCorpus().reduce((n, a) => n + a.sentences.length, 0));
      expect(await store.integrityCheck()).toEqual([]);
    } finally {
      await store.close();
    }
  }, 120_000);
}

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  report: { added: number; unchanged: number; failed: unknown[] } | null;
}

interface Running {
  child: ChildProcess;
  done: Promise<Finished>;
  exited: boolean;
}

/** Collects the output of `child` from the start (a full pipe would stall it) and its exit. */
function run(child: ChildProcess): Running {
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const running: Running = { child, exited: false, done: Promise.resolve({ code: null, signal: null, report: null }) };
  running.done = new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      running.exited = true;
      if (code !== null && code !== 0) reject(new Error(`ingest exited with ${code}:\n${err.slice(-2000)}`));
      let report: Finished['report'] = null;
      try {
        report = out.trim() === '' ? null : (JSON.parse(out) as Finished['report']);
      } catch {
        report = null;
      }
      resolve({ code, signal, report });
    });
  });
  return running;
}

/** Polls `ready` until it holds; fails if the process to kill exits first. */
async function until(ready: () => Promise<boolean>, target: Running): Promise<void> {
  while (!(await ready())) {
    if (target.exited) throw new Error('the process to kill finished before it could be killed mid-way');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
