import { z } from 'zod';
import { common, parseCommand, type OptionSpec } from '../args.js';
import { EXIT, UsageError } from '../errors.js';
import { analyseFiles } from '../analyse-files.js';
import { compare } from '../../link/compare.js';
import type { CompareEvent, CompareResult } from '../../model/compare.js';
import { renderHtml } from '../../report/html.js';
import type { ReportDocument } from '../../report/layout.js';
import { renderMarkdown } from '../../report/markdown.js';
import { openStore } from '../../store/open.js';
import type { Command } from './command.js';

const spec = {
  ...common,
  html: { type: 'boolean' },
  files: { type: 'boolean' },
  event: { type: 'string' },
} as const satisfies OptionSpec;

const schema = z.object({
  db: z.string().optional(),
  json: z.boolean().optional(),
  html: z.boolean().optional(),
  files: z.boolean().optional(),
  event: z.string().optional(),
});

export const reportCommand: Command = {
  name: 'report',
  help: `
rashomon report EVENT [--db FILE] [--html]
rashomon report EVENT FILE... [--html]
rashomon report --files FILE... [--event EVENT] [--html]

Prints a readable side-by-side report of one event: its accounts in columns, its points in rows
(conflicts first, with the reason), and every claim with its document and offsets. Markdown by
default; --html prints a self-contained page (inline CSS, no scripts) to save and share; --json
the event in the compare contract's shape.

EVENT is an event id (or a unique prefix of one) from the store, or, when files are given, from
comparing those files in memory. With --files and no --event, the report is of the first event
with a conflict (else the first event that is some document's main event).

Examples:
  rashomon report ev_3b4a8ae0f08b4d07
  rashomon report ev_3b4a8ae0f08b4d07 --html > call.html
  rashomon report --files examples/naryshkin-burns-2023-07-13.txt
`,
  async run(argv) {
    const { options, positionals } = parseCommand(argv, spec, schema);
    const render = options.json ? (event: CompareEvent): string => `${JSON.stringify(event)}\n` : options.html ? renderHtml : renderMarkdown;
    if (options.files || positionals.length > 1) {
      const ref = options.files ? options.event : positionals[0];
      const rest = options.files ? positionals : positionals.slice(1);
      if (rest.length === 0) throw new UsageError('report --files needs at least one FILE');
      const { documents, failed } = await analyseFiles(rest);
      const result = compare(documents.map((d) => d.analysis));
      const event = ref ? findEvent(result, ref) : defaultEvent(result);
      if (!event) {
        process.stderr.write(ref ? `rashomon: no event matches '${ref}' in these files\n` : 'rashomon: no event found in these files\n');
        return EXIT.someInputsFailed;
      }
      process.stdout.write(render(event, result.documents));
      return failed ? EXIT.someInputsFailed : EXIT.ok;
    }
    const [ref] = positionals;
    if (!ref) throw new UsageError('report needs an EVENT id, or --files FILE...');
    const store = await openStore(options.db);
    try {
      const event = await store.getEvent(ref);
      if (!event) {
        process.stderr.write(`rashomon: no event '${ref}' in the store (see 'rashomon events', or report from files with --files)\n`);
        return EXIT.someInputsFailed;
      }
      const documents: ReportDocument[] = [];
      for (const id of event.documents) {
        const stored = await store.getDocument(id);
        const d = stored?.doc;
        documents.push({ id, title: d?.title ?? null, date: d?.date ?? null, publisher: d?.publisher ?? null, source: d?.source ?? null });
      }
      process.stdout.write(render(event, documents));
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};

/** The event with this id, else the only one whose id starts with it. */
function findEvent(result: CompareResult, ref: string): CompareEvent | undefined {
  const exact = result.events.find((e) => e.id === ref);
  if (exact) return exact;
  const prefixed = result.events.filter((e) => e.id.startsWith(ref));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** The first event with a conflict, else the first that is some document's main event, else the first. */
function defaultEvent(result: CompareResult): CompareEvent | undefined {
  const mains = new Set(result.documents.map((d) => d.main_event));
  return (
    result.events.find((e) => e.points.some((p) => p.status === 'conflict')) ??
    result.events.find((e) => mains.has(e.id)) ??
    result.events[0]
  );
}
