/**
 * Crash safety (issue 7, item 1), the small version of scripts/crash-harness.ts: SIGKILL a real
 * `rashomon ingest` three times at seeded random moments; after each kill the store passes its
 * checks and every stored document is exactly the one an uninterrupted run stores; after a last
 * run the documents, findings, events and entities equal the uninterrupted run's.
 *
 * Always against SQLite; against PostgreSQL too when RASHOMON_TEST_PG names a server and the
 * PostgreSQL store is built. The full run (20 kills, 3,000 documents) is the script:
 *   node dist/scripts/crash-harness.js --kills 20 --docs 3000 --seed 1
 */
import { describe, expect, it } from 'vitest';
import { type CrashOptions, postgresStoreAvailable, runCrashHarness } from '../../scripts/crash-harness.js';

const DOCS = 80;
const KILLS = 3;

async function survives(options: Pick<CrashOptions, 'engine'> & Partial<CrashOptions>): Promise<void> {
  const lines: string[] = [];
  const report = await runCrashHarness({ kills: KILLS, docs: DOCS, seed: 7, batch: 16, log: (l) => lines.push(l), ...options });
  const log = lines.join('\n');
  expect(report.problems, log).toEqual([]);
  expect(report.killsSent).toBe(KILLS);
  // At least one kill must hit a running ingest, or nothing was tested.
  expect(report.killsLanded, log).toBeGreaterThanOrEqual(1);
  expect(report.compared.documents).toBe(DOCS);
  expect(report.compared.events).toBeGreaterThan(0);
}

describe('ingest killed at random moments', () => {
  it('leaves a sound SQLite store each time and, finished, the same store as an uninterrupted run', async () => {
    await survives({ engine: 'sqlite' });
  }, 240_000);

  const pg = process.env['RASHOMON_TEST_PG'];
  it.skipIf(!pg || !postgresStoreAvailable())('does the same on PostgreSQL', async () => {
    await survives({ engine: 'postgres', pgUrl: pg ?? '' });
  }, 300_000);
});
