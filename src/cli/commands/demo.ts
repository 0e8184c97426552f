import { mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { common, parseCommand } from '../args.js';
import { EXIT } from '../errors.js';
import { shorten } from '../output.js';
import { ingest } from '../../ingest/run.js';
import { openStore } from '../../store/open.js';
import { packagePath } from '../../paths.js';
import type { Command } from './command.js';

export const DEMO_DB = join('.rashomon', 'examples.db');

export const demoCommand: Command = {
  name: 'demo',
  help: `
rashomon demo [--db FILE]

Creates a fresh store (default ${DEMO_DB}), ingests the examples shipped with Rashomon and prints
the documents with their dates, entities and attributions.

Example:
  npm start
`,
  async run(argv) {
    const { options } = parseCommand(argv, common, z.object({ db: z.string().optional(), json: z.boolean().optional() }));
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
      process.stdout.write(`Try: npx rashomon search Ukraine --db ${db}\n`);
      return report.failed.length ? EXIT.someInputsFailed : EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
