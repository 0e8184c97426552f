import { z } from 'zod';
import { common, count, parseCommand } from '../args.js';
import { EXIT } from '../errors.js';
import { printJson, printTable, shorten } from '../output.js';
import { openStore } from '../../store/open.js';
import type { Command } from './command.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const eventsCommand: Command = {
  name: 'events',
  help: `
rashomon events [--entity ID] [--type TYPE] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--conflicts]
                [--query WORDS] [--limit N] [--offset N] [--db FILE] [--json]

Lists the events grouped across the stored documents, newest first, with their sources and how
many points are in conflict. --json prints {"total", "items": [...]} with the same event fields
as 'rashomon compare --json' (id, label, type, date, place, participants) plus counts.

Examples:
  rashomon events --conflicts
  rashomon events --type call --from 2021-01-01 --json
  rashomon events --entity person:vladimir-putin
`,
  async run(argv) {
    const { options } = parseCommand(
      argv,
      {
        ...common,
        entity: { type: 'string' },
        type: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        conflicts: { type: 'boolean' },
        query: { type: 'string', short: 'q' },
        limit: { type: 'string' },
        offset: { type: 'string' },
      },
      z.object({
        db: z.string().optional(),
        json: z.boolean().optional(),
        entity: z.string().optional(),
        type: z.string().optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        conflicts: z.boolean().optional(),
        query: z.string().optional(),
        limit: count(50, 10_000),
        offset: count(0, 1_000_000_000),
      }),
    );
    const store = await openStore(options.db);
    try {
      const page = await store.listEvents({
        limit: options.limit,
        offset: options.offset,
        ...(options.entity ? { entity: options.entity } : {}),
        ...(options.type ? { type: options.type } : {}),
        ...(options.from ? { from: options.from } : {}),
        ...(options.to ? { to: options.to } : {}),
        ...(options.conflicts ? { hasConflict: true } : {}),
        ...(options.query ? { text: options.query } : {}),
      });
      if (options.json) {
        printJson(page);
        return EXIT.ok;
      }
      printTable(
        ['ID', 'DATE', 'TYPE', 'DOCS', 'SOURCES', 'CONFLICTS', 'LABEL'],
        page.items.map((e) => [
          e.id,
          e.date ? (e.date.precision === 'day' && e.date.start === e.date.end ? e.date.start : `${e.date.start}..${e.date.end}`) : '',
          e.type,
          String(e.documentCount),
          shorten(e.sources.join(' | '), 40),
          String(e.conflictCount),
          shorten(e.label, 70),
        ]),
      );
      process.stdout.write(`${page.items.length} of ${page.total}${page.totalCapped ? '+' : ''} events\n`);
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
