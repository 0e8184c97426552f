import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceRecord } from '../../src/model/document.js';
import { type InputResult, readInputs } from '../../src/ingest/inputs.js';

export function fixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/ingest/${name}`, import.meta.url));
}

export async function collect(paths: string[], opts: { stdin?: NodeJS.ReadableStream } = {}): Promise<InputResult[]> {
  const results: InputResult[] = [];
  for await (const result of readInputs(paths, opts)) results.push(result);
  return results;
}

/** The record of a result that must have succeeded (fails the test with the reason otherwise). */
export function recordOf(result: InputResult | undefined): SourceRecord {
  if (!result) throw new Error('no result');
  if (!result.ok) throw new Error(`expected a record, got failure: ${result.path}: ${result.reason}`);
  return result.record;
}

/** A fresh temporary folder and a function that removes it. */
export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'rashomon-ingest-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
