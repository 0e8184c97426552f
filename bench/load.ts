/**
 * The server under load (issue 7, item 4): the real server (startServer) over a store of generated
 * articles, 200 concurrent clients for 30 s on loopback (autocannon) over the read endpoints
 * (events list, one event, one document, entities, search), while `rashomon ingest` writes new
 * articles into the same SQLite file from another process. Prints requests/s, p50/p99 latency,
 * errors and non-2xx answers; exit code 1 when any request failed.
 *
 *   node dist/bench/load.js [--docs 3000] [--connections 200] [--duration 30] [--ingest 2000] [--json]
 *
 * Three processes, so neither the load nor the ingest shares the server's event loop: this one
 * (autocannon), a child serving the store, and a child ingesting. The store is the cached benchmark
 * store of bench/api.ts (built on first use), copied so the ingest does not change the cache.
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startServer } from '../src/api/server.js';
import { packagePath } from '../src/paths.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { benchStore, benchStorePath } from './api.js';
import { articles } from './corpus.js';

/** The part of autocannon's API used here (it ships no types). */
interface Histogram {
  average: number;
  p50: number;
  p99: number;
  max: number;
}
interface AutocannonResult {
  requests: Histogram & { total: number; sent: number };
  latency: Histogram;
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
}
interface AutocannonRequest {
  method: string;
  path: string;
  setupRequest?: (request: { method: string; path: string }) => { method: string; path: string };
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  requests: AutocannonRequest[];
}) => Promise<AutocannonResult>;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface LoadFigures {
  documents: number;
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  /** Documents the parallel ingest wrote into the store during the load. */
  ingestedDuringLoad: number;
}

/** Mulberry32: the request mix is the same on every run. */
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

/** The read paths clients cycle through, with ids and words taken from the store. */
async function requestMix(db: string): Promise<AutocannonRequest[]> {
  const store = openSqliteStore(db);
  try {
    const total = (await store.listDocuments({ limit: 0, offset: 0 })).total;
    const docs: string[] = [];
    for (let i = 0; i < 100; i++) {
      const page = await store.listDocuments({ limit: 1, offset: Math.floor((i * total) / 100) });
      if (page.items[0]) docs.push(page.items[0].id);
    }
    const events = (await store.listEvents({ limit: 100, offset: 0 })).items.map((e) => e.id);
    if (docs.length === 0 || events.length === 0) throw new Error(`the store at ${db} has no documents or no events to read`);
    const words = ['sanctions', 'grain exports', '"nuclear arms control"', 'ceasefire', 'Volkov', 'frank exchange', 'tariff*', 'hospitals'];
    const r = rng(11);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
    const varied = (make: () => string): AutocannonRequest => ({ method: 'GET', path: make(), setupRequest: (req) => ({ ...req, path: make() }) });
    return [
      varied(() => `/api/events?limit=20&offset=${Math.floor(r() * 200)}`),
      varied(() => `/api/events/${encodeURIComponent(pick(events))}`),
      varied(() => `/api/documents/${encodeURIComponent(pick(docs))}`),
      varied(() => `/api/entities?limit=20&offset=${Math.floor(r() * 100)}`),
      varied(() => `/api/search?q=${encodeURIComponent(pick(words))}&limit=10`),
    ];
  } finally {
    await store.close();
  }
}

/** Child mode: serve the store at `db` and tell the parent the URL. */
async function serveChild(db: string): Promise<void> {
  const store = openSqliteStore(db);
  const server = await startServer({ store, port: 0, env: {} });
  process.send?.({ url: server.url });
  process.on('disconnect', () => {
    void server.close().then(() => store.close()).then(() => process.exit(0));
  });
}

function startServing(db: string): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve-child', db], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (message: { url: string }) => resolve({ child, url: message.url }));
    child.once('exit', (code) => reject(new Error(`the server process exited (${code}) before listening`)));
  });
}

export async function measureLoad(options: { docs: number; connections: number; duration: number; ingest: number; log: (line: string) => void }): Promise<LoadFigures> {
  const { log } = options;
  const cached = await benchStore(options.docs, false, log);
  await cached.close();
  const dir = mkdtempSync(join(tmpdir(), 'rashomon-load-'));
  const servers: ChildProcess[] = [];
  let ingest: ChildProcess | null = null;
  try {
    const db = join(dir, 'load.db');
    copyFileSync(await benchStorePath(options.docs), db);
    const requests = await requestMix(db);
    const corpus = join(dir, 'new.jsonl');
    writeFileSync(corpus, `${[...articles(options.ingest, 43, options.docs)].map((a) => JSON.stringify(a)).join('\n')}\n`);
    const before = await documentCount(db);

    const { child, url } = await startServing(db);
    servers.push(child);
    log(`serving ${before} documents at ${url}; ${options.connections} clients for ${options.duration} s${options.ingest > 0 ? ' while ingest writes into the same file' : ''} ...`);
    // --ingest 0 measures the reads alone, to tell what the concurrent writer costs.
    if (options.ingest > 0) {
      ingest = spawn(process.execPath, [packagePath('dist', 'src', 'cli', 'main.js'), 'ingest', corpus, '--db', db, '--workers', '1'], { stdio: 'ignore' });
    }
    const result = await autocannon({ url, connections: options.connections, duration: options.duration, timeout: 30, requests });
    ingest?.kill('SIGTERM');
    const ingestedDuringLoad = (await documentCount(db)) - before;
    const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, Number(s.count)]));
    return {
      documents: before,
      connections: options.connections,
      seconds: result.duration,
      requests: result.requests.total,
      requestsPerSecond: Math.round(result.requests.average),
      p50_ms: result.latency.p50,
      p99_ms: result.latency.p99,
      max_ms: result.latency.max,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      statusCodes,
      ingestedDuringLoad,
    };
  } finally {
    ingest?.kill('SIGKILL');
    for (const child of servers) child.disconnect();
    await new Promise((r) => setTimeout(r, 300));
    rmSync(dir, { recursive: true, force: true });
  }
}

async function documentCount(db: string): Promise<number> {
  const store = openSqliteStore(db);
  try {
    return (await store.listDocuments({ limit: 0, offset: 0 })).total;
  } finally {
    await store.close();
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      docs: { type: 'string', default: '3000' },
      connections: { type: 'string', default: '200' },
      duration: { type: 'string', default: '30' },
      ingest: { type: 'string', default: '2000' },
      json: { type: 'boolean', default: false },
      'serve-child': { type: 'string' },
    },
  });
  if (values['serve-child']) {
    await serveChild(values['serve-child']);
    return 0;
  }
  const log = values.json ? () => undefined : (line: string) => void process.stdout.write(`${line}\n`);
  const figures = await measureLoad({
    docs: Number(values.docs),
    connections: Number(values.connections),
    duration: Number(values.duration),
    ingest: Number(values.ingest),
    log,
  });
  if (values.json) process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  else {
    log(
      `${figures.requests} requests in ${figures.seconds.toFixed(0)} s from ${figures.connections} clients over ${figures.documents} documents: ` +
        `${figures.requestsPerSecond} req/s, p50 ${figures.p50_ms} ms, p99 ${figures.p99_ms} ms, max ${figures.max_ms} ms; ` +
        `${figures.errors} errors, ${figures.timeouts} timeouts, ${figures.non2xx} non-2xx (${JSON.stringify(figures.statusCodes)}); ` +
        `${figures.ingestedDuringLoad} documents ingested meanwhile`,
    );
  }
  return figures.errors + figures.non2xx === 0 ? 0 : 1;
}

main().then(
  (code) => {
    if (code !== 0 || !process.argv.includes('--serve-child')) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`load: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
