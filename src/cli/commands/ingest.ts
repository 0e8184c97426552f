import { z } from 'zod';
import { common, parseCommand } from '../args.js';
import { EXIT, UsageError } from '../errors.js';
import { printJson } from '../output.js';
import { progress } from '../progress.js';
import { ingest } from '../../ingest/run.js';
import { countInputs } from '../../ingest/inputs.js';
import { openStore } from '../../store/open.js';
import type { Command } from './command.js';

export const ingestCommand: Command = {
  name: 'ingest',
  help: `
rashomon ingest PATH... [--db FILE] [--json] [--batch N] [--workers N]

Reads text files (an optional first line 'date YYYY-MM-DD' sets the publication date), HTML pages,
RSS/Atom feeds and JSONL (one {"text", "id"?, "title"?, "date"?, "publisher"?, "source"?, "url"?} a line).
Folders are read recursively; '-' reads JSONL from standard input. Content decides the format, not
the extension. Documents already in the store with the same content are reported as unchanged.

Analysis runs in N worker threads (--workers; default: this thread for fewer than 50 documents,
else one per core up to 2; --workers 1 analyses in the main thread). One thread writes, in input
order, so the store is the same whatever N is.

Exit code: 0 all inputs ingested, 1 some inputs failed (the rest were ingested), 2 usage error.

Examples:
  rashomon ingest examples/
  rashomon ingest articles.jsonl feeds/world.xml --db news.db
  rashomon ingest archive/ --workers 2
  cat records.jsonl | rashomon ingest -
`,
  async run(argv) {
    const { options, positionals } = parseCommand(
      argv,
      { ...common, batch: { type: 'string' }, workers: { type: 'string' } },
      z.object({
        db: z.string().optional(),
        json: z.boolean().optional(),
        batch: z.coerce.number().int().min(1).max(10_000).optional(),
        workers: z.coerce.number().int().min(1).max(64).optional(),
      }),
    );
    if (positionals.length === 0) throw new UsageError('ingest needs at least one PATH (a file, a folder, or - for stdin)');
    const store = await openStore(options.db);
    try {
      const bar = progress(process.stderr, null);
      void countInputs(positionals).then((n) => bar.setTotal(n), () => undefined);
      const report = await ingest(positionals, store, {
        ...(options.batch ? { batchSize: options.batch } : {}),
        ...(options.workers ? { workers: options.workers } : {}),
        ...(positionals.includes('-') ? { stdin: process.stdin } : {}),
        onProgress: (done, errors) => bar.tick(done, errors),
      });
      bar.finish();
      const total = report.added + report.updated + report.unchanged;
      if (options.json) {
        printJson(report);
      } else {
        for (const f of report.failed) {
          process.stderr.write(`error: ${f.path}${f.line !== undefined ? `:${f.line}` : ''}: ${f.reason}\n`);
        }
        const unlisted = report.failedCount - report.failed.length;
        if (unlisted > 0) process.stderr.write(`error: ... and ${unlisted} more failures not listed\n`);
        for (const w of report.warnings) process.stderr.write(`warning: ${w.path}: ${w.message} (${w.code})\n`);
        const unlistedWarnings = report.warningCount - report.warnings.length;
        if (unlistedWarnings > 0) process.stderr.write(`warning: ... and ${unlistedWarnings} more warnings not listed\n`);
        const rate = report.seconds > 0 ? total / report.seconds : 0;
        process.stdout.write(
          `${total} documents: ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged; ` +
            `${report.failedCount} failed; ${report.warningCount} warnings; ${report.seconds.toFixed(1)} s (${rate.toFixed(1)} docs/s)\n`,
        );
      }
      return report.failedCount > 0 ? EXIT.someInputsFailed : EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
