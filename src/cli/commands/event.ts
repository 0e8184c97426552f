import { z } from 'zod';
import { common, parseCommand } from '../args.js';
import { EXIT, UsageError } from '../errors.js';
import { printJson } from '../output.js';
import { openStore } from '../../store/open.js';
import { renderMarkdown } from '../../report/markdown.js';
import type { CompareDocument } from '../../model/compare.js';
import type { Command } from './command.js';

export const eventCommand: Command = {
  name: 'event',
  help: `
rashomon event ID [--db FILE] [--json]

One event from the store: its accounts side by side and its points (shared, only one source,
conflict, with the reason), every piece of evidence with its document and span. --json prints
the 'rashomon compare --json' shape for this one event: {"documents": [...], "events": [event]}.

Examples:
  rashomon event ev_463b6595450d7482
  rashomon event ev_463b6595450d7482 --json
`,
  async run(argv) {
    const { options, positionals } = parseCommand(argv, common, z.object({ db: z.string().optional(), json: z.boolean().optional() }));
    const [id] = positionals;
    if (!id || positionals.length > 1) throw new UsageError('event needs exactly one event ID (see rashomon events)');
    const store = await openStore(options.db);
    try {
      const event = await store.getEvent(id);
      if (!event) {
        process.stderr.write(`rashomon: no event '${id}'\n`);
        return EXIT.someInputsFailed;
      }
      const documents: CompareDocument[] = [];
      const mains = await store.mainEvents(event.documents);
      for (const docId of event.documents) {
        const stored = await store.getDocument(docId);
        if (!stored) continue;
        const d = stored.doc;
        documents.push({ id: d.id, title: d.title, date: d.date, publisher: d.publisher, source: d.source, main_event: mains.get(d.id) ?? null });
      }
      if (options.json) printJson({ documents, events: [event] });
      else process.stdout.write(renderMarkdown(event, documents));
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
