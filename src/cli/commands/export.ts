import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { z } from 'zod';
import { parseCommand } from '../args.js';
import { EXIT, UsageError } from '../errors.js';
import { EXPORT_FORMATS, exportChunks } from '../../export/index.js';
import { openStore } from '../../store/open.js';
import type { Command } from './command.js';

export const exportCommand: Command = {
  name: 'export',
  help: `
rashomon export --format jsonl|csv|md [--event ID] [--out FILE] [--db FILE]

Writes the events of the store, compared side by side, to stdout (or FILE):
  jsonl  one event a line in the compare shape (the documents, when there are no events yet)
  csv    one row per point and piece of evidence: event, point, status, sources, reason, and the
         evidence's source, document, start, end and text (cells that would be a spreadsheet
         formula start with ')
  md     a Markdown report: per event, a table with one column per account source

Examples:
  rashomon export --format md --out report.md
  rashomon export --format csv --event ev-1 > points.csv
  rashomon export --format jsonl | head -1
`,
  async run(argv) {
    const { options, positionals } = parseCommand(
      argv,
      {
        db: { type: 'string' },
        format: { type: 'string', short: 'f' },
        event: { type: 'string' },
        out: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
      z.object({
        db: z.string().optional(),
        format: z.enum(EXPORT_FORMATS, { error: `expected one of ${EXPORT_FORMATS.join(', ')}` }),
        event: z.string().min(1).optional(),
        out: z.string().min(1).optional(),
        help: z.boolean().optional(),
      }),
    );
    if (positionals.length) throw new UsageError(`export takes no arguments (got '${positionals.join(' ')}')`);
    const store = await openStore(options.db);
    try {
      if (options.event !== undefined && (await store.getEvent(options.event)) === null) {
        process.stderr.write(`rashomon: no event with id '${options.event}'\n`);
        return EXIT.someInputsFailed;
      }
      const out = options.out === undefined ? process.stdout : createWriteStream(options.out);
      // A bad --out path is reported before anything is read.
      if (out !== process.stdout) await once(out, 'open');
      for await (const chunk of exportChunks(store, options.format, options.event === undefined ? {} : { event: options.event })) {
        if (!out.write(chunk)) await once(out, 'drain');
      }
      if (out !== process.stdout) {
        out.end();
        await once(out, 'finish');
        process.stderr.write(`wrote ${options.out}\n`);
      }
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
