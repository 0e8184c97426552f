/** Whole ingest into a fresh SQLite store: reading JSONL, analysis, writing. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../src/ingest/run.js';
import { openStore } from '../src/store/open.js';
import type { GeneratedArticle } from './corpus.js';
import { round } from './stats.js';

export interface IngestFigures {
  documents: number;
  docs_per_s: number;
  mb_per_s: number;
  reingest_unchanged_docs_per_s: number;
}

export async function measureIngest(corpus: readonly GeneratedArticle[]): Promise<IngestFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'rashomon-bench-'));
  try {
    const file = join(dir, 'corpus.jsonl');
    writeFileSync(file, corpus.map((a) => JSON.stringify(a)).join('\n'));
    const bytes = corpus.reduce((n, a) => n + Buffer.byteLength(a.text), 0);
    const store = await openStore(join(dir, 'bench.db'));
    try {
      const first = await ingest([file], store);
      const again = await ingest([file], store);
      return {
        documents: first.added,
        docs_per_s: round(first.added / first.seconds),
        mb_per_s: round(bytes / 1e6 / first.seconds, 2),
        reingest_unchanged_docs_per_s: round(again.unchanged / again.seconds),
      };
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
