/**
 * A document whose text changes is linked again: the events of its old text must not survive it.
 * Ingesting a story, then a new version of one of its documents, gives the events that ingesting
 * the new version from the start gives.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/run.js';
import type { CompareEvent } from '../../src/model/compare.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite.js';

const call = {
  id: 'kremlin',
  date: '2021-07-09',
  title: 'Telephone conversation with US President Joseph Biden',
  text: 'Vladimir Putin had a telephone conversation with President of the United States Joseph Biden. The presidents discussed information security.',
};
/** The new text shares no actor and no week with the old: no blocking key leads back to the call. */
const meeting = {
  ...call,
  date: '2021-09-20',
  title: 'Macron and Scholz meet in Berlin',
  text: 'French President Emmanuel Macron met with German Chancellor Olaf Scholz in Berlin. The leaders discussed energy prices.',
};
const others = [
  {
    id: 'wh',
    date: '2021-07-09',
    title: 'Readout of President Biden Call with President Vladimir Putin of Russia',
    text: 'President Biden spoke today with President Putin. The presidents discussed the ongoing ransomware attacks.',
  },
  {
    id: 'wire',
    date: '2021-07-10',
    title: 'Biden and Putin hold phone call on ransomware',
    text: 'Joe Biden and Vladimir Putin spoke by phone on Friday, the White House said. Biden pressed Putin on ransomware.',
  },
];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rashomon-update-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function jsonl(name: string, records: readonly object[]): string {
  const path = join(dir, name);
  writeFileSync(path, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return path;
}

async function events(store: SqliteStore): Promise<CompareEvent[]> {
  const page = await store.listEvents({ limit: 1000, offset: 0 });
  const out: CompareEvent[] = [];
  for (const e of page.items) out.push((await store.getEvent(e.id)) as CompareEvent);
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

describe('linking a document again after its text changed', () => {
  it('leaves no event of its old text, and gives the events of ingesting the new text at once', async () => {
    const before = openSqliteStore(join(dir, 'before.db'));
    const after = openSqliteStore(join(dir, 'after.db'));
    try {
      await ingest([jsonl('story.jsonl', [call, ...others])], before, { workers: 1 });
      const story = (await events(before)).find((e) => e.documents.length === 3);
      expect(story?.documents).toEqual(['kremlin', 'wh', 'wire']);

      const report = await ingest([jsonl('changed.jsonl', [meeting])], before, { workers: 1 });
      expect(report.updated).toBe(1);
      await ingest([jsonl('fresh.jsonl', [meeting, ...others])], after, { workers: 1 });

      const got = await events(before);
      expect(got.filter((e) => e.documents.includes('kremlin')).every((e) => e.type !== 'call')).toBe(true);
      expect(got.find((e) => e.type === 'call' && e.documents.length > 1)?.documents).toEqual(['wh', 'wire']);
      expect(got).toEqual(await events(after));
    } finally {
      await before.close();
      await after.close();
    }
  });
});
