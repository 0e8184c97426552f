/**
 * The command list. Modules load on use, so `rashomon --help` or `rashomon docs` does not pay for
 * loading the NLP model.
 */
import type { Command } from './command.js';

interface Entry {
  name: string;
  summary: string;
  load: () => Promise<Command>;
}

export const commands: readonly Entry[] = [
  { name: 'ingest', summary: 'read files, folders, feeds or JSONL into the store', load: async () => (await import('./ingest.js')).ingestCommand },
  { name: 'docs', summary: 'list stored documents', load: async () => (await import('./docs.js')).docsCommand },
  { name: 'show', summary: 'show one document with its findings', load: async () => (await import('./show.js')).showCommand },
  { name: 'search', summary: 'full-text search over sentences, ranked, with highlighted snippets', load: async () => (await import('./search.js')).searchCommand },
  { name: 'stats', summary: 'counts of documents, sentences and findings in the store', load: async () => (await import('./stats.js')).statsCommand },
  { name: 'events', summary: 'list events grouped across stored documents, with conflict counts', load: async () => (await import('./events.js')).eventsCommand },
  { name: 'event', summary: 'one stored event: accounts side by side, points and evidence', load: async () => (await import('./event.js')).eventCommand },
  { name: 'entities', summary: 'print the people, organisations and places in files (no store)', load: async () => (await import('./entities.js')).entitiesCommand },
  { name: 'attributions', summary: 'print who said what in files (no store)', load: async () => (await import('./attributions.js')).attributionsCommand },
  { name: 'compare', summary: 'compare the accounts of events across files, in memory: shared, one side only, conflicts', load: async () => (await import('./compare.js')).compareCommand },
  { name: 'report', summary: 'a side-by-side report of one event (Markdown, or --html)', load: async () => (await import('./report.js')).reportCommand },
  { name: 'serve', summary: 'serve the workbench (web app and JSON API) over the store', load: async () => (await import('./serve.js')).serveCommand },
  { name: 'export', summary: 'export events as JSONL, CSV or a Markdown report', load: async () => (await import('./export.js')).exportCommand },
  { name: 'demo', summary: 'ingest the bundled examples into a fresh store and show what was found (npm start)', load: async () => (await import('./demo.js')).demoCommand },
];

export function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `rashomon: find where accounts of the same event diverge

Usage: rashomon COMMAND [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Common options:
  --db FILE     the store (default ./rashomon.db, or $RASHOMON_DB)
  --json        machine-readable output (read commands)
  -h, --help    help for a command, with examples

Examples:
  rashomon ingest examples/
  rashomon docs
  rashomon search "phone call"
  rashomon show <id>
  rashomon attributions examples/naryshkin-burns-2023-07-13.txt --json
  rashomon compare examples/naryshkin-burns-2023-07-13.txt --json

Exit codes: 0 ok, 1 some inputs failed (the rest were processed), 2 usage error.
`;
}
