import { z } from 'zod';
import { common, count, parseCommand } from '../args.js';
import { EXIT, UsageError } from '../errors.js';
import { highlighter, printJson } from '../output.js';
import { openStore } from '../../store/open.js';
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../store/store.js';
import type { Command } from './command.js';

export const searchCommand: Command = {
  name: 'search',
  help: `
rashomon search QUERY [--limit N] [--offset N] [--db FILE] [--json]

Finds sentences containing every word of QUERY ("quoted phrases" stay together, word* matches a
prefix), best matches first, with the matched words highlighted.

Examples:
  rashomon search "phone call" Naryshkin
  rashomon search ransomware --limit 5 --json
`,
  async run(argv) {
    const { options, positionals } = parseCommand(
      argv,
      { ...common, limit: { type: 'string' }, offset: { type: 'string' } },
      z.object({ db: z.string().optional(), json: z.boolean().optional(), limit: count(20, 1000), offset: count(0, 100_000) }),
    );
    const query = positionals.join(' ').trim();
    if (!query) throw new UsageError('search needs a QUERY');
    const store = await openStore(options.db);
    try {
      const hits = await store.search(query, { limit: options.limit, offset: options.offset });
      if (options.json) {
        printJson({ query, hits });
        return EXIT.ok;
      }
      const mark = highlighter(Boolean(process.stdout.isTTY));
      const pattern = new RegExp(`${SNIPPET_OPEN}(.*?)${SNIPPET_CLOSE}`, 'gs');
      for (const hit of hits) {
        const where = [hit.date, hit.publisher, hit.title].filter(Boolean).join(' · ');
        process.stdout.write(`${hit.docId}  ${where}\n  ${hit.snippet.replace(pattern, (_, w: string) => mark(w))}\n`);
      }
      if (hits.length === 0) process.stdout.write(`no sentence matches '${query}'\n`);
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
