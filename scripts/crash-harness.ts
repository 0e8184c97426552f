/**
 * Crash-safety harness (issue 7, item 1): SIGKILL a real `rashomon ingest` at random moments N
 * times over a generated corpus, check the store after every kill, finish the run, and compare the
 * store with an uninterrupted run of the same corpus, document by document and event by event.
 *
 *   node dist/scripts/crash-harness.js --kills 20 --docs 3000 --seed 1 [--engine sqlite|postgres] [--json]
 *
 * The corpus and the kill schedule are fixed by the seed; where a kill lands inside the run depends
 * on the machine's speed. PostgreSQL runs against `--pg URL` (or RASHOMON_TEST_PG), each run in a
 * database of its own that is dropped afterwards. Exit code 0 when every check held.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { articles } from '../bench/corpus.js';
import { packageRoot } from '../src/paths.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/store.js';

export type Engine = 'sqlite' | 'postgres';

export interface CrashOptions {
  kills: number;
  docs: number;
  seed: number;
  engine: Engine;
  /** Base PostgreSQL URL (engine 'postgres'): a fresh database is created beside it for each run. */
  pgUrl?: string;
  /** Scratch folder (default: a new one under the system temp dir, removed afterwards). */
  dir?: string;
  /** Ingest batch size passed to the CLI (default: the CLI's own). */
  batch?: number;
  /**
   * Run a copy of the built CLI taken at the start (default true), so a rebuild by someone else
   * during a long run cannot change the program between the uninterrupted run and the killed ones.
   */
  snapshot?: boolean;
  log?: (line: string) => void;
}

export interface KillRecord {
  /** Milliseconds after the start of the run the kill was sent. */
  afterMs: number;
  /** False when the run had already finished (nothing left to kill). */
  landed: boolean;
  /** Documents in the store after the kill. */
  stored: number;
  problems: string[];
}

export interface CrashReport {
  engine: Engine;
  docs: number;
  seed: number;
  killsSent: number;
  killsLanded: number;
  kills: KillRecord[];
  referenceSeconds: number;
  totalSeconds: number;
  /** Documents, events and entities compared with the uninterrupted run. */
  compared: { documents: number; events: number; entities: number };
  /** Everything that went wrong; empty means the store survived every kill. */
  problems: string[];
}

/** The bin under test: the built CLI (npm test builds it first). */
export const BIN = fileURLToPath(new URL(import.meta.url.includes('/dist/') ? '../src/cli/main.js' : '../dist/src/cli/main.js', import.meta.url));

