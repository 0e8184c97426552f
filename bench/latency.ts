/**
 * Query latency on a large generated store (bench/generate-store.ts), through the Store interface
 * the API calls (no HTTP: bench/api.ts measures the server on its own store): the events list, an
 * event page, an entity page and a search, each many times with varied ids and queries; p50 and
 * p95 in milliseconds. Samples: events with two or more documents (the ones worth comparing), the
 * 200 most mentioned entities (the first the entities list shows, and the heaviest pages), and
 * queries mixing common and rarer terms.
 */
import Database from 'better-sqlite3';
import { openSqliteStore } from '../src/store/sqlite.js';
import type { GeneratedStore } from './generate-store.js';
import { percentile, round } from './stats.js';

export interface Latency {
  p50: number;
  p95: number;
  max: number;
}

export interface LatencyFigures {
  store: Omit<GeneratedStore, 'seconds'>;
  runs: number;
  events_list: Latency;
  events_list_filtered: Latency;
  event: Latency;
  entity: Latency;
  search: Latency;
}

const QUERIES = ['sanctions', 'grain exports', '"nuclear arms control"', 'ceasefire', 'Volkov', 'frank detailed exchange', 'hospitals', 'tariff*', 'Morrow Petrenko', 'prisoner exchange'];

function sampleIds(path: string): { events: string[]; entities: string[] } {
  const db = new Database(path, { readonly: true });
  try {
    // Every k-th multi-document event by id: spread over the store, the same ids every run.
    const multi = db.prepare('SELECT count(*) FROM events WHERE document_count >= 2').pluck().get() as number;
    const every = Math.max(1, Math.floor(multi / 200));
    const events = db
      .prepare('SELECT id FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM events WHERE document_count >= 2) WHERE n % ? = 0 LIMIT 200')
      .pluck()
      .all(every) as string[];
    const entities = db.prepare('SELECT id FROM entities ORDER BY mention_count DESC, id LIMIT 200').pluck().all() as string[];
    return { events, entities };
  } finally {
    db.close();
  }
}

async function timed(runs: number, call: (i: number) => Promise<unknown>): Promise<Latency> {
  for (let i = 0; i < 3; i++) await call(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await call(i * 7919);
    times.push(performance.now() - started);
  }
  return { p50: round(percentile(times, 50), 2), p95: round(percentile(times, 95), 2), max: round(Math.max(...times), 2) };
}

export async function measureLatency(built: GeneratedStore, runs = 60): Promise<LatencyFigures> {
  const { events, entities } = sampleIds(built.path);
  if (events.length === 0 || entities.length === 0) throw new Error(`${built.path} has no multi-document events or no entities`);
  const at = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;
  const store = openSqliteStore(built.path);
  try {
    const { seconds: _, ...info } = built;
    return {
      store: info,
      runs,
      events_list: await timed(runs, (i) => store.listEvents({ limit: 50, offset: at([0, 0, 0, 50, 500], i) })),
      events_list_filtered: await timed(runs, () => store.listEvents({ limit: 50, offset: 0, hasConflict: true, from: '2015-06-01', to: '2016-12-31' })),
      event: await timed(runs, (i) => store.getEvent(at(events, i))),
      entity: await timed(runs, (i) => store.getEntity(at(entities, i))),
      search: await timed(runs, (i) => store.search(at(QUERIES, i), { limit: 20, offset: 0 })),
    };
  } finally {
    await store.close();
  }
}
