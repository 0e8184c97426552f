import { mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { common, parseCommand } from '../args.js';
import { EXIT } from '../errors.js';
import { shorten } from '../output.js';
import { ingest } from '../../ingest/run.js';
import { openStore } from '../../store/open.js';
import { packagePath } from '../../paths.js';
import { serveUntilStopped } from '../../api/server.js';
import type { Store } from '../../store/store.js';
import type { Command } from './command.js';

export const DEMO_DB = join('.rashomon', 'examples.db');

export const demoCommand: Command = {
  name: 'demo',
  help: `
rashomon demo [--db FILE] [--port 8080] [--no-serve]

Creates a fresh store (default ${DEMO_DB}), ingests the examples shipped with Rashomon, prints
the documents with their dates, entities and attributions and the events with their accounts,
then serves the workbench over them on 127.0.0.1 (it opens nothing by itself; Ctrl-C stops it).

Example:
  npm start
`,
  async run(argv) {
    const { options } = parseCommand(
      argv,
      { ...common, port: { type: 'string' }, 'no-serve': { type: 'boolean' } },
      z.object({
        db: z.string().optional(),
        json: z.boolean().optional(),
        port: z.coerce.number().int().min(0).max(65_535).default(8080),
        'no-serve': z.boolean().optional(),
      }),
    );
    const db = options.db ?? DEMO_DB;
    mkdirSync(join(db, '..'), { recursive: true });
    for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
    const store = await openStore(db);
    try {
      const report = await ingest([packagePath('examples')], store);
      process.stdout.write(
        `Ingested ${report.added} example documents into ${db} in ${report.seconds.toFixed(2)} s` +
          `${report.failed.length ? ` (${report.failed.length} failed)` : ''}.\n\n`,
      );
      const page = await store.listDocuments({ limit: 100, offset: 0 });
      for (const summary of page.items) {
        const doc = await store.getDocument(summary.id);
        if (!doc) continue;
        const d = doc.doc;
        process.stdout.write(`■ ${d.title ?? (d.path ? basename(d.path) : d.id)}\n`);
        process.stdout.write(`  ${[d.date, d.publisher, d.source && `account of ${d.source}`].filter(Boolean).join(' · ')}  (id ${d.id})\n`);
        if (doc.times.length) {
          process.stdout.write(`  dates: ${doc.times.map((t) => `"${t.text}" → ${t.value.start === t.value.end ? t.value.start : `${t.value.start}..${t.value.end}`}`).join('; ')}\n`);
        }
        const people = doc.entities.filter((e) => e.type === 'person').map((e) => e.name);
        const others = doc.entities.filter((e) => e.type !== 'person').map((e) => e.name);
        if (people.length) process.stdout.write(`  people: ${people.join(', ')}\n`);
        if (others.length) process.stdout.write(`  organisations, places, groups: ${others.join(', ')}\n`);
        for (const a of doc.attributions) {
          const speaker = a.speaker ? doc.entities.find((e) => e.key === a.speaker)?.name : undefined;
          const who = speaker ?? a.source?.text ?? '(unattributed)';
          process.stdout.write(`  • ${who} ${a.cue.text}: ${shorten(a.content.text, 110)}\n`);
        }
        process.stdout.write('\n');
      }
      await printEvents(store);
      process.stdout.write(`Try: npx rashomon search Ukraine --db ${db}\n`);
      if (!options['no-serve']) await serveUntilStopped({ store, host: '127.0.0.1', port: options.port });
      return report.failed.length ? EXIT.someInputsFailed : EXIT.ok;
    } finally {
      await store.close();
    }
  },
};

/** Events with more than one account first: that is where accounts can diverge. */
async function printEvents(store: Store): Promise<void> {
  const { items } = await store.listEvents({ limit: 200, offset: 0 });
  const ranked = [...items].sort((a, b) => b.sourceCount - a.sourceCount || b.pointCount - a.pointCount).slice(0, 8);
  if (ranked.length === 0) return;
  process.stdout.write('Events, with the accounts side by side:\n\n');
  for (const summary of ranked) {
    const event = await store.getEvent(summary.id);
    if (!event) continue;
    const date = event.date ? (event.date.start === event.date.end ? event.date.start : `${event.date.start}..${event.date.end}`) : 'undated';
    process.stdout.write(`◆ ${event.label} (${date}; ${event.documents.length} documents)  id ${event.id}\n`);
    if (event.accounts.length) process.stdout.write(`  accounts: ${event.accounts.map((a) => a.source).join(' | ')}\n`);
    for (const p of event.points) {
      const tag = p.status === 'conflict' ? 'CONFLICT' : p.status === 'shared' ? 'shared' : `only ${p.sources.join(', ')}`;
      process.stdout.write(`  [${tag}] ${shorten(p.summary, 110)}${p.reason ? `\n      reason: ${shorten(p.reason, 110)}` : ''}\n`);
    }
    process.stdout.write('\n');
  }
}