/** Copies the built program (dist/src, models, data) beside its node_modules; returns the copy's bin. */
export function snapshotBin(dir: string): string {
  const root = packageRoot();
  const copy = join(dir, 'package');
  cpSync(join(root, 'dist', 'src'), join(copy, 'dist', 'src'), { recursive: true });
  for (const name of ['package.json', 'models', 'data']) {
    if (existsSync(join(root, name))) cpSync(join(root, name), join(copy, name), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return join(copy, 'dist', 'src', 'cli', 'main.js');
}

/** Mulberry32, as bench/corpus.ts: the kill schedule is fixed by the seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The corpus as a user would have it: most articles in one JSONL file, every tenth as a text file
 * with a date header. Every third JSONL record has no id, so its id comes from its content.
 */
export function writeCorpus(dir: string, docs: number, seed: number): string {
  const root = join(dir, 'corpus');
  mkdirSync(join(root, 'texts'), { recursive: true });
  const lines: string[] = [];
  let i = 0;
  for (const a of articles(docs, seed)) {
    if (i % 10 === 9) writeFileSync(join(root, 'texts', `${String(i).padStart(5, '0')}.txt`), `date ${a.date}\n${a.title}\n\n${a.text}\n`);
    else lines.push(JSON.stringify(i % 3 === 0 ? { ...a, id: undefined } : a));
    i++;
  }
  writeFileSync(join(root, 'articles.jsonl'), `${lines.join('\n')}\n`);
  return root;
}

/** JSON with object keys sorted, so equal content gives equal strings whatever the key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

const sha = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 24);

/** A store's content, engine-independent (read through the Store interface), as hashes by id. */
export interface StoreDump {
  /** Document id -> hash of the document with its sentences, findings and warnings (timestamps left out). */
  documents: Map<string, string>;
  /** Content hash -> ids holding it (more than one id is a duplicate document). */
  contents: Map<string, string[]>;
  /** Event id -> hash of the event in the compare shape. */
  events: Map<string, string>;
  /** Entity id -> hash of its summary. */
  entities: Map<string, string>;
}

const PAGE = 500;

/** Every item of a paged list; a capped total ("10,000+") says only that more may follow. */
async function allPages<T>(read: (offset: number) => Promise<{ total: number; totalCapped?: true; items: T[] }>): Promise<T[]> {
  const out: T[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await read(offset);
    out.push(...page.items);
    if (page.items.length < PAGE || (out.length >= page.total && !page.totalCapped)) return out;
  }
}

export async function dumpStore(store: Store, what: { links: boolean } = { links: true }): Promise<StoreDump> {
  const dump: StoreDump = { documents: new Map(), contents: new Map(), events: new Map(), entities: new Map() };
  for (const summary of await allPages((offset) => store.listDocuments({ limit: PAGE, offset }))) {
    const stored = await store.getDocument(summary.id);
    if (!stored) throw new Error(`document ${summary.id} is listed but cannot be read`);
    const { ingestedAt: _i, updatedAt: _u, ...content } = stored;
    dump.documents.set(summary.id, sha(canonicalJson(content)));
    dump.contents.set(summary.contentHash, [...(dump.contents.get(summary.contentHash) ?? []), summary.id]);
  }
  if (!what.links) return dump;
  for (const summary of await allPages((offset) => store.listEvents({ limit: PAGE, offset }))) {
    const event = await store.getEvent(summary.id);
    dump.events.set(summary.id, sha(canonicalJson({ summary, event })));
  }
  for (const entity of await allPages((offset) => store.listEntities({ limit: PAGE, offset }))) {
    dump.entities.set(entity.id, sha(canonicalJson(entity)));
  }
  return dump;
}

/** Differences of `actual` from `expected` in one map, as readable lines (the first few). */
function mapDiff(what: string, expected: Map<string, string>, actual: Map<string, string>, partial = false): string[] {
  const missing = partial ? [] : [...expected.keys()].filter((id) => !actual.has(id));
  const extra = [...actual.keys()].filter((id) => !expected.has(id));
  const changed = [...actual.keys()].filter((id) => expected.has(id) && expected.get(id) !== actual.get(id));
  const lines: string[] = [];
  const show = (ids: string[]): string => ids.slice(0, 5).join(', ') + (ids.length > 5 ? `, ... (${ids.length})` : '');
  if (missing.length) lines.push(`${missing.length} ${what} missing: ${show(missing)}`);
  if (extra.length) lines.push(`${extra.length} ${what} not in the uninterrupted run: ${show(extra)}`);
  if (changed.length) lines.push(`${changed.length} ${what} differ from the uninterrupted run: ${show(changed)}`);
  return lines;
}

/** Documents stored under more than one id with the same content. */
function duplicates(dump: StoreDump): string[] {
  return [...dump.contents.values()].filter((ids) => ids.length > 1).map((ids) => `duplicate document: ${ids.join(', ')} have the same content`);
}

/** SQLite's own checks, straight on the file: page-level integrity, duplicates, partial documents. */
function sqliteChecks(path: string): string[] {
  const db = new Database(path, { fileMustExist: true });
  try {
    const problems: string[] = [];
    const integrity = db.prepare('PRAGMA integrity_check').pluck().all() as string[];
    if (integrity.join() !== 'ok') problems.push(`PRAGMA integrity_check: ${integrity.slice(0, 5).join('; ')}`);
    const dupes = db.prepare('SELECT count(*) - count(DISTINCT content_hash) FROM documents').pluck().get() as number;
    if (dupes !== 0) problems.push(`${dupes} documents share their content with another`);
    const partial = db
      .prepare('SELECT count(*) FROM documents d WHERE d.sentence_count != (SELECT count(*) FROM sentences s WHERE s.doc_id = d.id)')
      .pluck()
      .get() as number;
    if (partial !== 0) problems.push(`${partial} documents have fewer or more sentences than they should`);
    return problems;
  } finally {
    db.close();
  }
}

interface Target {
  /** What `--db` gets. */
  db: string;
  engine: Engine;
  drop(): Promise<void>;
}

async function sqliteTarget(dir: string, name: string): Promise<Target> {
  const db = join(dir, `${name}.db`);
  return { db, engine: 'sqlite', drop: async () => undefined };
}

/** A fresh PostgreSQL database beside the one `base` names; dropped by `drop()`. */
async function postgresTarget(base: string, name: string): Promise<Target> {
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  const database = `rashomon_crash_${name}_${process.pid}_${Date.now().toString(36)}`;
  try {
    await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${database}`;
  return {
    db: url.href,
    engine: 'postgres',
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

function ingestArgs(corpus: string, target: Target, options: CrashOptions): string[] {
  return ['ingest', corpus, '--db', target.db, ...(options.batch ? ['--batch', String(options.batch)] : [])];
}

function startIngest(bin: string, args: string[]): { child: ChildProcess; exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> } {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    // Keep the end: the progress bar repeats itself, a crash message comes last.
    stderr = (stderr + chunk).slice(-4000);
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, exit };
}

/** Checks after a kill or at the end: the store opens, passes its checks, and holds no duplicate or partial document. */
async function checkStore(target: Target, reference: StoreDump, final: boolean): Promise<{ problems: string[]; stored: number; dump: StoreDump | null }> {
  const problems: string[] = [];
  if (target.engine === 'sqlite' && !existsSync(target.db)) return { problems, stored: 0, dump: null };
  let store: Store;
  try {
    store = await openStore(target.db);
  } catch (error) {
    return { problems: [`store does not open: ${(error as Error).message}`], stored: 0, dump: null };
  }
  try {
    problems.push(...(await store.integrityCheck()).map((p) => `integrityCheck: ${p}`));
    const dump = await dumpStore(store, { links: final });
    problems.push(...duplicates(dump));
    // Every stored document is exactly the one the uninterrupted run stored: nothing partial.
    problems.push(...mapDiff('documents', reference.documents, dump.documents, !final));
    if (final) {
      problems.push(...mapDiff('events', reference.events, dump.events));
      problems.push(...mapDiff('entities', reference.entities, dump.entities));
    }
    if (target.engine === 'sqlite') problems.push(...sqliteChecks(target.db));
    return { problems, stored: dump.documents.size, dump };
  } finally {
    await store.close();
  }
}

/** How long `rashomon ingest` takes to start and stop with nothing to read (a store kept apart). */
async function startupTime(bin: string, dir: string, target: Target, options: CrashOptions): Promise<number> {
  const empty = join(dir, 'empty');
  mkdirSync(empty, { recursive: true });
  const db = target.engine === 'sqlite' ? join(dir, 'startup.db') : target.db;
  const started = performance.now();
  await startIngest(bin, ingestArgs(empty, { ...target, db }, options)).exit;
  return Math.round(performance.now() - started);
}

async function referenceRun(bin: string, corpus: string, target: Target, options: CrashOptions): Promise<{ dump: StoreDump; seconds: number }> {
  const started = performance.now();
  const { exit } = startIngest(bin, ingestArgs(corpus, target, options));
  const result = await exit;
  const seconds = (performance.now() - started) / 1000;
  if (result.code !== 0) throw new Error(`the uninterrupted run failed (exit ${result.code}): ${result.stderr.slice(-800)}`);
  const store = await openStore(target.db);
  try {
    const problems = await store.integrityCheck();
    if (problems.length) throw new Error(`the uninterrupted run left an unsound store: ${problems.join('; ')}`);
    return { dump: await dumpStore(store), seconds };
  } finally {
    await store.close();
  }
}

export async function runCrashHarness(options: CrashOptions): Promise<CrashReport> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const ownDir = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'rashomon-crash-harness-'));
  const makeTarget = (name: string): Promise<Target> =>
    options.engine === 'postgres' ? postgresTarget(options.pgUrl ?? '', name) : sqliteTarget(dir, name);
  const targets: Target[] = [];
  try {
    const corpus = writeCorpus(dir, options.docs, options.seed);
    const bin = options.snapshot === false ? BIN : snapshotBin(dir);
    const refTarget = await makeTarget('reference');
    targets.push(refTarget);
    log(`${options.engine}: uninterrupted run over ${options.docs} documents ...`);
    const reference = await referenceRun(bin, corpus, refTarget, options);
    log(`  ${reference.seconds.toFixed(1)} s: ${reference.dump.documents.size} documents, ${reference.dump.events.size} events, ${reference.dump.entities.size} entities`);
    const report: CrashReport = {
      engine: options.engine,
      docs: options.docs,
      seed: options.seed,
      killsSent: 0,
      killsLanded: 0,
      kills: [],
      referenceSeconds: reference.seconds,
      totalSeconds: 0,
      compared: { documents: reference.dump.documents.size, events: reference.dump.events.size, entities: reference.dump.entities.size },
      problems: [],
    };
    if (reference.dump.documents.size !== options.docs) report.problems.push(`the uninterrupted run stored ${reference.dump.documents.size} of ${options.docs} documents`);

    const target = await makeTarget('killed');
    targets.push(target);
    const random = rng(options.seed * 7919 + 17);
    const startupMs = await startupTime(bin, dir, target, options);
    // One kill in eight lands during start-up (loading, opening the store, migrations); the others
    // after it, each run getting on average 1/kills of the uninterrupted run's working time, so the
    // kills spread over the whole corpus and land in analysis, writes and linking alike.
    const meanMs = Math.max(200, (reference.seconds * 1000 - startupMs) / options.kills);
    log(`  start-up ${startupMs} ms; kills after it ${Math.round(meanMs)} ms apart on average`);
    // Before its first write a run only reads and analyses; a kill there that stored nothing moves
    // the floor of later kills up, so they land where documents are written and linked.
    let floorMs = startupMs;
    let storedBefore = 0;
    for (let k = 0; k < options.kills; k++) {
      const r = random();
      const inStartup = r < 0.125;
      const afterMs = Math.round(inStartup ? 50 + (r / 0.125) * startupMs : floorMs + random() * 2 * meanMs);
      const { child, exit } = startIngest(bin, ingestArgs(corpus, target, options));
      const timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
      const result = await exit;
      clearTimeout(timer);
      report.killsSent++;
      const landed = result.signal === 'SIGKILL';
      if (landed) report.killsLanded++;
      else if (result.code !== 0) report.problems.push(`run ${k + 1} failed before the kill (exit ${result.code}): ${result.stderr.slice(-500)}`);
      const check = await checkStore(target, reference.dump, false);
      if (landed && !inStartup && check.stored === storedBefore) floorMs = Math.max(floorMs, afterMs);
      storedBefore = check.stored;
      report.kills.push({ afterMs, landed, stored: check.stored, problems: check.problems });
      report.problems.push(...check.problems.map((p) => `after kill ${k + 1} (${afterMs} ms, ${check.stored} stored): ${p}`));
      log(`  kill ${k + 1}/${options.kills} at ${afterMs} ms: ${landed ? 'killed' : 'run had finished'}; ${check.stored} documents stored; ${check.problems.length ? check.problems.join('; ') : 'store sound'}`);
    }

    const { exit } = startIngest(bin, ingestArgs(corpus, target, options));
    const last = await exit;
    if (last.code !== 0) report.problems.push(`the final run failed (exit ${last.code}): ${last.stderr.slice(-500)}`);
    const final = await checkStore(target, reference.dump, true);
    report.problems.push(...final.problems.map((p) => `after the final run: ${p}`));
    log(`  final run: ${final.stored} documents; ${final.problems.length ? final.problems.join('; ') : 'same documents, findings, events and entities as the uninterrupted run'}`);
    report.totalSeconds = (performance.now() - started) / 1000;
    return report;
  } finally {
    for (const t of targets) await t.drop().catch((error: unknown) => log(`could not drop ${t.db}: ${(error as Error).message}`));
    if (ownDir) rmSync(dir, { recursive: true, force: true });
  }
}

/** True when this build has a PostgreSQL store for `--db postgres://...`. */
export function postgresStoreAvailable(): boolean {
  const here = fileURLToPath(new URL('.', import.meta.url));
  return existsSync(join(here, '../src/store/postgres.js')) || existsSync(join(here, '../src/store/postgres.ts'));
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      kills: { type: 'string', default: '20' },
      docs: { type: 'string', default: '3000' },
      seed: { type: 'string', default: '1' },
      engine: { type: 'string', default: 'sqlite' },
      pg: { type: 'string' },
      batch: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const engine = values.engine === 'postgres' ? 'postgres' : 'sqlite';
  const pgUrl = values.pg ?? process.env['RASHOMON_TEST_PG'];
  if (engine === 'postgres' && !pgUrl) throw new Error('--engine postgres needs --pg URL or RASHOMON_TEST_PG');
  const report = await runCrashHarness({
    kills: Number(values.kills),
    docs: Number(values.docs),
    seed: Number(values.seed),
    engine,
    ...(pgUrl ? { pgUrl } : {}),
    ...(values.batch ? { batch: Number(values.batch) } : {}),
    ...(values.json ? {} : { log: (line: string) => void process.stdout.write(`${line}\n`) }),
  });
  if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else {
    process.stdout.write(
      `${report.engine}: ${report.killsLanded} of ${report.killsSent} kills landed mid-run over ${report.docs} documents (seed ${report.seed}); ` +
        `${report.problems.length === 0 ? 'every check held' : `${report.problems.length} problems`}; ` +
        `${report.compared.documents} documents, ${report.compared.events} events, ${report.compared.entities} entities compared; ` +
        `uninterrupted run ${report.referenceSeconds.toFixed(0)} s, harness ${report.totalSeconds.toFixed(0)} s\n`,
    );
    for (const p of report.problems) process.stdout.write(`  problem: ${p}\n`);
  }
  return report.problems.length === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`crash-harness: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
