/**
 * Parallel ingest: analysis in worker threads, one writer. The pool's own behaviour (per-document
 * failures, a worker dying, order) is checked with a stand-in worker script; the real worker runs
 * from dist/ (built by `npm test` before vitest), and must give what the pipeline gives in-thread.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articles } from '../../bench/corpus.js';
import { toDocument } from '../../src/ingest/document.js';
import { ingest } from '../../src/ingest/run.js';
import { AnalysisCache, decodeAnalysis, encodeAnalysis } from '../../src/ingest/worker-transfer.js';
import { WorkerPool, workerEntry, type AnalysisOutcome } from '../../src/ingest/workers.js';
import type { AnalysedDocument, Document } from '../../src/model/document.js';
import { analyse } from '../../src/nlp/pipeline.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { cli } from '../cli/run-cli.js';
import { tempDir } from './helpers.js';

/**
 * Stands in for worker.ts: a text with THROW fails its document, EXIT kills the worker, SLOW takes
 * a while; anything else is "analysed" to an empty analysis of its document.
 */
const STAND_IN = `
import { parentPort } from 'node:worker_threads';
import { serialize } from 'node:v8';
const empty = (doc) => ({ doc, analysed: true, tokens: [], sentences: [], times: [], mentions: [], entities: [],
  attributions: [], events: [], warnings: [], packed: null });
parentPort.on('message', ({ job, docs }) => {
  const outcomes = docs.map((doc) => {
    if (doc.text.includes('EXIT')) process.exit(7);
    if (doc.text.includes('THROW')) return { ok: false, reason: 'stage failed on ' + doc.id, stack: null };
    if (doc.text.includes('SLOW')) { const until = Date.now() + 30; while (Date.now() < until); }
    return { ok: true, bytes: serialize(empty(doc)) };
  });
  parentPort.postMessage({ job, outcomes });
});
parentPort.postMessage({ ready: true });
`;

const BROKEN = `throw new Error('cannot load the model');`;

let tmp: ReturnType<typeof tempDir>;
let standIn: URL;
let broken: URL;

beforeAll(() => {
  tmp = tempDir();
  writeFileSync(join(tmp.dir, 'stand-in.mjs'), STAND_IN);
  writeFileSync(join(tmp.dir, 'broken.mjs'), BROKEN);
  standIn = pathToFileURL(join(tmp.dir, 'stand-in.mjs'));
  broken = pathToFileURL(join(tmp.dir, 'broken.mjs'));
});

afterAll(() => tmp.remove());

const doc = (id: string, text: string): Document => ({ ...toDocument({ text }), id });
const summary = (outcomes: AnalysisOutcome[]): string[] =>
  outcomes.map((o) => (o.ok ? `ok ${o.analysis.doc.id}` : `failed: ${o.reason}`));

describe('analysis pool', () => {
  it('answers each batch in its own order, whichever worker finishes first', async () => {
    const pool = new WorkerPool(2, { entry: standIn });
    try {
      const slow = pool.analyse([doc('a1', 'SLOW'), doc('a2', 'SLOW'), doc('a3', 'SLOW')]);
      const fast = pool.analyse([doc('b1', 'quick'), doc('b2', 'quick')]);
      expect(summary(await fast)).toEqual(['ok b1', 'ok b2']);
      expect(summary(await slow)).toEqual(['ok a1', 'ok a2', 'ok a3']);
    } finally {
      await pool.close();
    }
  });

  it('fails only the document a stage throws on', async () => {
    const pool = new WorkerPool(1, { entry: standIn });
    try {
      const outcomes = await pool.analyse([doc('c1', 'fine'), doc('c2', 'THROW'), doc('c3', 'fine')]);
      expect(summary(outcomes)).toEqual(['ok c1', 'failed: stage failed on c2', 'ok c3']);
    } finally {
      await pool.close();
    }
  });

  it('replaces a worker that dies and fails only the document that kills it', async () => {
    const pool = new WorkerPool(2, { entry: standIn });
    try {
      const outcomes = await pool.analyse([doc('d1', 'fine'), doc('d2', 'EXIT'), doc('d3', 'fine')]);
      expect(summary(outcomes)).toEqual(['ok d1', 'failed: analysis worker died on this document (exit code 7)', 'ok d3']);
      // The pool goes on working with its replacement workers.
      expect(summary(await pool.analyse([doc('e1', 'fine'), doc('e2', 'fine')]))).toEqual(['ok e1', 'ok e2']);
    } finally {
      await pool.close();
    }
  });

  it('says so when workers cannot start at all', async () => {
    const pool = new WorkerPool(1, { entry: broken });
    try {
      await expect(pool.analyse([doc('f1', 'fine')])).rejects.toThrow(/analysis workers could not start \(cannot load the model\)/);
    } finally {
      await pool.close();
    }
  });

  it('runs the real pipeline from dist/ and gives what it gives in this thread', async () => {
    expect(workerEntry().pathname).toMatch(/dist\/src\/ingest\/worker\.js$/);
    const docs = [...articles(6, 3)].map((a) => toDocument({ id: a.id, text: a.text, date: a.date, publisher: a.publisher }));
    const pool = new WorkerPool(2);
    try {
      const outcomes = await pool.analyse(docs);
      docs.forEach((d, i) => {
        const outcome = outcomes[i] as AnalysisOutcome;
        if (!outcome.ok || !outcome.bytes) throw new Error(`${d.id} was not analysed by a worker`);
        // The writer gets the analysis without tokens; the bytes hold all of it.
        expect(outcome.analysis.tokens).toEqual([]);
        expect(outcome.analysis.sentences).toEqual(analyse(d).sentences);
        expect(decodeAnalysis(outcome.bytes, { tokens: true })).toEqual(analyse(d));
      });
    } finally {
      await pool.close();
    }
  }, 60_000);
});

