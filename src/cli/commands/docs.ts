import { z } from 'zod';
import { common, count, parseCommand } from '../args.js';
import { EXIT } from '../errors.js';
import { printJson, printTable, shorten } from '../output.js';
import { openStore } from '../../store/open.js';
import type { Command } from './command.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const docsCommand: Command = {
  name: 'docs',
  help: `
rashomon docs [--publisher P] [--source S] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--query TEXT]
              [--limit N] [--offset N] [--db FILE] [--json]

Lists documents, newest first, with id, date, publisher and title.

Examples:
  rashomon docs --limit 10
  rashomon docs --publisher "The White House" --from 2021-01-01 --json
`,
  async run(argv) {
    const { options } = parseCommand(
      argv,
      {
        ...common,
        publisher: { type: 'string' },
        source: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        query: { type: 'string', short: 'q' },
        limit: { type: 'string' },
        offset: { type: 'string' },
      },
      z.object({
        db: z.string().optional(),
        json: z.boolean().optional(),
        publisher: z.string().optional(),
        source: z.string().optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        query: z.string().optional(),
        limit: count(50, 10_000),
        offset: count(0, 1_000_000_000),
      }),
    );
    const store = await openStore(options.db);
    try {
      const page = await store.listDocuments({
        limit: options.limit,
        offset: options.offset,
        ...(options.publisher ? { publisher: options.publisher } : {}),
        ...(options.source ? { source: options.source } : {}),
        ...(options.from ? { from: options.from } : {}),
        ...(options.to ? { to: options.to } : {}),
        ...(options.query ? { text: options.query } : {}),
      });
      if (options.json) {
        printJson(page);
        return EXIT.ok;
      }
      printTable(
        ['ID', 'DATE', 'PUBLISHER', 'SOURCE', 'TITLE'],
        page.items.map((d) => [
          d.id,
          d.date ?? '',
          shorten(d.publisher, 24),
          shorten(d.source, 16),
          shorten(d.title ?? d.path, 70),
        ]),
      );
      process.stdout.write(`${page.items.length} of ${page.total} documents\n`);
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