describe('transfer of analyses', () => {
  const a = analyse(toDocument({ text: 'Headline\n\n"We agreed," Burns said on Monday. Naryshkin denied it.' }));

  it('packs tokens and gets the same analysis back', () => {
    expect(decodeAnalysis(encodeAnalysis(a), { tokens: true })).toEqual(a);
    expect(decodeAnalysis(encodeAnalysis(a), { tokens: false })).toEqual({ ...a, tokens: [] });
  });

  it('sends tokens as they are when one does not have the usual shape', () => {
    const odd: AnalysedDocument = { ...a, tokens: a.tokens.map((t, i) => (i === 2 ? { ...t, norm: 'something else' } : t)) };
    expect(decodeAnalysis(encodeAnalysis(odd), { tokens: false })).toEqual(odd);
  });

  it('keeps recent analyses within its memory budget, least recently used out first', () => {
    const bytes = encodeAnalysis(a);
    const cache = new AnalysisCache(bytes.byteLength * 2.5);
    cache.putBytes('x', bytes);
    cache.putBytes('y', bytes);
    expect(cache.get('x')).toEqual(a);
    cache.putBytes('z', bytes);
    expect([...cache.keys()]).toEqual(['x', 'z']);
    expect(cache.get('y')).toBeUndefined();
    expect(cache.bytes).toBe(bytes.byteLength * 2);
  });
});

describe('parallel ingest', () => {
  it('writes the same documents and reports the same failures with one and two workers', async () => {
    const dir = tmp.dir;
    const lines = [...articles(70, 11)].map((x) => JSON.stringify(x));
    lines.splice(5, 0, '{"text": 3}');
    lines.splice(40, 0, 'not json');
    writeFileSync(join(dir, 'mixed.jsonl'), `${lines.join('\n')}\n`);
    const reports = [];
    const stored = [];
    for (const workers of [1, 2]) {
      const store = openSqliteStore(join(dir, `mixed-${workers}.db`));
      try {
        const report = await ingest([join(dir, 'mixed.jsonl')], store, { workers, batchSize: 16 });
        reports.push({ ...report, seconds: 0, linkSeconds: 0, workers: 0 });
        expect(report.workers).toBe(workers === 1 ? 0 : 2);
        const page = await store.listDocuments({ limit: 100, offset: 0 });
        stored.push(await Promise.all(page.items.map(async (d) => ({ ...(await store.getDocument(d.id)), ingestedAt: '', updatedAt: '' }))));
      } finally {
        await store.close();
      }
    }
    expect(reports[0]).toMatchObject({ added: 70, failedCount: 2 });
    expect(reports[0]?.failed.map((f) => f.line)).toEqual([6, 41]);
    expect(reports[1]).toEqual(reports[0]);
    expect(stored[1]).toEqual(stored[0]);
  }, 120_000);

  it('stops reading while the analysis queue is full', async () => {
    let pulled = 0;
    let pulledAtFirstWrite = -1;
    const source = Readable.from(
      (function* () {
        for (const x of articles(120, 5)) {
          pulled++;
          yield `${JSON.stringify(x)}\n`;
        }
      })(),
    );
    const store = openSqliteStore(':memory:');
    try {
      const report = await ingest(['-'], store, {
        stdin: source,
        workers: 2,
        batchSize: 4,
        onProgress: () => {
          if (pulledAtFirstWrite < 0) pulledAtFirstWrite = pulled;
        },
      });
      expect(report.added).toBe(120);
      // Five batches of four in flight, one being read, and what the stream buffers (16 chunks).
      expect(pulledAtFirstWrite).toBeGreaterThan(0);
      expect(pulledAtFirstWrite).toBeLessThanOrEqual(6 * 4 + 16 + 4);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('lists the first failures and counts the rest', async () => {
    writeFileSync(join(tmp.dir, 'bad.jsonl'), `${Array.from({ length: 7 }, (_, i) => `bad line ${i}`).join('\n')}\n`);
    const store = openSqliteStore(':memory:');
    try {
      const report = await ingest([join(tmp.dir, 'bad.jsonl')], store, { maxListed: 3 });
      expect(report.failedCount).toBe(7);
      expect(report.failed.map((f) => f.line)).toEqual([1, 2, 3]);
    } finally {
      await store.close();
    }
  });

  it('takes --workers on the command line', () => {
    const db = join(tmp.dir, 'cli.db');
    const file = join(tmp.dir, 'cli.jsonl');
    writeFileSync(file, `${[...articles(12, 2)].map((x) => JSON.stringify(x)).join('\n')}\n`);
    const r = cli(['ingest', file, '--db', db, '--workers', '2', '--json']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ added: 12, failedCount: 0, workers: 2 });
    const bad = cli(['ingest', file, '--db', db, '--workers', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--workers/);
  }, 60_000);
});
